package io.jasyncio;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a coroutine on a fresh virtual-time loop and records printed lines with the virtual time
 * (seconds since the start, two decimals) at which each was printed: "1.00 hello".
 */
final class VirtualRun {
    final EventLoop loop = EventLoop.withVirtualTime();
    final List<String> lines = new ArrayList<>();
    private final double t0 = loop.time();
    private final Instant wallStart = loop.wallClock().instant();

    /** Seconds of virtual time since the start. */
    double elapsed() {
        return loop.time() - t0;
    }

    void print(Object line) {
        lines.add(String.format(Locale.ROOT, "%.2f %s", elapsed(), line));
    }

    /** asyncio.run(main) on this run's loop (closed at the end). */
    <T> T run(Coroutine<T> main) {
        return AsyncIO.run(main, () -> loop);
    }

    /** The loop's wall clock now, as HH:MM:SS (it follows virtual time). */
    String clock() {
        return hms(loop.wallClock().instant());
    }

    /** What {@link #clock()} shows {@code seconds} of virtual time after the start. */
    String clockAt(double seconds) {
        return hms(wallStart.plusNanos(Math.round(seconds * 1e9)));
    }

    private String hms(Instant at) {
        return DateTimeFormatter.ofPattern("HH:mm:ss").withZone(loop.wallClock().getZone()).format(at);
    }

    /** Creates a future on this loop. */
    <T> Future<T> future() {
        return loop.createFuture();
    }

    /** A coroutine that sleeps {@code delay} then returns {@code result}. */
    static <T> Coroutine<T> after(double delay, T result) {
        return Script.of("after", s -> switch (s.pc) {
            case 0 -> s.await(1, AsyncIO.sleep(delay));
            default -> {
                s.value();
                yield result;
            }
        });
    }

    /** A coroutine that sleeps {@code delay} then throws {@code error}. */
    static <T> Coroutine<T> failAfter(double delay, Throwable error) {
        return Script.of("failAfter", s -> {
            if (s.pc == 0) {
                return s.await(1, AsyncIO.sleep(delay));
            }
            s.value();
            throw error;
        });
    }
}
