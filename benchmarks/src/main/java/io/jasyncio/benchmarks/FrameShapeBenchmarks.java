package io.jasyncio.benchmarks;

import io.jasyncio.AsyncIO;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
 * The shared rewritten frame ({@code internal.Frame}, what the rewriter emits) against the
 * prototype of a frame class per method ({@link PerMethodFrames}), on the same two methods: resume
 * speed (two tasks alternately yielding) and the whole life of a parked task (create, park on a
 * shared future, wake, finish). Same loop and driver as {@link TaskBenchmarks}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FrameShapeBenchmarks {
    static final int K = TaskBenchmarks.K;

    private EventLoop loop;

    @Setup
    public void setUp() {
        loop = AsyncIO.newEventLoop();
    }

    @TearDown
    public void tearDown() {
        loop.close();
    }

    /** Suspend + resume, rewritten frame: {@link TaskBenchmarks#resumeSuspendedTask}. */
    @Benchmark
    @OperationsPerInvocation(2 * K)
    public Object resumeRewrittenFrame() {
        return loop.runUntilComplete(AsyncWorkloads.awaitAll(
                () -> new Future<?>[] {
                    AsyncIO.createTask(AsyncWorkloads.yielder(K)), AsyncIO.createTask(AsyncWorkloads.yielder(K))
                },
                false));
    }

    /** Suspend + resume, a frame class per method. */
    @Benchmark
    @OperationsPerInvocation(2 * K)
    public Object resumePerMethodFrame() {
        return loop.runUntilComplete(AsyncWorkloads.awaitAll(
                () -> new Future<?>[] {
                    AsyncIO.createTask(PerMethodFrames.yielder(K)), AsyncIO.createTask(PerMethodFrames.yielder(K))
                },
                false));
    }

    /** {@value #K} tasks park on one future, wake and finish; rewritten frames. */
    @Benchmark
    @OperationsPerInvocation(K)
    public Object parkWakeRewrittenFrame() {
        return parkWake(AsyncWorkloads::waiter);
    }

    /** {@value #K} tasks park on one future, wake and finish; a frame class per method. */
    @Benchmark
    @OperationsPerInvocation(K)
    public Object parkWakePerMethodFrame() {
        return parkWake(PerMethodFrames::waiter);
    }

    private Object parkWake(Function<Future<Integer>, Coroutine<Integer>> waiter) {
        return loop.runUntilComplete(AsyncWorkloads.awaitAll(
                () -> {
                    Future<Integer> shared = loop.createFuture();
                    Task<?>[] tasks = new Task<?>[K];
                    for (int i = 0; i < K; i++) {
                        tasks[i] = AsyncIO.createTask(waiter.apply(shared));
                    }
                    loop.callSoon(() -> shared.setResult(1));
                    return tasks;
                },
                false));
    }
}
