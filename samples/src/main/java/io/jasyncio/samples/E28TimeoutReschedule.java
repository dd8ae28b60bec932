package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.Timeout;
import io.jasyncio.TimeoutError;

/**
 * E28 (asyncio documentation, {@code Timeout.reschedule}): a timeout entered without a deadline,
 * rescheduled once the deadline is known; {@code expired()} tells afterwards whether it fired.
 * The documentation's 10 s is 1 s here.
 */
public class E28TimeoutReschedule {

    @Async
    static Coroutine<Void> longRunningTask() {
        await(sleep(3600));
        return done();
    }

    @Async
    static Coroutine<Void> body(Timeout cm) {
        // We know the timeout now, so we reschedule it.
        double newDeadline = getRunningLoop().time() + 1;
        cm.reschedule(newDeadline);
        await(longRunningTask());
        return done();
    }

    @Async
    static Coroutine<Void> main() {
        // We do not know the timeout when starting, so we pass null.
        Timeout cm = timeout(null);
        try {
            await(cm.run(body(cm)));
        } catch (TimeoutError e) {
            // handled below
        }
        if (cm.expired()) {
            System.out.println("Looks like we haven't finished on time.");
        }
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
