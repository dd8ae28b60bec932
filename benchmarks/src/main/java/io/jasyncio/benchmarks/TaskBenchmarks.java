package io.jasyncio.benchmarks;

import io.jasyncio.AsyncIO;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import java.util.List;
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
 * The hot paths of a task, on one long-lived loop: each invocation runs {@value #K} operations
 * with {@link EventLoop#runUntilComplete}, so the loop's entry and exit are amortised and the
 * score is operations per second. The coroutines are {@code @Async} methods rewritten by the
 * Maven plugin ({@link AsyncWorkloads}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TaskBenchmarks {
    static final int K = 1000;

    private EventLoop loop;
    private Future<Integer> doneFuture;

    @Setup
    public void setUp() {
        loop = AsyncIO.newEventLoop();
        doneFuture = loop.createFuture();
        doneFuture.setResult(1);
    }

    @TearDown
    public void tearDown() {
        loop.close();
    }

    /** Suspend + resume of a task: two tasks alternately yielding ({@code await(sleep(0))}). */
    @Benchmark
    @OperationsPerInvocation(2 * K)
    public Object resumeSuspendedTask() {
        return loop.runUntilComplete(AsyncWorkloads.awaitAll(
                () -> new Future<?>[] {
                    AsyncIO.createTask(AsyncWorkloads.yielder(K)), AsyncIO.createTask(AsyncWorkloads.yielder(K))
                },
                false));
    }

    /** {@code await} of a future that is already done: returns at once, no suspension. */
    @Benchmark
    @OperationsPerInvocation(K)
    public Object awaitDoneFuture() {
        return loop.runUntilComplete(AsyncWorkloads.awaitDone(doneFuture, K));
    }

    /** {@code await} of a coroutine that returns without suspending: one frame, run inline. */
    @Benchmark
    @OperationsPerInvocation(K)
    public Object awaitCoroutineThatDoesNotSuspend() {
        return loop.runUntilComplete(AsyncWorkloads.awaitInline(K));
    }

    /** {@code createTask} of a coroutine that returns at once, then awaiting the task. */
    @Benchmark
    @OperationsPerInvocation(K)
    public Object createTaskAndComplete() {
        return loop.runUntilComplete(AsyncWorkloads.awaitAll(
                () -> {
                    Task<?>[] tasks = new Task<?>[K];
                    for (int i = 0; i < K; i++) {
                        tasks[i] = AsyncIO.createTask(AsyncWorkloads.value(i));
                    }
                    return tasks;
                },
                false));
    }

    /** A task parked on a pending future, cancelled, awaited (CancelledError): the whole lifecycle. */
    @Benchmark
    @OperationsPerInvocation(K)
    public Object cancelParkedTask() {
        return loop.runUntilComplete(AsyncWorkloads.cancelParked(K));
    }

    /** {@code gather} of n coroutines that return at once; score: gathers per second. */
    @State(Scope.Thread)
    public static class GatherState {
        @Param({"10", "1000", "100000"})
        public int n;

        EventLoop loop;

        @Setup
        public void setUp() {
            loop = AsyncIO.newEventLoop();
        }

        @TearDown
        public void tearDown() {
            loop.close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Integer> gather(GatherState s) {
        return s.loop.runUntilComplete(AsyncWorkloads.gatherValues(s.n));
    }
}
