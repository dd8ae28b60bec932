package io.jasyncio;

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

    @Override
    void complete(Object result) {
        loop.inbox.jobDone();
        super.complete(result);
    }
}
