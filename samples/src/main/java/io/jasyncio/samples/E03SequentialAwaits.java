package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** E3: awaiting two coroutines one after the other takes 1 s + 2 s = 3 s. */
public class E03SequentialAwaits {

    @Async
    static Coroutine<Void> sayAfter(double delay, String what) {
        await(sleep(delay));
        System.out.println(what);
        return done();
    }

    @Async
    static Coroutine<Void> main() {
        System.out.println("started at " + now());
        await(sayAfter(1, "hello"));
        await(sayAfter(2, "world"));
        System.out.println("finished at " + now());
        return done();
    }

    /** HH:MM:SS on the loop's wall clock (which follows virtual time when the loop runs on it). */
    static String now() {
        return LocalTime.now(getRunningLoop().wallClock()).format(DateTimeFormatter.ofPattern("HH:mm:ss"));
    }

    public static void main(String[] args) {
        run(main());
    }
}
