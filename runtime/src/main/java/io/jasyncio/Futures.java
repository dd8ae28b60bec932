package io.jasyncio;

import java.util.Objects;

/** asyncio.ensure_future and the small future helpers the high-level API shares. */
final class Futures {
    private Futures() {}

    /**
     * asyncio.ensure_future: a future is returned as is (when {@code loop} is given it must be
     * that loop's, asyncio's ValueError); a coroutine becomes a task of {@code loop}, or of the
     * running loop when {@code loop} is null.
     */
    @SuppressWarnings("unchecked")
    static <T> Future<T> ensure(Awaitable<T> aw, EventLoop loop) {
        Objects.requireNonNull(aw, "an asyncio.Future, a coroutine or an awaitable is required, got null");
        if (aw instanceof Future<T> f) {
            if (loop != null && f.getLoop() != loop) {
                throw new IllegalArgumentException(
                        "The future belongs to a different loop than the one specified as the loop argument");
            }
            return f;
        }
        if (!(aw instanceof Coroutine<T> coro)) {
            // unreachable while Awaitable permits only Coroutine and Future; asyncio's TypeError
            throw new IllegalArgumentException("An asyncio.Future, a coroutine or an awaitable is required, got "
                    + aw.getClass().getName());
        }
        return (loop != null ? loop : AsyncIO.getRunningLoop()).createTask(coro);
    }

    /** Sets {@code waiter}'s result to null unless it is done already (asyncio's _release_waiter). */
    @SuppressWarnings("unchecked")
    static void release(Future<?> waiter) {
        if (!waiter.done()) {
            ((Future<Object>) (Future<?>) waiter).setResult(null);
        }
    }

    /**
     * asyncio's {@code Future._make_cancelled_error()}: a cancelled future's CancelledError (the
     * original one the first time, see {@link Failure#take()}); for a future that was not
     * cancelled, a new CancelledError without message.
     */
    static CancelledError makeCancelledError(Future<?> f) {
        if (f.outcome instanceof Failure failure && failure.cancelled) {
            return (CancelledError) failure.take();
        }
        return CancelledError.delivered(null);
    }

    /**
     * A new CancelledError with a cancelled future's message, without handing out the future's
     * own error (asyncio 3.14's gather puts one in place of a cancelled child's result; it
     * writes a missing message as '', this keeps none, as the seed examples print
     * {@code CancelledError()}).
     */
    static CancelledError newCancelledError(Future<?> f) {
        return CancelledError.delivered(f.outcome instanceof Failure failure ? failure.cancelMessage() : null);
    }

    /** The failure of a done future without throwing: its exception, or its CancelledError. */
    static Throwable failure(Future<?> f) {
        if (f.cancelled()) {
            try {
                f.result();
            } catch (CancelledError e) {
                return e;
            }
            return new CancelledError();
        }
        return f.exception();
    }
}
