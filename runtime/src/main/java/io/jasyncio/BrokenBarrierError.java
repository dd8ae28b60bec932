package io.jasyncio;

/**
 * asyncio.BrokenBarrierError: a {@link Barrier} was aborted or reset while a task waited on it,
 * or a task waits on a broken barrier. Like asyncio's (a RuntimeError) it is an
 * {@link IllegalStateException}.
 */
public class BrokenBarrierError extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** An error with {@code message}. */
    public BrokenBarrierError(String message) {
        super(message);
    }
}
