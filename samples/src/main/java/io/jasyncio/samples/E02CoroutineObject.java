package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;

/**
 * E2: calling an {@code @Async} method only builds a coroutine object; none of its body runs
 * (no {@code hello} is printed) until it is run, awaited or wrapped in a task.
 */
public class E02CoroutineObject {

    @Async
    static Coroutine<Void> main() {
        System.out.println("hello");
        await(sleep(1));
        System.out.println("world");
        return done();
    }

    public static void main(String[] args) {
        Coroutine<Void> coro = main();
        System.out.println(coro);
    }
}
