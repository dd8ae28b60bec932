package io.jasyncio;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The virtual-time harness of the runtime tests: runs a coroutine on a fresh virtual-time loop,
 * records printed lines with the virtual time (seconds since the start, two decimals) at which
 * each was printed ("1.00 hello"), and reports how an awaitable ended and when
 * ({@link #outcome}: "value@1.0", "TimeoutError@1.0").
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

    /** asyncio.run(main) on a new virtual-time loop, for tests that need no other harness. */
    static <T> T runOnNewLoop(Coroutine<T> main) {
        return AsyncIO.run(main, EventLoop::withVirtualTime);
    }

    /** Runs exactly {@code n} iterations of {@code loop}. */
    static void iterate(EventLoop loop, int n) {
        for (int i = 0; i < n; i++) {
            loop.callSoon(loop::stop);
            loop.runForever();
        }
    }

    /**
     * Runs a main coroutine that awaits what {@code awaitable} supplies (called inside the main
     * task, so it may create tasks) and returns how that await ended and when: the value, or the
     * simple name of the exception thrown, then {@code @} and the virtual seconds since the
     * start: {@code "x@2.0"}, {@code "TimeoutError@1.0"}.
     */
    String outcome(Supplier<? extends Awaitable<?>> awaitable) {
        String[] out = new String[1];
        run(Script.of("main", s -> switch (s.pc) {
            case 0 -> s.await(1, awaitable.get());
            default -> {
                out[0] = outcomeOf(s);
                yield null;
            }
        }));
        return out[0];
    }

    /**
     * Runs a main coroutine that awaits what {@code awaitable} supplies (called inside the main
     * task) and returns the awaited value; a failure propagates out of the run.
     */
    Object result(Supplier<? extends Awaitable<?>> awaitable) {
        return run(Script.of("main", s -> switch (s.pc) {
            case 0 -> s.await(1, awaitable.get());
            default -> s.value();
        }));
    }

    /**
     * Runs a main coroutine that awaits what {@code awaitable} supplies (called inside the main
     * task) and returns the failure that await threw; an {@link AssertionError} when it succeeded.
     */
    Throwable failure(Supplier<? extends Awaitable<?>> awaitable) {
        Throwable[] failure = new Throwable[1];
        Object value = run(Script.of("main", s -> switch (s.pc) {
            case 0 -> s.await(1, awaitable.get());
            default -> {
                try {
                    yield s.value();
                } catch (Throwable e) {
                    failure[0] = e;
                    yield null;
                }
            }
        }));
        if (failure[0] == null) {
            throw new AssertionError("expected the await to fail, it returned " + value);
        }
        return failure[0];
    }

    /** {@link #outcome(Supplier)} of an awaitable made before the loop runs. */
    String outcome(Awaitable<?> awaitable) {
        return outcome(() -> awaitable);
    }

    /**
     * At a continuation of {@code s}: "value@t" for the awaited value, "ErrorName@t" for the
     * awaited failure (which is caught here).
     */
    String outcomeOf(Script<?> s) {
        try {
            return s.value() + "@" + elapsed();
        } catch (Throwable e) {
            return e.getClass().getSimpleName() + "@" + elapsed();
        }
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
        return DateTimeFormatter.ofPattern("HH:mm:ss")
                .withZone(loop.wallClock().getZone())
                .format(at);
    }

    /** Creates a future on this loop. */
    <T> Future<T> future() {
        return loop.createFuture();
    }

    /**
     * A coroutine that sleeps {@code delay}, cancels {@code f} and awaits it: f's value, or its
     * failure ({@code CancelledError} when the cancellation took), at the time f finished.
     */
    static Coroutine<Object> cancelAfter(double delay, Future<?> f) {
        return Script.of("cancelAfter", s -> switch (s.pc) {
            case 0 -> s.await(1, AsyncIO.sleep(delay));
            case 1 -> {
                s.value();
                f.cancel();
                yield s.await(2, f);
            }
            default -> s.value();
        });
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
