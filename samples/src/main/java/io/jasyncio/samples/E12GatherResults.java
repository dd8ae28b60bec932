package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;

/** E12: gather returns the results in the order of its arguments, not of completion. */
public class E12GatherResults {

    @Async
    static Coroutine<Integer> factorial(String name, int number) {
        int f = 1;
        for (int i = 2; i <= number; i++) {
            await(sleep(1));
            f *= i;
        }
        return done(number);
    }

    @Async
    static Coroutine<Void> main() {
        System.out.println(await(gather(factorial("A", 2), factorial("B", 3), factorial("C", 4))));
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
