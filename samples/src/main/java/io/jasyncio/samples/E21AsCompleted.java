package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** E21: asCompleted hands out the results in completion order; all ten run concurrently (9 s). */
public class E21AsCompleted {

    @Async
    static Coroutine<Integer> eternity(int delay) {
        await(sleep(delay));
        System.out.println("delay for " + delay + " seconds.");
        return done(delay);
    }

    @Async
    static Coroutine<Void> main() {
        System.out.println("Start at: " + now());
        List<Coroutine<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tasks.add(eternity(i));
        }
        for (Coroutine<Integer> f : asCompleted(tasks)) {
            int res = await(f);
        }
        System.out.println("End at: " + now());
        return done();
    }

    static String now() {
        return LocalTime.now(getRunningLoop().wallClock()).format(DateTimeFormatter.ofPattern("HH:mm:ss"));
    }

    public static void main(String[] args) {
        run(main());
    }
}
