package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.TimeoutError;

/**
 * E29 (asyncio documentation, {@code asyncio.timeout_at}): the same as E27 with an absolute
 * deadline in loop time. The documentation's 20 s is 2 s here.
 */
public class E29TimeoutAt {

    @Async
    static Coroutine<Void> longRunningTask() {
        await(sleep(3600));
        return done();
    }

    @Async
    static Coroutine<Void> main() {
        EventLoop loop = getRunningLoop();
        double deadline = loop.time() + 2;
        try {
            await(timeoutAt(deadline).run(longRunningTask()));
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
