package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;

/** E1: a coroutine prints {@code hello}, sleeps one second, prints {@code world}. */
public class E01HelloWorld {

    @Async
    static Coroutine<Void> main() {
        System.out.println("hello");
        await(sleep(1));
        System.out.println("world");
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
