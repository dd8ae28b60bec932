package io.jasyncio.benchmarks;

import io.jasyncio.AsyncIO;
import io.jasyncio.EventLoop;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Timers with {@code pending} (10⁶) timers already scheduled far in the future, so every
 * operation works against a large timer queue: an O(n) step would show at once.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TimerBenchmarks {
    static final int BATCH = 1024;
    static final Runnable NOTHING = () -> {};

    @Param({"1000000"})
    public int pending;

    private EventLoop loop;
    private final SplittableRandom random = new SplittableRandom(7);
    private Runnable stop;

    @Setup
    public void setUp() {
        loop = AsyncIO.newEventLoop();
        stop = loop::stop;
        for (int i = 0; i < pending; i++) {
            loop.callLater(1e6 + random.nextDouble() * 1e6, NOTHING);
        }
    }

    @TearDown
    public void tearDown() {
        loop.close();
    }

    /** Insert a timer at a random place in the queue and cancel it; the loop then runs once to purge. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void insertAndCancel() {
        for (int i = 0; i < BATCH; i++) {
            loop.callLater(1e5 + random.nextDouble() * 1e6, NOTHING).cancel();
        }
        loop.callSoon(stop);
        loop.runForever();
    }

    /** Insert a timer that is already due and run the loop until it fires (one loop iteration). */
    @Benchmark
    public void insertAndFire() {
        loop.callLater(0, stop);
        loop.runForever();
    }
}
