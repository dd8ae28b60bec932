package io.jasyncio.rewriter.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * The trace a test program writes ({@code Trace.log(...)}) and the harness compares. Programs
 * call {@link #tick()} in every loop, so a rewriter bug that makes a loop spin forever ends
 * with {@link BudgetExceeded} instead of hanging the build.
 */
public final class Trace {
    /** Far above what any corpus or generated program does. */
    static final int BUDGET = 1_000_000;

    private static final List<String> LINES = new ArrayList<>();
    private static int steps;

    private Trace() {}

    public static synchronized void log(Object line) {
        tick();
        LINES.add(String.valueOf(line));
    }

    public static synchronized void tick() {
        if (++steps > BUDGET) {
            throw new BudgetExceeded();
        }
    }

    static synchronized void reset() {
        LINES.clear();
        steps = 0;
    }

    static synchronized List<String> drain() {
        List<String> out = new ArrayList<>(LINES);
        reset();
        return out;
    }

    /** An Error so that generated {@code catch (Exception e)} blocks do not swallow it. */
    public static final class BudgetExceeded extends Error {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super("trace budget of " + BUDGET + " steps exceeded: probably an endless loop");
        }
    }
}
