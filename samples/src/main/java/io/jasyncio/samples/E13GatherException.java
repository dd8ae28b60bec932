package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;

/**
 * E13: with returnExceptions false, the first exception propagates at once to whoever awaits
 * gather; the other awaitables are not cancelled and keep running. The ArithmeticException
 * (Python's ZeroDivisionError) ends the program with its stack trace.
 */
public class E13GatherException {

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
        System.out.println(await(gather(division(0, 2), division(1, 2), division(2, 2))));
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
