package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.Future;
import io.jasyncio.Task;
import java.util.List;

/**
 * E16: cancelling one child does not cancel the gather: the child counts as if it had raised
 * CancelledError (returned in the list here, since returnExceptions is true).
 */
public class E16GatherChildCancelled {

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
        Task<Double> task1 = createTask(division(0, 2));
        Task<Double> task2 = createTask(division(1, 5));
        Task<Double> task3 = createTask(division(3, 6));
        Future<List<Object>> t = gather(true, task1, task2, task3);
        task1.cancel();
        System.out.println(await(t));
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
