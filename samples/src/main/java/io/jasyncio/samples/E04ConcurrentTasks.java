package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.Task;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** E4: the same two coroutines wrapped in tasks first run concurrently: 2 s in all, not 3. */
public class E04ConcurrentTasks {

    @Async
    static Coroutine<Void> sayAfter(double delay, String what) {
        await(sleep(delay));
        System.out.println(what);
        return done();
    }

    @Async
    static Coroutine<Void> main() {
        Task<Void> task1 = createTask(sayAfter(1, "hello"));
        Task<Void> task2 = createTask(sayAfter(2, "world"));

        System.out.println("started at " + now());
        // Wait until both tasks are completed (should take around 2 seconds.)
        await(task1);
        await(task2);
        System.out.println("finished at " + now());
        return done();
    }

    static String now() {
        return LocalTime.now(getRunningLoop().wallClock()).format(DateTimeFormatter.ofPattern("HH:mm:ss"));
    }

    public static void main(String[] args) {
        run(main());
    }
}
