package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;

/** E5: a coroutine object that is not awaited does nothing; awaiting it runs it. */
public class E05AwaitCoroutine {

    @Async
    static Coroutine<Void> nested() {
        System.out.println("something");
        return done();
    }

    @Async
    static Coroutine<Void> main() {
        // Nothing happens if we just call nested(): a coroutine object is created
        // but not awaited, so it won't run at all.
        nested();

        // Let's do it differently now and await it:
        await(nested());
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
