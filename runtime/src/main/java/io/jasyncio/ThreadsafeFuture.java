package io.jasyncio;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The {@link CompletableFuture} face of a loop future ({@link Future#toCompletableFuture()},
 * {@link AsyncIO#runCoroutineThreadsafe}): completed on the loop thread with the future's
 * outcome; {@code cancel} from any thread also cancels the loop future, through
 * {@link EventLoop#callSoonThreadsafe}.
 */
final class ThreadsafeFuture<T> extends CompletableFuture<T> {
    private final EventLoop loop;
    /** The loop future; written on the loop thread, read by cancel() on its own thread. */
    private volatile Future<T> target;

    ThreadsafeFuture(EventLoop loop) {
        this.loop = loop;
    }

    /** Loop thread: mirror {@code f} from now on. */
    void bind(Future<T> f) {
        target = f;
        if (isCancelled()) {
            f.cancel();
            return;
        }
        if (f.done()) {
            copy(f);
        } else {
            f.addCallback((Consumer<Future<T>>) this::copy);
        }
    }

    private void copy(Future<T> f) {
        Object o = f.outcome;
        if (o instanceof Failure failure) {
            if (failure.error instanceof CancelledError ce) {
                completeExceptionally(toCancellation(ce));
            } else {
                failure.retrieved = true; // handed over to the CompletableFuture
                completeExceptionally(failure.error);
            }
        } else {
            @SuppressWarnings("unchecked")
            T value = (T) o;
            complete(value);
        }
    }

    /** CancelledError becomes CancellationException at this boundary (so isCancelled() is true), message kept. */
    static CancellationException toCancellation(CancelledError error) {
        CancellationException ce = new CancellationException(error.getMessage());
        ce.initCause(error);
        return ce;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            try {
                loop.callSoonThreadsafe(() -> {
                    Future<T> f = target;
                    if (f != null) {
                        f.cancel();
                    }
                });
            } catch (IllegalStateException closed) {
                // the loop is closed: its tasks are gone anyway
            }
        }
        return cancelled;
    }
}
