package io.jasyncio.benchmarks;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.CancelledError;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The jasyncio side of the workloads as a user writes them: plain {@code @Async} methods, turned
 * into state machines by the jasyncio Maven plugin when this module is built (see its pom). The
 * peer comparison and the JMH benchmarks run this code, so they measure what a user of the
 * rewriter gets, not a hand-tuned imitation of it.
 */
public final class AsyncWorkloads {
    private AsyncWorkloads() {}

    /** Yields the loop {@code n} times. */
    @Async
    public static Coroutine<Void> yielder(long n) {
        for (long i = 0; i < n; i++) {
            await(sleep(0));
        }
        return done();
    }

    /** Returns {@code v} without suspending. */
    @Async
    public static Coroutine<Integer> value(int v) {
        return done(v);
    }

    /** Sleeps {@code seconds}. */
    @Async
    public static Coroutine<Void> sleeper(double seconds) {
        await(sleep(seconds));
        return done();
    }

    /** Waits for {@code future}; its value plus one. */
    @Async
    public static Coroutine<Integer> waiter(Future<Integer> future) {
        return done(await(future) + 1);
    }

    /** Awaits every future {@code spawn} returns, in order (a cancelled one is skipped when asked to). */
    @Async
    public static Coroutine<Future<?>[]> awaitAll(Supplier<Future<?>[]> spawn, boolean ignoreCancelled) {
        Future<?>[] all = spawn.get();
        for (Future<?> f : all) {
            try {
                await(f);
            } catch (CancelledError e) {
                if (!ignoreCancelled) {
                    throw e;
                }
            }
        }
        return done(all);
    }

    /** A chain of {@code depth} coroutines each awaiting the next; the innermost yields once. */
    @Async
    public static Coroutine<Integer> chain(int depth) {
        if (depth == 0) {
            await(sleep(0));
            return done(0);
        }
        return done(await(chain(depth - 1)) + 1);
    }

    /** The two mailboxes of the ping-pong. */
    static final class Box {
        Future<Integer> toA;
        Future<Integer> toB;
    }

    /** Answers each value in {@code box.toB} with the value plus one in {@code box.toA}, until a negative one. */
    @Async
    static Coroutine<Void> ponger(Box box, EventLoop loop) {
        while (true) {
            Future<Integer> mine = loop.createFuture();
            box.toB = mine;
            int v = await(mine);
            if (v < 0) {
                return done();
            }
            box.toA.setResult(v + 1);
        }
    }

    /** {@code n} round trips with a ponger task through one-shot futures; the last value. */
    @Async
    public static Coroutine<Integer> pinger(int n) {
        Box box = new Box();
        EventLoop loop = getRunningLoop();
        createTask(ponger(box, loop));
        await(sleep(0));
        int v = 0;
        for (int i = 0; i < n; i++) {
            Future<Integer> answer = loop.createFuture();
            box.toA = answer;
            box.toB.setResult(v);
            v = await(answer);
        }
        box.toB.setResult(-1);
        return done(v);
    }

    /** {@code gather} of {@code n} coroutines that each yield {@code yields} times. */
    @Async
    public static Coroutine<List<Void>> gatherYielders(int n, int yields) {
        List<Coroutine<Void>> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(yielder(yields));
        }
        return done(await(gather(all)));
    }

    /** {@code gather} of {@code n} coroutines that return at once. */
    @Async
    public static Coroutine<List<Integer>> gatherValues(int n) {
        List<Coroutine<Integer>> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(value(1));
        }
        return done(await(gather(all)));
    }

    /**
     * Parks {@code n} tasks, each on its own pending future, measures the heap they hold
     * ({@code usedHeap} before and after), then wakes them all: {bytes per task, seconds to wake}.
     */
    @Async
    @SuppressWarnings("unchecked")
    public static Coroutine<double[]> parkMany(int n, LongSupplier usedHeap) {
        Future<Integer>[] futures = new Future[n];
        Task<?>[] tasks = new Task[n];
        long before = usedHeap.getAsLong();
        EventLoop loop = getRunningLoop();
        for (int i = 0; i < n; i++) {
            futures[i] = loop.createFuture();
            tasks[i] = createTask(waiter(futures[i]));
        }
        await(sleep(0));
        long after = usedHeap.getAsLong();
        for (Task<?> t : tasks) {
            if (t.done()) {
                throw new IllegalStateException("a task finished before its future was set");
            }
        }
        double bytesPerTask = (after - before) / (double) n;
        long t0 = System.nanoTime();
        for (Future<Integer> f : futures) {
            f.setResult(1);
        }
        futures = null;
        Task<?>[] all = tasks;
        tasks = null;
        await(awaitAll(() -> all, false));
        return done(new double[] {bytesPerTask, (System.nanoTime() - t0) / 1e9});
    }

    /** {@code n} tasks sleeping 10^6..2*10^6 s, all cancelled once asleep, then awaited. */
    @Async
    public static Coroutine<Void> sleepCancel(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Task<?>[] tasks = new Task[n];
        for (int i = 0; i < n; i++) {
            tasks[i] = createTask(sleeper(1e6 + random.nextDouble() * 1e6));
        }
        await(sleep(0));
        for (Task<?> t : tasks) {
            t.cancel();
        }
        await(awaitAll(() -> tasks, true));
        return done();
    }

    /** Awaits the done future {@code k} times (never suspends). */
    @Async
    public static Coroutine<Void> awaitDone(Future<?> doneFuture, int k) {
        for (int i = 0; i < k; i++) {
            await(doneFuture);
        }
        return done();
    }

    /** Sums {@code k} awaits of {@code value(1)} (never suspends). */
    @Async
    public static Coroutine<Integer> awaitInline(int k) {
        int sum = 0;
        for (int i = 0; i < k; i++) {
            sum += await(value(1));
        }
        return done(sum);
    }

    /** {@code k} tasks parked on their own pending futures, all cancelled, each awaited for its CancelledError. */
    @Async
    public static Coroutine<Void> cancelParked(int k) {
        EventLoop loop = getRunningLoop();
        Task<?>[] tasks = new Task[k];
        for (int i = 0; i < k; i++) {
            tasks[i] = createTask(waiter(loop.createFuture()));
        }
        await(sleep(0));
        for (Task<?> t : tasks) {
            t.cancel();
        }
        await(awaitAll(() -> tasks, true));
        return done();
    }
}
