package io.jasyncio.benchmarks;

import io.jasyncio.AsyncIO;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.vm.VM;

/**
 * What a parked task costs, byte by byte (JOL), in two shapes: {@code n} tasks each awaiting its
 * own pending future ({@link AsyncWorkloads#waiter}; the future counts), and {@code n} tasks all
 * awaiting one shared future (what a task costs beyond the future it waits on: the task, its frame
 * and its entry in the future's callbacks). For each it prints the objects the parked tasks add to
 * the heap, per class and per task — the graph reachable from the futures minus what the loop
 * already held — then the field layout of the task, its frame and the future.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.jasyncio.benchmarks.ParkedTaskLayout [n]}.
 */
public final class ParkedTaskLayout {
    private ParkedTaskLayout() {}

    public static void main(String[] args) {
        // Lambdas are hidden classes: JOL needs this to read their field offsets.
        System.setProperty("jol.magicFieldOffset", "true");
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        System.out.print(report(n));
    }

    /** The report as Markdown (fenced blocks), also used by the comparison's RESULTS.md. */
    public static String report(int n) {
        return shared(n, AsyncWorkloads::waiter, "all on one shared pending future")
                + "\n"
                + ownFutures(n)
                + "\nPrototype, not shipped (`PerMethodFrames`: a frame class per `@Async` method, "
                + "docs/REWRITER.md):\n\n"
                + shared(n, PerMethodFrames::waiter, "all on one shared pending future, a frame class per method");
    }

    /**
     * Bytes each parked task adds to the heap when {@code n} tasks (rounded down to a power of two)
     * await one shared pending future: the task, its frame, its entry in the future's callbacks
     * and in the loop's structures. What the issue's target (at most 96 B) is about.
     * @param n how many tasks to measure
     * @return bytes per parked task
     */
    public static double bytesPerParkedTask(int n) {
        Growth g = parkShared(n, AsyncWorkloads::waiter);
        return (g.after.totalSize() - g.before.totalSize()) / (double) g.n;
    }

    private static String shared(int atMost, Function<Future<Integer>, Coroutine<Integer>> waiter, String shape) {
        Growth g = parkShared(atMost, waiter);
        return added(g.before, g.after, g.n, shape);
    }

    /** The heap reachable from a loop and its parked tasks before and after {@code n} more parked. */
    private record Growth(GraphLayout before, GraphLayout after, int n) {}

    /**
     * Tasks parked on one shared pending future, in two batches of the largest power of two not
     * above {@code n}: the future's callback array (which doubles) then grows by exactly one entry
     * per measured task, as it does on average for 10⁶ tasks (2²⁰ entries).
     */
    private static Growth parkShared(int atMost, Function<Future<Integer>, Coroutine<Integer>> waiter) {
        int n = Integer.highestOneBit(Math.max(atMost, 1));
        EventLoop loop = AsyncIO.newEventLoop();
        try {
            Future<Integer> future = loop.createFuture();
            List<Future<Integer>> futures = new ArrayList<>();
            List<Task<Integer>> tasks = new ArrayList<>(2 * n);
            park(loop, n, futures, tasks, future, waiter);
            GraphLayout before = GraphLayout.parseInstance(loop, future, tasks);
            park(loop, n, futures, tasks, future, waiter);
            GraphLayout after = GraphLayout.parseInstance(loop, future, tasks);
            future.setResult(1);
            loop.runUntilComplete(AsyncWorkloads.awaitAll(() -> tasks.toArray(new Future<?>[0]), false));
            return new Growth(before, after, n);
        } finally {
            loop.close();
        }
    }

    /** {@code n} tasks, each parked on its own pending future, with the field layouts. */
    private static String ownFutures(int n) {
        EventLoop loop = AsyncIO.newEventLoop();
        try {
            List<Future<Integer>> futures = new ArrayList<>(2 * n);
            List<Task<Integer>> tasks = new ArrayList<>(2 * n);
            // Two equal batches; only the second is measured, so classes loaded and structures
            // grown by the first one (and the walk itself) do not count.
            park(loop, n, futures, tasks, null, AsyncWorkloads::waiter);
            GraphLayout before = GraphLayout.parseInstance(loop, futures, tasks);
            park(loop, n, futures, tasks, null, AsyncWorkloads::waiter);
            GraphLayout after = GraphLayout.parseInstance(loop, futures, tasks);
            StringBuilder out = new StringBuilder();
            out.append(added(before, after, n, "each on its own pending future"));
            Task<Integer> task = tasks.get(0);
            Coroutine<Integer> frame = task.getCoro();
            out.append("Field layouts (")
                    .append(VM.current()
                            .details()
                            .split("\n")[0]
                            .replace("#", "")
                            .trim())
                    .append("):\n\n```\n");
            out.append(ClassLayout.parseInstance(task).toPrintable()).append('\n');
            out.append(ClassLayout.parseInstance(frame).toPrintable()).append('\n');
            out.append(ClassLayout.parseInstance(futures.get(0)).toPrintable()).append("```\n");
            for (Future<Integer> f : futures) {
                f.setResult(1);
            }
            loop.runUntilComplete(AsyncWorkloads.awaitAll(() -> tasks.toArray(new Future<?>[0]), false));
            return out.toString();
        } finally {
            loop.close();
        }
    }

    /** What {@code after} holds beyond {@code before}: the headline and the per-class table. */
    private static String added(GraphLayout before, GraphLayout after, int n, String shape) {
        long addedBytes = after.totalSize() - before.totalSize();
        return String.format(
                        Locale.ROOT,
                        "%d more tasks parked, %s: %d objects, %d bytes added = %.1f bytes per parked task%n%n",
                        n,
                        shape,
                        after.totalCount() - before.totalCount(),
                        addedBytes,
                        addedBytes / (double) n)
                + "```\n" + perTask(before, after, n) + "```\n";
    }

    /**
     * Parks {@code n} more tasks, each awaiting {@code shared}, or its own new pending future when
     * {@code shared} is null, and returns once all are parked.
     */
    private static void park(
            EventLoop loop,
            int n,
            List<Future<Integer>> futures,
            List<Task<Integer>> tasks,
            Future<Integer> shared,
            Function<Future<Integer>, Coroutine<Integer>> waiter) {
        loop.runUntilComplete(AsyncWorkloads.awaitAll(
                () -> {
                    for (int i = 0; i < n; i++) {
                        Future<Integer> f = shared != null ? shared : loop.createFuture();
                        futures.add(f);
                        tasks.add(AsyncIO.createTask(waiter.apply(f)));
                    }
                    // One loop step later every new task has run up to its await and parked.
                    return new Future<?>[] {AsyncIO.createTask(AsyncIO.sleep(0))};
                },
                false));
        for (Task<Integer> t : tasks) {
            if (t.done()) {
                throw new IllegalStateException("a task finished before its future was set");
            }
        }
    }

    /**
     * JOL's class histogram of what {@code after} holds beyond {@code before}, with an extra
     * column: bytes per parked task. Counts and sizes are subtracted per class (not by address),
     * so a collection between the two walks cannot skew it.
     */
    private static String perTask(GraphLayout before, GraphLayout after, int n) {
        StringBuilder s = new StringBuilder(
                String.format(Locale.ROOT, "%10s %10s %10s %10s  %s%n", "COUNT", "AVG", "SUM", "B/TASK", "CLASS"));
        List<Class<?>> classes = new ArrayList<>(after.getClasses());
        classes.sort((a, b) -> Long.compare(added(after, before, b), added(after, before, a)));
        for (Class<?> c : classes) {
            long count =
                    after.getClassCounts().count(c) - before.getClassCounts().count(c);
            long size = added(after, before, c);
            if (Math.abs(size) < n / 2) {
                continue;
            }
            s.append(String.format(
                    Locale.ROOT,
                    "%10d %10d %10d %10.1f  %s%n",
                    count,
                    count == 0 ? 0 : size / count,
                    size,
                    size / (double) n,
                    c.getName()));
        }
        long total = after.totalSize() - before.totalSize();
        s.append(String.format(
                Locale.ROOT,
                "%10d %10s %10d %10.1f  (total)%n",
                after.totalCount() - before.totalCount(),
                "",
                total,
                total / (double) n));
        return s.toString();
    }

    private static long added(GraphLayout after, GraphLayout before, Class<?> c) {
        return after.getClassSizes().count(c) - before.getClassSizes().count(c);
    }
}
