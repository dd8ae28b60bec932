package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.Future;
import io.jasyncio.Task;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * E17: cancelling a shield does not cancel what it protects: the shielded division still
 * prints at +1 s, while the cancelled task2 never runs.
 */
public class E17Shield {

    @Async
    static Coroutine<Double> division(int divisor, int dividend) {
        await(sleep(divisor));
        if (divisor == 0) {
            throw new ArithmeticException();
        }
        double result = (double) dividend / divisor;
        System.out.println(now() + ":" + dividend + "/" + divisor + "=" + result);
        return done(result);
    }

    @Async
    static Coroutine<Void> main() {
        System.out.println("Start time:" + now());
        Future<Double> task1 = shield(division(1, 2));
        Task<Double> task2 = createTask(division(1, 5));
        Task<Double> task3 = createTask(division(3, 6));
        Future<List<Object>> res = gather(true, task1, task2, task3);
        task1.cancel();
        task2.cancel();
        System.out.println(await(res));
        return done();
    }

    static String now() {
        return LocalTime.now(getRunningLoop().wallClock()).format(DateTimeFormatter.ofPattern("HH:mm:ss"));
    }

    public static void main(String[] args) {
        run(main());
    }
}
