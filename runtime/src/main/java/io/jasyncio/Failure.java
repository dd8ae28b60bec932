package io.jasyncio;

/**
 * A future's or an await's failed outcome: stored in the same field as a plain result so a
 * future needs no separate state field and a successful completion allocates nothing. Never
 * visible to users (only this package can create one, so no user value is ever a Failure).
 */
final class Failure {
    final Throwable error;
    /** True when the future was cancelled (error is then a {@link CancelledError}). */
    final boolean cancelled;
    /** Someone looked at the error (result(), exception(), await): see {@link NeverRetrieved}. */
    boolean retrieved;

    Failure(Throwable error, boolean cancelled) {
        this.error = error;
        this.cancelled = cancelled;
    }

    static Failure of(Throwable error) {
        return new Failure(error, false);
    }

    static Failure cancelled(CancelledError error) {
        return new Failure(error, true);
    }
}
