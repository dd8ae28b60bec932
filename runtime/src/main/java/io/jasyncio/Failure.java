package io.jasyncio;

/**
 * A future's or an await's failed outcome: stored in the same field as a plain result so a
 * future needs no separate state field and a successful completion allocates nothing. Never
 * visible to users (only this package can create one, so no user value is ever a Failure).
 *
 * <p>A cancellation hands its {@link CancelledError} out once ({@link #take()}), as asyncio's
 * {@code Future._make_cancelled_error} does: the first {@code await}/{@code result()} gets the
 * original error, every later one a fresh {@code CancelledError} (so async frames recorded
 * into one awaiter's error never show up in another's).
 */
final class Failure {
    /** The error; for a cancellation, the CancelledError the next {@link #take()} hands out. */
    final Throwable error;
    /** True when the future was cancelled (error is then a {@link CancelledError}). */
    final boolean cancelled;
    /** Someone looked at the error (result(), exception(), await): see {@link NeverRetrieved}. */
    boolean retrieved;
    /** A cancellation whose {@link #error} was handed out: later retrievals get fresh errors. */
    private boolean handedOut;
    /** The message of those fresh CancelledErrors (asyncio's {@code _cancel_message}). */
    private final String freshMessage;

    private Failure(Throwable error, boolean cancelled, String freshMessage) {
        this.error = error;
        this.cancelled = cancelled;
        this.freshMessage = freshMessage;
    }

    static Failure of(Throwable error) {
        return new Failure(error, false, null);
    }

    /**
     * A task whose coroutine let {@code error} propagate: the first retrieval gets {@code error},
     * later ones a CancelledError without message (asyncio keeps the coroutine's error as
     * {@code _cancelled_exc} and cancels the future with no message).
     */
    static Failure cancelled(CancelledError error) {
        return new Failure(error, true, null);
    }

    /** {@code Future.cancel(message)}: every retrieval gets a CancelledError with {@code message}. */
    static Failure cancelledWith(String message) {
        return new Failure(CancelledError.delivered(message), true, message);
    }

    /** The error to throw at an await or from result(): see the class comment. */
    Throwable take() {
        if (!cancelled) {
            return error;
        }
        if (!handedOut) {
            handedOut = true;
            return error;
        }
        return CancelledError.delivered(freshMessage);
    }

    /** The message a cancellation's fresh errors carry (null for none). */
    String cancelMessage() {
        return freshMessage;
    }
}
