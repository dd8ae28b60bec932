package io.jasyncio;

import java.util.function.Consumer;

/**
 * asyncio.shield (CPython 3.14 semantics): an outer future that mirrors {@code aw} (a coroutine
 * is wrapped in a task). Cancelling the outer future does not cancel the inner one, which runs on;
 * if the inner one is cancelled by other means, the outer future is cancelled too. An awaitable
 * that is already done is returned as is. When the inner one fails after the outer was
 * cancelled, nobody is left to see the failure: it goes to the loop's exception handler
 * ("... exception in shielded future").
 */
final class Shield {
    private Shield() {}

    /** Reports the failure of a shielded future whose outer future was cancelled (asyncio's _log_on_exception). */
    private static final java.util.function.Consumer<Future<Object>> LOG_ON_EXCEPTION = fut -> {
        if (fut.cancelled()) {
            return;
        }
        Throwable exc = fut.exception();
        if (exc != null) {
            fut.getLoop()
                    .callExceptionHandler(new ExceptionContext(
                            exc.getClass().getSimpleName() + " exception in shielded future", exc, fut, null));
        }
    };

    static <T> Future<T> shield(Awaitable<T> aw) {
        Future<T> inner = Futures.ensure(aw, null);
        if (inner.done()) {
            return inner;
        }
        Future<T> outer = new Outer<>(inner.getLoop(), inner);
        Consumer<Future<T>> innerDone = f -> {
            if (outer.cancelled()) {
                return;
            }
            if (f.cancelled()) {
                outer.cancel();
            } else {
                Throwable exc = f.exception();
                if (exc != null) {
                    outer.setException(exc);
                } else {
                    outer.setResult(f.result());
                }
            }
        };
        inner.addDoneCallback(innerDone);
        outer.addDoneCallback(f -> {
            if (!inner.done()) {
                inner.removeDoneCallback(innerDone);
                @SuppressWarnings({"unchecked", "rawtypes"})
                Future<Object> in = (Future) inner;
                in.removeDoneCallback(LOG_ON_EXCEPTION); // keep only one
                in.addDoneCallback(LOG_ON_EXCEPTION);
            }
        });
        return outer;
    }

    /**
     * The outer future: a plain future that also names the inner one, so that the task dump shows
     * the task awaiting the shield as awaiting the shielded task (asyncio 3.14 records it so).
     */
    static final class Outer<T> extends Future<T> {
        final Future<T> inner;

        Outer(EventLoop loop, Future<T> inner) {
            super(loop);
            this.inner = inner;
        }
    }
}
