package io.jasyncio;

import java.util.function.Consumer;

/**
 * asyncio.shield (CPython 3.13 semantics): an outer future that mirrors {@code aw} (a coroutine
 * is wrapped in a task). Cancelling the outer future does not cancel the inner one, which runs on;
 * if the inner one is cancelled by other means, the outer future is cancelled too. An awaitable
 * that is already done is returned as is.
 */
final class Shield {
    private Shield() {
    }

    static <T> Future<T> shield(Awaitable<T> aw) {
        Future<T> inner = Futures.ensure(aw, null);
        if (inner.done()) {
            return inner;
        }
        Future<T> outer = inner.getLoop().createFuture();
        Consumer<Future<T>> innerDone = f -> {
            if (outer.cancelled()) {
                if (!f.cancelled()) {
                    f.exception(); // mark retrieved: nobody else will look at it
                }
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
            }
        });
        return outer;
    }
}
