package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.Future;
import java.util.List;

/**
 * E15: cancelling the gather cancels every awaitable it still waits for, and awaiting it then
 * raises CancelledError, even with returnExceptions true. 6/3 never prints; the
 * CancelledError ends the program.
 */
public class E15GatherCancelled {

    @Async
    static Coroutine<Double> division(int divisor, int dividend) {
        await(sleep(divisor));
        if (divisor == 0) {
            throw new ArithmeticException();
        }
        double result = (double) dividend / divisor;
        System.out.println(dividend + "/" + divisor + "=" + result);
        return done(result);
    }

    @Async
    static Coroutine<Void> main() {
        Future<List<Object>> t = gather(true, division(0, 2), division(1, 5), division(3, 6));
        await(sleep(2));
        t.cancel();
        System.out.println(await(t));
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
