package io.jasyncio.benchmarks.compare;

import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The callback peer: {@link CompletableFuture} stages on one single-thread executor. A "task"
 * is a chain of stages; "awaiting" is registering the rest of the task as an async dependent
 * stage; yielding is resubmitting to the executor (the cheapest form this model has). Every
 * workload starts on the executor thread, so everything runs on that one thread; timers use a
 * single-thread {@link ScheduledThreadPoolExecutor} in the same role.
 */
final class CompletableFuturePeer implements Peer {
    private final ExecutorService exec = Executors.newSingleThreadExecutor();

    /** Runs {@code body} on the executor thread and waits for the future it returns. */
    private <T> T onExecutor(ExecutorService on, Supplier<CompletableFuture<T>> body) {
        try {
            return CompletableFuture.supplyAsync(body, on).thenCompose(f -> f).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** A task that yields {@code left} times by resubmitting itself, then completes {@code done}. */
    private static final class Yielder implements Runnable {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        final ExecutorService exec;
        int left;

        Yielder(ExecutorService exec, int left) {
            this.exec = exec;
            this.left = left;
        }

        @Override
        public void run() {
            if (left-- == 0) {
                done.complete(null);
            } else {
                exec.execute(this);
            }
        }
    }

    @Override
    public Sample yieldSwitch(int n) {
        long t0 = System.nanoTime();
        onExecutor(exec, () -> {
            Yielder a = new Yielder(exec, n);
            Yielder b = new Yielder(exec, n);
            exec.execute(a);
            exec.execute(b);
            return CompletableFuture.allOf(a.done, b.done);
        });
        return Sample.rate("switches", 2L * n, System.nanoTime() - t0);
    }

    @Override
    public Sample spawnComplete(int n) {
        long t0 = System.nanoTime();
        int sum = onExecutor(exec, () -> {
            @SuppressWarnings("unchecked")
            CompletableFuture<Integer>[] tasks = new CompletableFuture[n];
            for (int i = 0; i < n; i++) {
                int v = i & 1;
                tasks[i] = CompletableFuture.supplyAsync(() -> v, exec);
            }
            return CompletableFuture.allOf(tasks).thenApply(x -> {
                int s = 0;
                for (CompletableFuture<Integer> t : tasks) {
                    s += t.join();
                }
                return s;
            });
        });
        long t1 = System.nanoTime();
        check(sum == n / 2, "spawn_complete sum " + sum);
        return Sample.rate("tasks", n, t1 - t0);
    }

    @Override
    public Sample sleepMany(int n, long seed) {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
        try {
            long cpu0 = Measure.processCpuNanos();
            long t0 = System.nanoTime();
            onExecutor(timers, () -> {
                SplittableRandom random = new SplittableRandom(seed);
                CompletableFuture<?>[] sleepers = new CompletableFuture[n];
                for (int i = 0; i < n; i++) {
                    CompletableFuture<Void> slept = new CompletableFuture<>();
                    timers.schedule(() -> slept.complete(null), random.nextLong(1_000_000_000L), TimeUnit.NANOSECONDS);
                    sleepers[i] = slept;
                }
                return CompletableFuture.allOf(sleepers);
            });
            long wall = System.nanoTime() - t0;
            long cpu = Measure.processCpuNanos() - cpu0;
            return new Sample().put("wall", wall / 1e9).put("cpu", cpu / 1e9);
        } finally {
            timers.shutdownNow();
        }
    }

    @Override
    public Sample parkMany(int n) {
        @SuppressWarnings("unchecked")
        CompletableFuture<Integer>[] awaited = new CompletableFuture[n];
        @SuppressWarnings("unchecked")
        CompletableFuture<Integer>[] tasks = new CompletableFuture[n];
        long before = Measure.usedHeapAfterGc();
        onExecutor(exec, () -> {
            for (int i = 0; i < n; i++) {
                awaited[i] = new CompletableFuture<>();
                tasks[i] = awaited[i].thenApplyAsync(v -> v + 1, exec);
            }
            return CompletableFuture.completedFuture(null);
        });
        long after = Measure.usedHeapAfterGc();
        long t0 = System.nanoTime();
        onExecutor(exec, () -> {
            for (CompletableFuture<Integer> f : awaited) {
                f.complete(1);
            }
            return CompletableFuture.allOf(tasks);
        });
        long wake = System.nanoTime() - t0;
        check(tasks[n - 1].join() == 2, "park_many");
        return new Sample().put("bytes", (after - before) / (double) n).put("wake", wake / 1e9);
    }

    @Override
    public Sample futurePingpong(int n) {
        long t0 = System.nanoTime();
        int last = onExecutor(exec, () -> {
            CompletableFuture<Integer> done = new CompletableFuture<>();
            new PingPong(exec, n, done).serve(0);
            return done;
        });
        long t1 = System.nanoTime();
        check(last == n, "future_pingpong ended at " + last);
        return Sample.rate("trips", n, t1 - t0);
    }

    /** A serves v through a fresh future to B, which answers v + 1 through another fresh future. */
    private record PingPong(ExecutorService exec, int n, CompletableFuture<Integer> done) {
        void serve(int v) {
            if (v == n) {
                done.complete(v);
                return;
            }
            CompletableFuture<Integer> ping = new CompletableFuture<>();
            CompletableFuture<Integer> pong = new CompletableFuture<>();
            ping.thenAcceptAsync(x -> pong.complete(x + 1), exec);
            pong.thenAcceptAsync(this::serve, exec);
            ping.complete(v);
        }
    }

    @Override
    public Sample awaitChain(int depth) {
        long t0 = System.nanoTime();
        int result = onExecutor(exec, () -> chain(depth));
        long t1 = System.nanoTime();
        check(result == depth, "await_chain result " + result);
        return Sample.seconds("time", t1 - t0);
    }

    /**
     * chain(d) = "await chain(d - 1), then add one", written the way CompletableFuture code is:
     * the call builds the inner stages first (Java recursion), the innermost yields once to the
     * executor, and the results flow back through thenApply stages.
     */
    private CompletableFuture<Integer> chain(int depth) {
        if (depth == 0) {
            return CompletableFuture.supplyAsync(() -> 0, exec);
        }
        return chain(depth - 1).thenApply(x -> x + 1);
    }

    @Override
    public Sample gatherFanout(int n) {
        long t0 = System.nanoTime();
        onExecutor(exec, () -> {
            CompletableFuture<?>[] all = new CompletableFuture[n];
            for (int i = 0; i < n; i++) {
                Yielder y = new Yielder(exec, 10);
                exec.execute(y);
                all[i] = y.done;
            }
            return CompletableFuture.allOf(all);
        });
        return Sample.seconds("time", System.nanoTime() - t0);
    }

    @Override
    public Sample sleepCancel(int n, long seed) {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
        timers.setRemoveOnCancelPolicy(true);
        try {
            long t0 = System.nanoTime();
            onExecutor(timers, () -> {
                SplittableRandom random = new SplittableRandom(seed);
                ScheduledFuture<?>[] sleeps = new ScheduledFuture[n];
                CompletableFuture<?>[] sleepers = new CompletableFuture[n];
                for (int i = 0; i < n; i++) {
                    CompletableFuture<Void> slept = new CompletableFuture<>();
                    sleeps[i] = timers.schedule(
                            () -> slept.complete(null),
                            1000_000_000_000L + random.nextLong(1000_000_000_000L),
                            TimeUnit.NANOSECONDS);
                    sleepers[i] = slept;
                }
                for (int i = 0; i < n; i++) {
                    sleeps[i].cancel(false);
                    sleepers[i].cancel(false);
                }
                return CompletableFuture.allOf(sleepers).handle((v, e) -> null);
            });
            return Sample.seconds("time", System.nanoTime() - t0);
        } finally {
            timers.shutdownNow();
        }
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("wrong result: " + what);
        }
    }

    @Override
    public void close() {
        exec.shutdownNow();
    }
}
