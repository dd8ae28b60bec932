package io.jasyncio.benchmarks;

import io.jasyncio.AsyncIO;
import io.jasyncio.AsyncQueue;
import io.jasyncio.EventLoop;
import io.jasyncio.Lock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The waiting primitives on one long-lived loop ({@link EventLoop#runUntilComplete} per
 * invocation, so the loop's entry and exit are amortised): an uncontended lock, a lock handed
 * between two tasks, an event waking 10,000 waiters, a bounded-queue ping-pong, and the
 * {@code Nowait} queue operations. Run with {@code -prof gc} for the bytes per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SyncBenchmarks {
    static final int K = 1000;
    static final int WAITERS = 10_000;

    private EventLoop loop;
    private Lock lock;
    private AsyncQueue<Integer> queue;
    private final Integer item = 42;

    @Setup
    public void setUp() {
        loop = AsyncIO.newEventLoop();
        lock = new Lock();
        queue = new AsyncQueue<>(16);
    }

    @TearDown
    public void tearDown() {
        loop.close();
    }

    /** {@code await(lock.acquire()); lock.release();} on a free lock: no allocation per pair. */
    @Benchmark
    @OperationsPerInvocation(K)
    public Object lockUncontended() {
        return loop.runUntilComplete(SyncWorkloads.lockUncontended(lock, K));
    }

    /** Two tasks taking turns on one lock: every acquire waits for the other's release. */
    @Benchmark
    @OperationsPerInvocation(2 * K)
    public Object lockHandoff() {
        return loop.runUntilComplete(SyncWorkloads.lockHandoff(K));
    }

    /** 10,000 tasks wait on an event; set() wakes them all (spawning them included). */
    @Benchmark
    @OperationsPerInvocation(WAITERS)
    public Object eventWake10k() {
        return loop.runUntilComplete(SyncWorkloads.eventWake(WAITERS));
    }

    /** A number bounced between two tasks through two bounded queues (capacity 1): round trips. */
    @Benchmark
    @OperationsPerInvocation(K)
    public Object queuePingpong() {
        return loop.runUntilComplete(SyncWorkloads.queuePingpong(K));
    }

    /** {@code putNowait} then {@code getNowait} on a bounded, non-full queue: no allocation per pair. */
    @Benchmark
    public Integer queueNowait() {
        queue.putNowait(item);
        Integer v = queue.getNowait();
        queue.taskDone();
        return v;
    }
}
