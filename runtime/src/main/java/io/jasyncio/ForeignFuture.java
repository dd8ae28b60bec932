package io.jasyncio;

import java.util.function.Consumer;

/**
 * A future whose outcome comes from another thread (an executor job, a {@code CompletionStage}).
 * Until it is done it counts as work in flight, which keeps a virtual clock from running ahead
 * of real time; done by any path (result, failure, cancellation) it stops counting, so a job
 * that never runs cannot leave the count raised.
 */
final class ForeignFuture<T> extends Future<T> {
    ForeignFuture(EventLoop loop) {
        super(loop);
        loop.inbox.jobStarted();
    }

    /**
     * Any thread: completes this future on its loop with {@code value}, or with {@code error}
     * when not null (a {@code java.util.concurrent} wrapper is unwrapped, a cancellation cancels
     * it). Nothing happens when the future is done by then (cancelled meanwhile) or the loop was
     * closed meanwhile.
     */
    void settleThreadsafe(T value, Throwable error) {
        try {
            loop.callSoonThreadsafe(() -> {
                if (!done()) {
                    if (error == null) {
                        setResult(value);
                    } else {
                        settleFailure(error);
                    }
                }
            });
        } catch (IllegalStateException closedMeanwhile) {
            // the loop was closed: nobody is left to tell
        }
    }

    /** Cancelling this future cancels {@code source} (when it has not started or finished yet). */
    void cancelsSource(java.util.concurrent.Future<?> source) {
        addCallback((Consumer<Future<T>>) f -> {
            if (f.cancelled()) {
                source.cancel(false);
            }
        });
    }

    @Override
    void complete(Object result) {
        loop.inbox.jobDone();
        super.complete(result);
    }
}
