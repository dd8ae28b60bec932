package io.jasyncio.rewriter.differential;

import java.util.Map;

/**
 * Corpus programs that expose a rewriter bug not fixed yet, each with its minimal reproduction.
 * They still run on every build: while the bug stands the test is reported as aborted (skipped)
 * with the failure; once it passes the test fails until the entry is removed here, so this list
 * cannot go stale. Empty is the goal.
 */
public final class KnownRewriterBugs {
    // Fixed in the rewriter, and kept as corpus programs: "FinallyForms" (an await inside a finally
    // block restored the caught Throwable as Object: VerifyError at ATHROW) and
    // "WideLocalsManyAwaits" (300 live locals across 14 awaits: MethodTooLargeException).
    static final Map<String, String> BUGS = Map.of();

    /**
     * How the same bugs show in a failure message (for the generated programs, which hit them at
     * random): failure text to bug.
     */
    public static final Map<String, String> SIGNATURES = Map.of();

    /** The known bug a failure shows, or null. */
    public static String recognise(Throwable failure) {
        String text = String.valueOf(failure.getMessage());
        return SIGNATURES.entrySet().stream()
                .filter(e -> text.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private KnownRewriterBugs() {}
}
