package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** E10: sleep suspends only the current task; this one prints the date every second for 5 s. */
public class E10DisplayDate {

    /** The format of Python's {@code str(datetime.now())}. */
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    @Async
    static Coroutine<Void> displayDate() {
        EventLoop loop = getRunningLoop();
        double endTime = loop.time() + 5.0;
        while (true) {
            System.out.println(LocalDateTime.now(loop.wallClock()).format(DATE_TIME));
            if (loop.time() + 1.0 >= endTime) {
                break;
            }
            await(sleep(1));
        }
        return done();
    }

    public static void main(String[] args) {
        run(displayDate());
    }
}
