package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.TimeoutError;

/** E18: waitFor gives up after the timeout, cancels what it waited for and raises TimeoutError. */
public class E18WaitFor {

    @Async
    static Coroutine<Void> eternity() {
        // Sleep for one hour
        await(sleep(3600));
        System.out.println("yay!");
        return done();
    }

    @Async
    static Coroutine<Void> main() {
        // Wait for at most 1 second
        try {
            await(waitFor(eternity(), 1.0));
        } catch (TimeoutError e) {
            System.out.println("timeout!");
        }
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
