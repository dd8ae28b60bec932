package io.jasyncio;

/** Test helpers around loops with virtual time. */
final class Loops {
    private Loops() {
    }

    /** Runs {@code coro} with {@link AsyncIO#run} on a virtual-time loop. */
    static <T> T run(Coroutine<T> coro) {
        return AsyncIO.run(coro, EventLoop::withVirtualTime);
    }

    /** A coroutine that runs {@code body} (on the loop, inside its task) and returns its value. */
    static <T> Coroutine<T> call(java.util.concurrent.Callable<T> body) {
        return new Steps<T>().then(in -> body.call());
    }

    /** Runs exactly {@code n} iterations of {@code loop}. */
    static void iterate(EventLoop loop, int n) {
        for (int i = 0; i < n; i++) {
            loop.callSoon(loop::stop);
            loop.runForever();
        }
    }
}
