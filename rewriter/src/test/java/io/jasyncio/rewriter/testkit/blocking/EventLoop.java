package io.jasyncio.rewriter.testkit.blocking;

/** Stand-in for io.jasyncio.EventLoop. */
public final class EventLoop {
    static final EventLoop INSTANCE = new EventLoop();

    public <T> Future<T> createFuture() {
        return new Future<>();
    }

    public <T> Task<T> createTask(Coroutine<T> coro) {
        return AsyncIO.createTask(coro);
    }
}
