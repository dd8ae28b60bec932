package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.TaskGroup;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * E24 (asyncio documentation, "Creating Tasks"): E4 with a TaskGroup instead of awaiting each
 * task; the group waits for both when its scope ends (the implicit await of {@code async with}).
 */
public class E24TaskGroup {

    @Async
    static Coroutine<Void> sayAfter(double delay, String what) {
        await(sleep(delay));
        System.out.println(what);
        return done();
    }

    @Async
    static Coroutine<Void> body(TaskGroup tg) {
        tg.createTask(sayAfter(1, "hello"));
        tg.createTask(sayAfter(2, "world"));
        System.out.println("started at " + now());
        return done();
    }

    @Async
    static Coroutine<Void> main() {
        await(taskGroup(tg -> body(tg)));
        // The await is implicit when the scope ends.
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
