package io.jasyncio.rewriter.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * What one run produced: the trace lines, then how it ended ({@code returned: value} or
 * {@code threw: Class: message}). Two runs are equivalent when these are equal.
 *
 * @param failure the throwable when the run threw, else null (not part of equality)
 */
public record RunOutcome(List<String> trace, String end, Throwable failure) {

    @Override
    public boolean equals(Object o) {
        return o instanceof RunOutcome r && r.trace.equals(trace) && r.end.equals(end);
    }

    @Override
    public int hashCode() {
        return trace.hashCode() * 31 + end.hashCode();
    }

    public List<String> lines() {
        List<String> all = new ArrayList<>(trace);
        all.add(end);
        return all;
    }

    /** Side by side, first difference marked, for failure messages. */
    public static String diff(String leftName, RunOutcome left, String rightName, RunOutcome right) {
        List<String> a = left.lines();
        List<String> b = right.lines();
        StringBuilder sb = new StringBuilder(String.format("  %-4s %-50s | %s%n", "#", leftName, rightName));
        boolean marked = false;
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "<none>";
            String y = i < b.size() ? b.get(i) : "<none>";
            boolean same = x.equals(y);
            sb.append(!same && !marked ? "=>" : "  ")
                    .append(String.format("%-4d %-50s %s %s%n", i, x, same ? "|" : "#", y));
            marked |= !same;
        }
        if (left.failure != null && !left.end.equals(right.end)) {
            sb.append(leftName).append(" failure: ").append(Runs.stackTrace(left.failure));
        }
        if (right.failure != null && !left.end.equals(right.end)) {
            sb.append(rightName).append(" failure: ").append(Runs.stackTrace(right.failure));
        }
        return sb.toString();
    }
}
