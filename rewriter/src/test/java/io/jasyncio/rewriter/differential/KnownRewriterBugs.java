package io.jasyncio.rewriter.differential;

import java.util.Map;

/**
 * Corpus programs that expose a rewriter bug not fixed yet, each with its minimal reproduction.
 * They still run on every build: while the bug stands the test is reported as aborted (skipped)
 * with the failure; once it passes the test fails until the entry is removed here, so this list
 * cannot go stale. Empty is the goal.
 */
public final class KnownRewriterBugs {
    static final Map<String, String> BUGS = Map.of(
            "FinallyForms", "an await inside a finally block: on the exceptional copy of the finally body the caught"
                    + " Throwable, live across the await, is restored as Object without a CHECKCAST, so the final"
                    + " ATHROW fails verification (VerifyError 'Bad type on operand stack'). Minimal: try {"
                    + " await(failState(\"x\")); } finally { await(sleep(0)); }",
            "WideLocalsManyAwaits", "300 locals live across 14 awaits: each site saves and restores every live local"
                    + " inline, the body exceeds 64 KiB and the rewriter reports 'internal rewriter error:"
                    + " MethodTooLargeException' instead of rewriting it");

    /**
     * How the same bugs show in a failure message (for the generated programs, which hit them at
     * random): failure text to bug.
     */
    public static final Map<String, String> SIGNATURES = Map.of(
            "athrow of a non-Throwable", "await inside finally: caught Throwable restored as Object (see FinallyForms)",
            "MethodTooLargeException", "many live locals across many awaits: body over 64 KiB (see WideLocalsManyAwaits)");

    /** The known bug a failure shows, or null. */
    public static String recognise(Throwable failure) {
        String text = String.valueOf(failure.getMessage());
        return SIGNATURES.entrySet().stream().filter(e -> text.contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private KnownRewriterBugs() {
    }
}
