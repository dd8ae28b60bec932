package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;

/** E11: gather runs three coroutines concurrently (each is wrapped in a task). */
public class E11GatherFactorial {

    @Async
    static Coroutine<Void> factorial(String name, int number) {
        int f = 1;
        for (int i = 2; i <= number; i++) {
            System.out.println("Task " + name + ": Compute factorial(" + i + ")...");
            await(sleep(1));
            f *= i;
        }
        System.out.println("Task " + name + ": factorial(" + number + ") = " + f);
        return done();
    }

    @Async
    static Coroutine<Void> main() {
        // Schedule three calls *concurrently*:
        await(gather(factorial("A", 2), factorial("B", 3), factorial("C", 4)));
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
