package io.jasyncio.rewriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Rewriter#rewrite} made of one class. The agent and the Maven plugin act on
 * {@link #status()} alone: write {@link #bytes()} when {@link Status#REWRITTEN}, keep the input
 * when {@link Status#UNCHANGED} or {@link Status#ALREADY_REWRITTEN}, report and refuse the class
 * when {@link Status#FAILED}; and they report the {@link #diagnostics()} in the order given.
 *
 * @param status      what happened
 * @param bytes       the output class bytes: the new class when rewritten, the input itself when
 *                    unchanged or already rewritten, null exactly when failed
 * @param diagnostics every problem found, all at once, in source order (problems of the whole
 *                    class first, then by line; equal lines in the order found); at least one
 *                    error exactly when failed, and possibly warnings whatever the status
 */
public record RewriteResult(Status status, byte[] bytes, List<Diagnostic> diagnostics) {
    /** What {@link Rewriter#rewrite} made of a class. */
    public enum Status {
        /** The class had {@code @Async} methods; {@code bytes} is the rewritten class. */
        REWRITTEN,
        /** Nothing to rewrite (no {@code @Async} method); {@code bytes} is the input. */
        UNCHANGED,
        /**
         * The class carries the marker of an earlier rewrite (the Maven plugin's, say) and is
         * left exactly as it is; {@code bytes} is the input.
         */
        ALREADY_REWRITTEN,
        /** At least one error diagnostic: the class must not be used as it is; {@code bytes} is null. */
        FAILED
    }

    /** Orders the diagnostics in source order and checks that status, bytes and errors agree. */
    public RewriteResult {
        Objects.requireNonNull(status, "status");
        if (diagnostics.size() > 1) {
            List<Diagnostic> ordered = new ArrayList<>(diagnostics);
            ordered.sort(RewriteResult::sourceOrder);
            diagnostics = ordered;
        }
        diagnostics = List.copyOf(diagnostics);
        boolean failed = status == Status.FAILED;
        boolean errors = false;
        for (Diagnostic d : diagnostics) {
            errors |= d.severity() == Diagnostic.Severity.ERROR;
        }
        if (failed != (bytes == null) || failed != errors) {
            throw new IllegalArgumentException("inconsistent rewrite result: " + status + " with "
                    + (bytes == null ? "no" : "some") + " bytes and " + (errors ? "" : "no ") + "errors");
        }
    }

    /** Problems of the whole class (no line) first, then by line; a stable sort keeps equal lines in order. */
    private static int sourceOrder(Diagnostic a, Diagnostic b) {
        return Integer.compare(Math.max(a.line(), 0), Math.max(b.line(), 0));
    }

    static RewriteResult rewritten(byte[] bytes, List<Diagnostic> diagnostics) {
        return new RewriteResult(Status.REWRITTEN, bytes, diagnostics);
    }

    static RewriteResult unchanged(byte[] input, List<Diagnostic> diagnostics) {
        return new RewriteResult(Status.UNCHANGED, input, diagnostics);
    }

    static RewriteResult alreadyRewritten(byte[] input) {
        return new RewriteResult(Status.ALREADY_REWRITTEN, input, List.of());
    }

    static RewriteResult failed(List<Diagnostic> diagnostics) {
        return new RewriteResult(Status.FAILED, null, diagnostics);
    }

    /** Whether {@link #bytes()} differ from the input: {@link Status#REWRITTEN}. */
    public boolean changed() {
        return status == Status.REWRITTEN;
    }

    /** Whether there is an error diagnostic: {@link Status#FAILED}. */
    public boolean hasErrors() {
        return status == Status.FAILED;
    }
}
