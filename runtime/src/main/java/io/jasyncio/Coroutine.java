package io.jasyncio;

/**
 * A coroutine object: what calling an {@link Async} method returns. It is lazy: no line of
 * its body runs until it is awaited (then it runs inline in the awaiting task) or wrapped in a
 * {@link Task}. It can be awaited once.
 *
 * <p>Rewritten {@code @Async} methods produce {@link io.jasyncio.internal.Frame} instances.
 * A coroutine can also be written by hand (the counterpart of asyncio's generator-based
 * coroutines): subclass this class and implement {@link #resume()} as a small state machine
 * that calls {@link #awaitStep(Object)} and {@link #awaitResult()}. See docs/REWRITER.md.
 *
 * @param <T> the type of the coroutine's result
 */
public abstract non-sealed class Coroutine<T> implements Awaitable<T> {

    /** Returned by {@link #resume()} when the body suspended at an await. */
    protected static final Object SUSPEND = Suspend.SUSPEND;

    protected Coroutine() {
    }

    /**
     * Runs the body from where it last stopped until it completes (return the result value),
     * fails (throw), or suspends (return {@link #SUSPEND}, only right after
     * {@link #awaitStep(Object)} returned {@code SUSPEND}). Called by the runtime only.
     */
    protected abstract Object resume() throws Throwable;

    /**
     * Starts awaiting {@code awaitable} (an {@link Awaitable} or a
     * {@link java.util.concurrent.CompletionStage}) from this coroutine's body. Returns the
     * awaited value at once when it is available without suspending (a done future, a
     * coroutine that completed inline), or throws its failure. Otherwise returns
     * {@link #SUSPEND}: the body must then save its state and return {@code SUSPEND} from
     * {@link #resume()}; on the next {@code resume()} it calls {@link #awaitResult()}.
     */
    protected final Object awaitStep(Object awaitable) throws Throwable {
        throw new UnsupportedOperationException("runtime core not built yet");
    }

    /**
     * After a suspension: the awaited value, or throws the awaited failure (a
     * {@link CancelledError} when the task was cancelled while suspended here).
     */
    protected final Object awaitResult() throws Throwable {
        throw new UnsupportedOperationException("runtime core not built yet");
    }

    /** Where this coroutine is (for task stacks and {@code toString}); hand-written ones may override. */
    protected StackTraceElement location() {
        return new StackTraceElement(getClass().getName(), "resume", null, -1);
    }
}
