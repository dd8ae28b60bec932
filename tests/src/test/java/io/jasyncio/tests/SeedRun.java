package io.jasyncio.tests;

import io.jasyncio.AsyncIO;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a seed example on a virtual-time loop and records what it prints, each line prefixed with
 * the virtual time (seconds since the start, two decimals): "1.00 hello".
 */
final class SeedRun {
    final EventLoop loop = EventLoop.withVirtualTime();
    final List<String> lines = new ArrayList<>();
    private final double t0 = loop.time();
    private final Instant wallStart = loop.wallClock().instant();

    double elapsed() {
        return loop.time() - t0;
    }

    void println(Object line) {
        lines.add(String.format(Locale.ROOT, "%.2f %s", elapsed(), line));
    }

    <T> T run(Coroutine<T> main) {
        return AsyncIO.run(main, () -> loop);
    }

    /** HH:MM:SS of the loop's wall clock now (it follows virtual time). */
    String clock() {
        return hms(loop.wallClock().instant());
    }

    /** What {@link #clock()} shows {@code seconds} after the start. */
    String clockAt(double seconds) {
        return hms(wallStart.plusNanos(Math.round(seconds * 1e9)));
    }

    private String hms(Instant at) {
        return DateTimeFormatter.ofPattern("HH:mm:ss").withZone(loop.wallClock().getZone()).format(at);
    }
}
