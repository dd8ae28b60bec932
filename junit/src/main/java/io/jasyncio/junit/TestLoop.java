package io.jasyncio.junit;

import io.jasyncio.AsyncIO;
import io.jasyncio.CancelledError;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.TimerHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * The event loop of one {@link AsyncTest}: a fresh loop on virtual time, shared by the test and
 * its {@code @BeforeEach}/{@code @AfterEach} methods, injected as a parameter. Closed by the
 * extension after the test.
 */
public final class TestLoop {
    private final EventLoop loop;
    private final double virtualTimeout;
    private final double virtualDeadline;
    private final double realTimeout;

    TestLoop(EventLoop loop, double virtualTimeout, double realTimeout) {
        this.loop = loop;
        this.virtualTimeout = virtualTimeout;
        this.virtualDeadline = virtualTimeout > 0 ? loop.time() + virtualTimeout : Double.POSITIVE_INFINITY;
        this.realTimeout = realTimeout;
    }

    /** The loop itself. */
    public EventLoop loop() {
        return loop;
    }

    /** The loop's virtual time in seconds (0 when the test starts). */
    public double time() {
        return loop.time();
    }

    /** Moves virtual time forward by {@code seconds}; timers now due run when the loop next runs. */
    public void advanceTime(double seconds) {
        loop.advanceTime(seconds);
    }

    /**
     * Runs {@code coro} as a task on this loop until it completes and returns its result, or
     * rethrows its exception. Tasks it leaves running stay on the loop for the next call (or
     * for the extension's pending-task check). A run that passes the test's virtual or real
     * timeout is cancelled and fails the test.
     */
    public <T> T run(Coroutine<T> coro) {
        Task<T> task = loop.createTask(coro);
        boolean[] virtualExpired = {false};
        boolean[] realExpired = {false};
        TimerHandle virtualTimer = null;
        if (virtualDeadline != Double.POSITIVE_INFINITY) {
            virtualTimer = loop.callAt(virtualDeadline, () -> {
                virtualExpired[0] = true;
                task.cancel("virtual timeout");
            });
        }
        ScheduledExecutorService watchdog = null;
        if (realTimeout > 0) {
            watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "jasyncio-test-watchdog");
                t.setDaemon(true);
                return t;
            });
            ScheduledFuture<?> unused = watchdog.schedule(
                    () -> loop.callSoonThreadsafe(() -> {
                        realExpired[0] = true;
                        task.cancel("real-time timeout");
                    }),
                    (long) (realTimeout * 1e9),
                    TimeUnit.NANOSECONDS);
        }
        try {
            return loop.runUntilComplete(task);
        } catch (CancelledError e) {
            if (virtualExpired[0]) {
                Assertions.fail(
                        "timed out after " + fmt(virtualTimeout)
                                + " s of virtual time (virtualTimeout); still running: " + task,
                        e);
            }
            if (realExpired[0]) {
                Assertions.fail(
                        "timed out after " + fmt(realTimeout) + " s of real time (realTimeout); still running: " + task,
                        e);
            }
            throw e;
        } finally {
            if (virtualTimer != null) {
                virtualTimer.cancel();
            }
            if (watchdog != null) {
                watchdog.shutdownNow();
            }
        }
    }

    private static String fmt(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    }

    /** The loop's pending tasks, read while the loop runs one iteration. */
    List<Task<?>> pendingTasks() {
        Future<List<Task<?>>> f = loop.createFuture();
        loop.callSoon(() -> f.setResult(new ArrayList<>(AsyncIO.allTasks())));
        return loop.runUntilComplete(f);
    }

    /** Cancels {@code tasks} and runs the loop until they all finished. */
    void cancelAndWait(List<Task<?>> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        Future<Void> all = loop.createFuture();
        loop.callSoon(() -> {
            for (Task<?> t : tasks) {
                t.cancel();
            }
            AsyncIO.gather(true, new ArrayList<>(tasks)).addDoneCallback(g -> all.setResult(null));
        });
        loop.runUntilComplete(all);
    }

    /** Runs one iteration of the loop (which reports the garbage it found since the last one). */
    void runOnce() {
        Future<Void> f = loop.createFuture();
        loop.callSoon(() -> f.setResult(null));
        loop.runUntilComplete(f);
    }
}
