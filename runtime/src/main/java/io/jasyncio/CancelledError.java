package io.jasyncio;

/**
 * The task or future was cancelled. Extends {@link Error} (like {@link ThreadDeath}) so that
 * {@code catch (Exception e)} does not swallow cancellation, as asyncio made
 * {@code CancelledError} a {@code BaseException} in Python 3.8. At
 * {@link java.util.concurrent.CompletionStage} boundaries it becomes a
 * {@link java.util.concurrent.CancellationException}.
 */
public class CancelledError extends Error {
    private static final long serialVersionUID = 1L;

    public CancelledError() {
        super();
    }

    public CancelledError(String message) {
        super(message);
    }

    @Override
    public String toString() {
        String m = getMessage();
        return m == null ? "CancelledError()" : "CancelledError('" + m + "')";
    }
}
