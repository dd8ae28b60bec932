package io.jasyncio.benchmarks.compare;

import java.util.LinkedHashMap;
import java.util.Map;

/** What one iteration measured: named values in SI units (per second, seconds, bytes). */
final class Sample {
    final Map<String, Double> values = new LinkedHashMap<>();

    Sample put(String key, double value) {
        values.put(key, value);
        return this;
    }

    static Sample rate(String key, long operations, long nanos) {
        return new Sample().put(key, operations * 1e9 / Math.max(1, nanos));
    }

    static Sample seconds(String key, long nanos) {
        return new Sample().put(key, nanos / 1e9);
    }
}
