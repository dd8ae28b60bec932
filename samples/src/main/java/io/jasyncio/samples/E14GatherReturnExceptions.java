package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;

/** E14: with returnExceptions true, exceptions are returned in the list like results. */
public class E14GatherReturnExceptions {

    @Async
    static Coroutine<Double> division(int divisor, int dividend) {
        if (divisor == 0) {
            throw new ArithmeticException();
        }
        double result = (double) dividend / divisor;
        System.out.println(dividend + "/" + divisor + "=" + result);
        return done(result);
    }

    @Async
    static Coroutine<Void> main() {
        boolean returnExceptions = true;
        System.out.println(await(gather(returnExceptions, division(0, 2), division(1, 2), division(2, 2))));
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
