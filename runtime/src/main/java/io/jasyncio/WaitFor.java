package io.jasyncio;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * asyncio.wait_for as CPython 3.12+ does it: a positive (or absent) timeout is a
 * {@link Timeout} scope around the await, so a coroutine runs inline in the caller's task (no new
 * task). On timeout the awaitable is cancelled, waitFor waits until it has really stopped, then
 * raises {@link TimeoutError}; if it suppresses the cancellation and returns a value, that value is
 * returned. A timeout of zero or less: a done awaitable returns its result, anything else is
 * cancelled (a coroutine never starts) and waited for, then TimeoutError.
 */
final class WaitFor<T> extends AwaitScope<T> {
    private Awaitable<T> aw;
    private final Double timeout;
    /** With a timeout of zero or less: the awaitable as a future, cancelled and waited for unless done. */
    private Future<T> fut;

    private Consumer<Future<T>> releaser;

    WaitFor(Awaitable<T> aw, Double timeout) {
        this.aw = Objects.requireNonNull(aw, "awaitable");
        if (timeout != null && timeout.isNaN()) {
            throw new IllegalArgumentException("timeout is NaN");
        }
        this.timeout = timeout;
    }

    @Override
    Object enter() {
        Awaitable<T> a = aw;
        aw = null;
        if (timeout == null || timeout > 0) {
            // this frame is only a pass-through for the scope's result
            return new Timeout(timeout == null ? null : AsyncIO.getRunningLoop().time() + timeout).run(a);
        }
        fut = Futures.ensure(a, null);
        if (fut.done()) {
            return fut; // its result, or its failure, at once
        }
        // _cancel_and_wait: cancel, then wait on a separate waiter so waitFor stays cancellable.
        Future<Object> waiter = AsyncIO.getRunningLoop().createFuture();
        releaser = f -> Futures.release(waiter);
        fut.addDoneCallback(releaser);
        fut.cancel();
        return waiter;
    }

    @Override
    Throwable failed(Throwable error) {
        if (releaser != null) {
            fut.removeDoneCallback(releaser);
        }
        return error;
    }

    @Override
    Object succeeded(Object value) {
        if (releaser == null) {
            return value;
        }
        fut.removeDoneCallback(releaser);
        try {
            return fut.result();
        } catch (CancelledError e) {
            TimeoutError timeoutError = new TimeoutError();
            timeoutError.initCause(e);
            throw timeoutError;
        }
    }

    @Override
    protected StackTraceElement location() {
        return new StackTraceElement("io.jasyncio.AsyncIO", "waitFor", null, -1);
    }
}
