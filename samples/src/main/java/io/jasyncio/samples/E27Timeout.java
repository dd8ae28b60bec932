package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.TimeoutError;

/**
 * E27 (asyncio documentation, "Timeouts"): {@code async with asyncio.timeout(10)} around a long
 * operation. The timeout cancels the task and turns the cancellation into a TimeoutError when
 * the scope ends. The documentation's 10 s is 1 s here, to keep the real-time tour short.
 */
public class E27Timeout {

    @Async
    static Coroutine<Void> longRunningTask() {
        await(sleep(3600));
        return done();
    }

    @Async
    static Coroutine<Void> main() {
        try {
            await(timeout(1).run(longRunningTask()));
        } catch (TimeoutError e) {
            System.out.println("The long operation timed out, but we've handled it.");
        }
        System.out.println("This statement will run regardless.");
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
