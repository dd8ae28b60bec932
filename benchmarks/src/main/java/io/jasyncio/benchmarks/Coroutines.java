package io.jasyncio.benchmarks;

import io.jasyncio.AsyncIO;
import io.jasyncio.CancelledError;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.internal.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The jasyncio side of the workloads, written in exactly the shape the rewriter emits for an
 * {@code @Async} method (docs/REWRITER.md, contract v2): a factory that creates a
 * {@link Frame} and fills its slots, and a static body that switches on {@code f.state}, calls
 * {@link Frame#await} at each await site and {@link Frame#result} on resume. The {@code @Async}
 * source each one stands for is in its comment. They are written by hand so the comparison runs
 * on the runtime alone, whether or not the build rewrites this module.
 */
public final class Coroutines {
    private static final String CLASS = Coroutines.class.getName() + "\0";
    private static final Object SUSPEND = Frame.SUSPEND;

    private Coroutines() {
    }

    private static String site(String method) {
        return CLASS + method + "\0Coroutines.java\0-1,-1,-1";
    }

    private static final String YIELDER = site("yielder");

    /** {@code for (long i = 0; i < n; i++) await(sleep(0)); return done();} */
    public static Coroutine<Void> yielder(long n) {
        Frame<Void> f = Frame.create(Coroutines::yielderBody, YIELDER, 0, 1);
        f.p0 = n;
        return f;
    }

    private static Object yielderBody(Frame<?> f) throws Throwable {
        long left = f.p0;
        if (f.state == 1) {
            Frame.result(f);
        }
        while (left > 0) {
            left--;
            if (Frame.await(AsyncIO.sleep(0), f) == SUSPEND) {
                f.p0 = left;
                f.state = 1;
                return SUSPEND;
            }
        }
        return null;
    }

    private static final String VALUE = site("value");

    /** {@code return done(v);} */
    public static Coroutine<Integer> value(int v) {
        Frame<Integer> f = Frame.create(Coroutines::valueBody, VALUE, 0, 1);
        f.p0 = v;
        return f;
    }

    private static Object valueBody(Frame<?> f) {
        return (int) f.p0;
    }

    private static final String SLEEPER = site("sleeper");

    /** {@code await(sleep(seconds)); return done();} */
    public static Coroutine<Void> sleeper(double seconds) {
        Frame<Void> f = Frame.create(Coroutines::sleeperBody, SLEEPER, 0, 1);
        f.p0 = Double.doubleToRawLongBits(seconds);
        return f;
    }

    private static Object sleeperBody(Frame<?> f) throws Throwable {
        if (f.state == 1) {
            Frame.result(f);
            return null;
        }
        if (Frame.await(AsyncIO.sleep(Double.longBitsToDouble(f.p0)), f) == SUSPEND) {
            f.state = 1;
            return SUSPEND;
        }
        return null;
    }

    private static final String WAITER = site("waiter");

    /** {@code return done(await(future) + 1);} */
    public static Coroutine<Integer> waiter(Future<Integer> future) {
        Frame<Integer> f = Frame.create(Coroutines::waiterBody, WAITER, 1, 0);
        f.r0 = future;
        return f;
    }

    private static Object waiterBody(Frame<?> f) throws Throwable {
        if (f.state == 1) {
            return (Integer) Frame.result(f) + 1;
        }
        Object r = Frame.await(f.r0, f);
        if (r == SUSPEND) {
            f.r0 = null;
            f.state = 1;
            return SUSPEND;
        }
        return (Integer) r + 1;
    }

    private static final String AWAIT_ALL = site("awaitAll");

    /**
     * <pre>
     * Future&lt;?&gt;[] fs = spawn.get();
     * for (Future&lt;?&gt; t : fs) { try { await(t); } catch (CancelledError e) { if (!ignoreCancelled) throw e; } }
     * return done(fs);
     * </pre>
     */
    public static Coroutine<Future<?>[]> awaitAll(Supplier<Future<?>[]> spawn, boolean ignoreCancelled) {
        Frame<Future<?>[]> f = Frame.create(Coroutines::awaitAllBody, AWAIT_ALL, 1, 2);
        f.r0 = spawn;
        f.px[0] = ignoreCancelled ? 1 : 0;
        return f;
    }

    @SuppressWarnings("unchecked")
    private static Object awaitAllBody(Frame<?> f) throws Throwable {
        Future<?>[] fs;
        int i;
        if (f.state == 0) {
            fs = ((Supplier<Future<?>[]>) f.r0).get();
            i = 0;
        } else {
            fs = (Future<?>[]) f.r0;
            i = (int) f.p0;
            try {
                Frame.result(f);
            } catch (CancelledError e) {
                if (f.px[0] == 0) {
                    throw e;
                }
            }
            i++;
        }
        for (; i < fs.length; i++) {
            try {
                if (Frame.await(fs[i], f) == SUSPEND) {
                    f.r0 = fs;
                    f.p0 = i;
                    f.state = 1;
                    return SUSPEND;
                }
            } catch (CancelledError e) {
                if (f.px[0] == 0) {
                    throw e;
                }
            }
        }
        return fs;
    }

    private static final String CHAIN = site("chain");

    /** {@code if (depth == 0) { await(sleep(0)); return done(0); } return done(await(chain(depth - 1)) + 1);} */
    public static Coroutine<Integer> chain(int depth) {
        Frame<Integer> f = Frame.create(Coroutines::chainBody, CHAIN, 0, 1);
        f.p0 = depth;
        return f;
    }

    private static Object chainBody(Frame<?> f) throws Throwable {
        switch (f.state) {
            case 1:
                Frame.result(f);
                return 0;
            case 2:
                return (Integer) Frame.result(f) + 1;
            default:
                break;
        }
        int depth = (int) f.p0;
        if (depth == 0) {
            if (Frame.await(AsyncIO.sleep(0), f) == SUSPEND) {
                f.state = 1;
                return SUSPEND;
            }
            return 0;
        }
        Object r = Frame.await(chain(depth - 1), f);
        if (r == SUSPEND) {
            f.state = 2;
            return SUSPEND;
        }
        return (Integer) r + 1;
    }

    /** The two mailboxes of the ping-pong. */
    static final class Box {
        Future<Integer> toA;
        Future<Integer> toB;
    }

    private static final String PONGER = site("ponger");

    /**
     * <pre>
     * while (true) {
     *     Future&lt;Integer&gt; mine = loop.createFuture(); box.toB = mine;
     *     int v = await(mine); if (v &lt; 0) return done(); box.toA.setResult(v + 1);
     * }
     * </pre>
     */
    static Coroutine<Void> ponger(Box box, EventLoop loop) {
        Frame<Void> f = Frame.create(Coroutines::pongerBody, PONGER, 2, 0);
        f.r0 = box;
        f.r1 = loop;
        return f;
    }

    private static Object pongerBody(Frame<?> f) throws Throwable {
        Box box = (Box) f.r0;
        EventLoop loop = (EventLoop) f.r1;
        Object r = f.state == 1 ? Frame.result(f) : null;
        while (true) {
            if (r != null) {
                int v = (Integer) r;
                if (v < 0) {
                    return null;
                }
                box.toA.setResult(v + 1);
            }
            Future<Integer> mine = loop.createFuture();
            box.toB = mine;
            r = Frame.await(mine, f);
            if (r == SUSPEND) {
                f.state = 1;
                return SUSPEND;
            }
        }
    }

    private static final String PINGER = site("pinger");

    /**
     * <pre>
     * Box box = new Box(); createTask(ponger(box, loop)); await(sleep(0));
     * int v = 0;
     * for (int i = 0; i &lt; n; i++) {
     *     Future&lt;Integer&gt; answer = loop.createFuture(); box.toA = answer; box.toB.setResult(v); v = await(answer);
     * }
     * box.toB.setResult(-1); return done(v);
     * </pre>
     */
    public static Coroutine<Integer> pinger(int n) {
        Frame<Integer> f = Frame.create(Coroutines::pingerBody, PINGER, 2, 2);
        f.p0 = n;
        return f;
    }

    private static Object pingerBody(Frame<?> f) throws Throwable {
        Box box;
        EventLoop loop;
        int n = (int) f.p0;
        int i;
        int v;
        switch (f.state) {
            case 0 -> {
                box = new Box();
                loop = AsyncIO.getRunningLoop();
                AsyncIO.createTask(ponger(box, loop));
                f.r0 = box;
                f.r1 = loop;
                if (Frame.await(AsyncIO.sleep(0), f) == SUSPEND) {
                    f.state = 1;
                    return SUSPEND;
                }
                i = 0;
                v = 0;
            }
            case 1 -> {
                Frame.result(f);
                box = (Box) f.r0;
                loop = (EventLoop) f.r1;
                i = 0;
                v = 0;
            }
            default -> {
                box = (Box) f.r0;
                loop = (EventLoop) f.r1;
                i = (int) f.px[0] + 1;
                v = (Integer) Frame.result(f);
            }
        }
        for (; i < n; i++) {
            Future<Integer> answer = loop.createFuture();
            box.toA = answer;
            box.toB.setResult(v);
            Object r = Frame.await(answer, f);
            if (r == SUSPEND) {
                f.px[0] = i;
                f.state = 2;
                return SUSPEND;
            }
            v = (Integer) r;
        }
        box.toB.setResult(-1);
        return v;
    }

    private static final String GATHER = site("gatherYielders");

    /** {@code List<Coroutine<Void>> l = ...n x yielder(yields)...; return done(await(gather(l)));} */
    public static Coroutine<List<Void>> gatherYielders(int n, int yields) {
        Frame<List<Void>> f = Frame.create(Coroutines::gatherBody, GATHER, 0, 2);
        f.p0 = n;
        f.px[0] = yields;
        return f;
    }

    private static Object gatherBody(Frame<?> f) throws Throwable {
        if (f.state == 1) {
            return Frame.result(f);
        }
        int n = (int) f.p0;
        List<Coroutine<Void>> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(yielder(f.px[0]));
        }
        Object r = Frame.await(AsyncIO.gather(all), f);
        if (r == SUSPEND) {
            f.state = 1;
            return SUSPEND;
        }
        return r;
    }

    private static final String PARK = site("parkMany");

    /**
     * <pre>
     * long before = usedHeap.getAsLong(); create n futures and n tasks waiter(future[i]); await(sleep(0));
     * long after = usedHeap.getAsLong(); long t0 = nanoTime(); set every future's result;
     * await(awaitAll(tasks)); return done({(after - before) / n, (nanoTime() - t0) / 1e9});
     * </pre>
     */
    public static Coroutine<double[]> parkMany(int n, LongSupplier usedHeap) {
        Frame<double[]> f = Frame.create(Coroutines::parkBody, PARK, 3, 3);
        f.p0 = n;
        f.rx[0] = usedHeap;
        return f;
    }

    @SuppressWarnings("unchecked")
    private static Object parkBody(Frame<?> f) throws Throwable {
        int n = (int) f.p0;
        switch (f.state) {
            case 0 -> {
                Future<Integer>[] futures = new Future[n];
                Task<?>[] tasks = new Task[n];
                long before = ((LongSupplier) f.rx[0]).getAsLong();
                EventLoop loop = AsyncIO.getRunningLoop();
                for (int i = 0; i < n; i++) {
                    futures[i] = loop.createFuture();
                    tasks[i] = AsyncIO.createTask(waiter(futures[i]));
                }
                f.r0 = futures;
                f.r1 = tasks;
                f.px[0] = before;
                if (Frame.await(AsyncIO.sleep(0), f) != SUSPEND) {
                    throw new IllegalStateException("sleep(0) did not yield");
                }
                f.state = 1;
                return SUSPEND;
            }
            case 1 -> {
                Frame.result(f);
                long after = ((LongSupplier) f.rx[0]).getAsLong();
                Future<Integer>[] futures = (Future<Integer>[]) f.r0;
                Task<?>[] tasks = (Task<?>[]) f.r1;
                for (Task<?> t : tasks) {
                    if (t.done()) {
                        throw new IllegalStateException("a task finished before its future was set");
                    }
                }
                f.px[0] = Double.doubleToRawLongBits((after - f.px[0]) / (double) n);
                long t0 = System.nanoTime();
                f.px[1] = t0;
                for (Future<Integer> fut : futures) {
                    fut.setResult(1);
                }
                f.r0 = null;
                f.r1 = null;
                if (Frame.await(awaitAll(() -> tasks, false), f) == SUSPEND) {
                    f.state = 2;
                    return SUSPEND;
                }
            }
            default -> Frame.result(f);
        }
        return new double[] {Double.longBitsToDouble(f.px[0]), (System.nanoTime() - f.px[1]) / 1e9};
    }

    private static final String CANCEL = site("sleepCancel");

    /**
     * <pre>
     * create n tasks sleeper(1e6 + random 0..1e6 s); await(sleep(0)); cancel each;
     * await(awaitAll(tasks, ignoreCancelled)); return done();
     * </pre>
     */
    public static Coroutine<Void> sleepCancel(int n, long seed) {
        Frame<Void> f = Frame.create(Coroutines::cancelBody, CANCEL, 1, 2);
        f.p0 = n;
        f.px[0] = seed;
        return f;
    }

    private static Object cancelBody(Frame<?> f) throws Throwable {
        switch (f.state) {
            case 0 -> {
                int n = (int) f.p0;
                SplittableRandom random = new SplittableRandom(f.px[0]);
                Task<?>[] tasks = new Task[n];
                for (int i = 0; i < n; i++) {
                    tasks[i] = AsyncIO.createTask(sleeper(1e6 + random.nextDouble() * 1e6));
                }
                f.r0 = tasks;
                if (Frame.await(AsyncIO.sleep(0), f) != SUSPEND) {
                    throw new IllegalStateException("sleep(0) did not yield");
                }
                f.state = 1;
                return SUSPEND;
            }
            case 1 -> {
                Frame.result(f);
                Task<?>[] tasks = (Task<?>[]) f.r0;
                f.r0 = null;
                for (Task<?> t : tasks) {
                    t.cancel();
                }
                if (Frame.await(awaitAll(() -> tasks, true), f) == SUSPEND) {
                    f.state = 2;
                    return SUSPEND;
                }
                return null;
            }
            default -> {
                Frame.result(f);
                return null;
            }
        }
    }
    private static final String AWAIT_DONE = site("awaitDone");

    /** {@code for (int i = 0; i < k; i++) await(doneFuture); return done();} (never suspends) */
    public static Coroutine<Void> awaitDone(Future<?> doneFuture, int k) {
        Frame<Void> f = Frame.create(Coroutines::awaitDoneBody, AWAIT_DONE, 1, 2);
        f.r0 = doneFuture;
        f.p0 = k;
        return f;
    }

    private static Object awaitDoneBody(Frame<?> f) throws Throwable {
        Object future = f.r0;
        int k = (int) f.p0;
        int i = 0;
        if (f.state == 1) {
            Frame.result(f);
            i = (int) f.px[0] + 1;
        }
        for (; i < k; i++) {
            if (Frame.await(future, f) == SUSPEND) {
                f.px[0] = i;
                f.state = 1;
                return SUSPEND;
            }
        }
        return null;
    }

    private static final String AWAIT_INLINE = site("awaitInline");

    /** {@code int s = 0; for (int i = 0; i < k; i++) s += await(value(1)); return done(s);} (never suspends) */
    public static Coroutine<Integer> awaitInline(int k) {
        Frame<Integer> f = Frame.create(Coroutines::awaitInlineBody, AWAIT_INLINE, 0, 3);
        f.p0 = k;
        return f;
    }

    private static Object awaitInlineBody(Frame<?> f) throws Throwable {
        int k = (int) f.p0;
        int i = 0;
        int sum = 0;
        if (f.state == 1) {
            i = (int) f.px[0];
            sum = (int) f.px[1] + (Integer) Frame.result(f);
            i++;
        }
        for (; i < k; i++) {
            Object r = Frame.await(value(1), f);
            if (r == SUSPEND) {
                f.px[0] = i;
                f.px[1] = sum;
                f.state = 1;
                return SUSPEND;
            }
            sum += (Integer) r;
        }
        return sum;
    }

    private static final String GATHER_VALUES = site("gatherValues");

    /** {@code return done(await(gather(n x value(1))));} */
    public static Coroutine<List<Integer>> gatherValues(int n) {
        Frame<List<Integer>> f = Frame.create(Coroutines::gatherValuesBody, GATHER_VALUES, 0, 1);
        f.p0 = n;
        return f;
    }

    private static Object gatherValuesBody(Frame<?> f) throws Throwable {
        if (f.state == 1) {
            return Frame.result(f);
        }
        int n = (int) f.p0;
        List<Coroutine<Integer>> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(value(1));
        }
        Object r = Frame.await(AsyncIO.gather(all), f);
        if (r == SUSPEND) {
            f.state = 1;
            return SUSPEND;
        }
        return r;
    }

    private static final String CANCEL_PARKED = site("cancelParked");

    /**
     * <pre>
     * create k tasks waiter(own pending future); await(sleep(0)); cancel each;
     * await each, expecting CancelledError; return done();
     * </pre>
     */
    public static Coroutine<Void> cancelParked(int k) {
        Frame<Void> f = Frame.create(Coroutines::cancelParkedBody, CANCEL_PARKED, 1, 1);
        f.p0 = k;
        return f;
    }

    private static Object cancelParkedBody(Frame<?> f) throws Throwable {
        switch (f.state) {
            case 0 -> {
                int k = (int) f.p0;
                EventLoop loop = AsyncIO.getRunningLoop();
                Task<?>[] tasks = new Task[k];
                for (int i = 0; i < k; i++) {
                    tasks[i] = AsyncIO.createTask(waiter(loop.createFuture()));
                }
                f.r0 = tasks;
                if (Frame.await(AsyncIO.sleep(0), f) != SUSPEND) {
                    throw new IllegalStateException("sleep(0) did not yield");
                }
                f.state = 1;
                return SUSPEND;
            }
            case 1 -> {
                Frame.result(f);
                Task<?>[] tasks = (Task<?>[]) f.r0;
                f.r0 = null;
                for (Task<?> t : tasks) {
                    t.cancel();
                }
                if (Frame.await(awaitAll(() -> tasks, true), f) == SUSPEND) {
                    f.state = 2;
                    return SUSPEND;
                }
                return null;
            }
            default -> {
                Frame.result(f);
                return null;
            }
        }
    }
}
