package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * E7: futures are the low-level awaitables that let callback-based code be used with await.
 * A future returned by a library function can be awaited, or passed to gather next to a
 * coroutine; {@code loop.runInExecutor} is a low-level function that returns one.
 */
public class E07Futures {

    /** Callback-style code: a timer callback completes the future one second from now. */
    static Future<String> functionThatReturnsAFutureObject() {
        EventLoop loop = getRunningLoop();
        Future<String> future = loop.createFuture();
        loop.callLater(1, () -> future.setResult("result of a future"));
        return future;
    }

    @Async
    static Coroutine<String> someCoroutine() {
        await(sleep(1));
        return done("result of a coroutine");
    }

    @Async
    static Coroutine<Void> main() {
        System.out.println(await(functionThatReturnsAFutureObject()));

        // this is also valid:
        System.out.println(await(gather(functionThatReturnsAFutureObject(), someCoroutine())));

        // runInExecutor runs blocking code on another thread and returns a future for it.
        EventLoop loop = getRunningLoop();
        Thread loopThread = Thread.currentThread();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            String where = await(loop.runInExecutor(
                    pool, () -> Thread.currentThread() == loopThread ? "the loop's thread" : "another thread"));
            System.out.println("computed on " + where);
        } finally {
            pool.shutdown();
        }
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
