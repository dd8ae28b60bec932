package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * E22: an event loop runs in its own thread; the main thread submits a coroutine to it with
 * runCoroutineThreadsafe (the loop is passed explicitly) and waits on the returned
 * CompletableFuture. Cancelling that future would cancel the task in the loop.
 */
public class E22RunCoroutineThreadsafe {

    static final long TIMEOUT_SECONDS = 10;

    public static void main(String[] args) throws InterruptedException {
        EventLoop loop = newEventLoop();
        Thread loopThread = new Thread(loop::runForever, "event-loop");
        loopThread.start();
        try {
            // Create a coroutine
            Coroutine<Integer> coro = sleep(1, 3);

            // Submit the coroutine to the given loop
            CompletableFuture<Integer> future = runCoroutineThreadsafe(coro, loop);

            // Wait for the result with a timeout
            try {
                Integer result = future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                System.out.println("The coroutine returned: " + result);
            } catch (TimeoutException e) {
                System.out.println("The coroutine took too long, cancelling the task...");
                future.cancel(true);
            } catch (ExecutionException e) {
                System.out.println("The coroutine raised an exception: " + e.getCause());
            }
        } finally {
            loop.callSoonThreadsafe(loop::stop);
            loopThread.join();
            loop.close();
        }
    }
}
