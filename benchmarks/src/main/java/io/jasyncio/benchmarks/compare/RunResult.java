package io.jasyncio.benchmarks.compare;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One child JVM's outcome: {@code status} is "ok" or why there are no numbers
 * ("StackOverflowError", "unsupported: ...", "timeout", "crashed (exit 134)").
 */
record RunResult(String status, Map<String, Double> values) {

    boolean ok() {
        return status.equals("ok");
    }

    /** Parses {@code RESULT\tstatus=ok\tkey=value...}; null when {@code line} is not one. */
    static RunResult parse(String line) {
        if (!line.startsWith("RESULT\t")) {
            return null;
        }
        String status = "?";
        Map<String, Double> values = new LinkedHashMap<>();
        for (String field : line.substring("RESULT\t".length()).split("\t")) {
            int eq = field.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = field.substring(0, eq);
            String value = field.substring(eq + 1);
            if (key.equals("status")) {
                status = value;
            } else {
                values.put(key, Double.parseDouble(value));
            }
        }
        return new RunResult(status, values);
    }

    /** The line {@link #parse} reads back. */
    String toLine() {
        StringBuilder line = new StringBuilder("RESULT\tstatus=")
                .append(status.replace('\t', ' ').replace('\n', ' '));
        values.forEach((k, v) -> line.append('\t').append(k).append('=').append(v));
        return line.toString();
    }

    static RunResult failed(String why) {
        return new RunResult(why, Map.of());
    }
}
