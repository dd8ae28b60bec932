package io.jasyncio.benchmarks.compare;

import io.jasyncio.AsyncIO;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.benchmarks.AsyncWorkloads;
import io.jasyncio.benchmarks.SyncWorkloads;
import java.util.SplittableRandom;

/**
 * The jasyncio peer: one event loop per iteration ({@link AsyncIO#run}), the workloads as
 * {@code @Async} methods rewritten by the Maven plugin ({@link AsyncWorkloads}), tasks from
 * {@link AsyncIO#createTask}, yield as {@code await(sleep(0))}.
 */
final class JasyncioPeer implements Peer {

    @Override
    public Sample yieldSwitch(int n) {
        long t0 = System.nanoTime();
        AsyncIO.run(AsyncWorkloads.awaitAll(
                () -> new Future<?>[] {
                    AsyncIO.createTask(AsyncWorkloads.yielder(n)), AsyncIO.createTask(AsyncWorkloads.yielder(n))
                },
                false));
        return Sample.rate("switches", 2L * n, System.nanoTime() - t0);
    }

    @Override
    public Sample spawnComplete(int n) {
        long t0 = System.nanoTime();
        Future<?>[] tasks = AsyncIO.run(AsyncWorkloads.awaitAll(
                () -> {
                    Task<?>[] all = new Task<?>[n];
                    for (int i = 0; i < n; i++) {
                        all[i] = AsyncIO.createTask(AsyncWorkloads.value(i & 1));
                    }
                    return all;
                },
                false));
        long t1 = System.nanoTime();
        int sum = 0;
        for (Future<?> t : tasks) {
            sum += (Integer) t.result();
        }
        CompletableFuturePeer.check(sum == n / 2, "spawn_complete sum " + sum);
        return Sample.rate("tasks", n, t1 - t0);
    }

    @Override
    public Sample sleepMany(int n, long seed) {
        long cpu0 = Measure.processCpuNanos();
        long t0 = System.nanoTime();
        AsyncIO.run(AsyncWorkloads.awaitAll(
                () -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    Task<?>[] all = new Task<?>[n];
                    for (int i = 0; i < n; i++) {
                        all[i] = AsyncIO.createTask(AsyncWorkloads.sleeper(random.nextLong(1_000_000_000L) / 1e9));
                    }
                    return all;
                },
                false));
        long wall = System.nanoTime() - t0;
        long cpu = Measure.processCpuNanos() - cpu0;
        return new Sample().put("wall", wall / 1e9).put("cpu", cpu / 1e9);
    }

    @Override
    public Sample parkMany(int n) {
        double[] r = AsyncIO.run(AsyncWorkloads.parkMany(n, Measure::usedHeapAfterGc));
        return new Sample().put("bytes", r[0]).put("wake", r[1]);
    }

    @Override
    public Sample futurePingpong(int n) {
        long t0 = System.nanoTime();
        int last = AsyncIO.run(AsyncWorkloads.pinger(n));
        long t1 = System.nanoTime();
        CompletableFuturePeer.check(last == n, "future_pingpong ended at " + last);
        return Sample.rate("trips", n, t1 - t0);
    }

    @Override
    public Sample awaitChain(int depth) {
        long t0 = System.nanoTime();
        int result = AsyncIO.run(AsyncWorkloads.chain(depth));
        long t1 = System.nanoTime();
        CompletableFuturePeer.check(result == depth, "await_chain result " + result);
        return Sample.seconds("time", t1 - t0);
    }

    @Override
    public Sample gatherFanout(int n) {
        long t0 = System.nanoTime();
        int size = AsyncIO.run(AsyncWorkloads.gatherYielders(n, 10)).size();
        long t1 = System.nanoTime();
        CompletableFuturePeer.check(size == n, "gather size " + size);
        return Sample.seconds("time", t1 - t0);
    }

    @Override
    public Sample sleepCancel(int n, long seed) {
        long t0 = System.nanoTime();
        AsyncIO.run(AsyncWorkloads.sleepCancel(n, seed));
        return Sample.seconds("time", System.nanoTime() - t0);
    }

    @Override
    public Sample lockUncontended(int n) {
        io.jasyncio.Lock lock = new io.jasyncio.Lock();
        long t0 = System.nanoTime();
        int held = AsyncIO.run(SyncWorkloads.lockUncontended(lock, n));
        long t1 = System.nanoTime();
        CompletableFuturePeer.check(held == n, "lock_uncontended held " + held);
        return Sample.rate("pairs", n, t1 - t0);
    }

    @Override
    public Sample lockHandoff(int n) {
        long t0 = System.nanoTime();
        int count = AsyncIO.run(SyncWorkloads.lockHandoff(n));
        long t1 = System.nanoTime();
        CompletableFuturePeer.check(count == 2 * n, "lock_handoff count " + count);
        return Sample.rate("handoffs", 2L * n, t1 - t0);
    }

    @Override
    public Sample eventWake(int n) {
        long nanos = AsyncIO.run(SyncWorkloads.eventWake(n));
        return Sample.seconds("wake", nanos);
    }

    @Override
    public Sample queuePingpong(int n) {
        long t0 = System.nanoTime();
        int last = AsyncIO.run(SyncWorkloads.queuePingpong(n));
        long t1 = System.nanoTime();
        CompletableFuturePeer.check(last == n, "queue_pingpong ended at " + last);
        return Sample.rate("trips", n, t1 - t0);
    }
}
