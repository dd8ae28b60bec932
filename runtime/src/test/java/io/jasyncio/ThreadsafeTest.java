package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ways into a loop from other threads. The loop runs on its own thread here. */
class ThreadsafeTest {
    private final EventLoop loop = EventLoop.withVirtualTime();
    private Thread loopThread;

    private void startLoop() {
        loopThread = new Thread(loop::runForever, "test-loop");
        loopThread.start();
    }

    @AfterEach
    void stopLoop() throws InterruptedException {
        if (loopThread != null) {
            loop.callSoonThreadsafe(loop::stop);
            loopThread.join();
        }
    }

    @Test
    void callSoonThreadsafeWakesAnIdleLoop() throws Exception {
        startLoop();
        CompletableFuture<Thread> ranOn = new CompletableFuture<>();
        loop.callSoonThreadsafe(() -> ranOn.complete(Thread.currentThread()));
        assertThat(ranOn.get(30, TimeUnit.SECONDS)).isSameAs(loopThread);
    }

    @Test
    void runCoroutineThreadsafeFrom8ThreadsDeliversEveryResultExactlyOnce() throws Exception {
        startLoop();
        int threads = 8;
        int perThread = 12_500;
        AtomicIntegerArray delivered = new AtomicIntegerArray(threads * perThread);
        CountDownLatch allDone = new CountDownLatch(threads * perThread);
        List<Thread> submitters = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int base = t * perThread;
            Thread submitter = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    int id = base + i;
                    Coroutine<Integer> coro = i % 2 == 0 ? AsyncIO.done(id) : AsyncIO.sleep(0, id);
                    AsyncIO.runCoroutineThreadsafe(coro, loop).thenAccept(v -> {
                        delivered.incrementAndGet(v);
                        allDone.countDown();
                    });
                }
            });
            submitters.add(submitter);
            submitter.start();
        }
        for (Thread s : submitters) {
            s.join();
        }
        assertThat(allDone.await(60, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < delivered.length(); i++) {
            assertThat(delivered.get(i)).as("deliveries of result %d", i).isEqualTo(1);
        }
    }

    @Test
    void theFutureReportsTheCoroutinesException() throws Exception {
        startLoop();
        CompletableFuture<Object> f = AsyncIO.runCoroutineThreadsafe(
                Script.call(() -> {
                    throw new ArithmeticException("bad");
                }),
                loop);
        assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ArithmeticException.class);
    }

    @Test
    void getWithTimeoutThrowsTimeoutExceptionAndCancelForwardsToTheTask() throws Exception {
        startLoop();
        CompletableFuture<Task<?>> task = new CompletableFuture<>();
        CompletableFuture<Object> f = AsyncIO.runCoroutineThreadsafe(
                Script.steps().then(in -> {
                    task.complete(AsyncIO.currentTask());
                    return Script.await(AsyncIO.getRunningLoop().createFuture());
                }),
                loop);
        Task<?> t = task.get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> f.get(10, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        assertThat(f.cancel(true)).isTrue();
        CompletableFuture<Boolean> cancelled = new CompletableFuture<>();
        t.toCompletableFuture()
                .whenComplete((v, e) -> loop.callSoonThreadsafe(() -> cancelled.complete(t.cancelled())));
        assertThat(cancelled.get(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void cancellingBeforeTheLoopPicksItUpMeansTheCoroutineNeverRuns() throws Exception {
        List<String> log = new ArrayList<>();
        CompletableFuture<Object> f = AsyncIO.runCoroutineThreadsafe(Script.call(() -> log.add("ran")), loop);
        f.cancel(false);
        loop.runUntilComplete(AsyncIO.sleep(0));
        assertThat(log).isEmpty();
        assertThat(f.isCancelled()).isTrue();
    }

    @Test
    void runCoroutineThreadsafeRejectsNull() {
        assertThatThrownBy(() -> AsyncIO.runCoroutineThreadsafe(null, loop))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("a coroutine was expected");
    }

    @Test
    void runInExecutorReturnsALoopFuture() {
        Object r = loop.runUntilComplete(Script.steps()
                .then(in -> Script.await(AsyncIO.getRunningLoop()
                        .runInExecutor(null, () -> Thread.currentThread().getName())))
                .then(name -> {
                    assertThat((String) name).startsWith("jasyncio-executor-");
                    return Script.await(AsyncIO.getRunningLoop().runInExecutor(Runnable::run, () -> {
                        throw new java.io.IOException("io");
                    }));
                })
                .handle((in, err) -> err));
        assertThat(r).isInstanceOf(java.io.IOException.class);
        loop.shutdownDefaultExecutor();
        assertThatThrownBy(() -> loop.runInExecutor(null, () -> 1)).hasMessage("Executor shutdown has been called");
    }

    @Test
    void virtualTimeWaitsForWorkInFlight() {
        // a virtual clock must not jump past a timeout while an executor job is still running
        CountDownLatch release = new CountDownLatch(1);
        Object r = loop.runUntilComplete(Script.steps().then(in -> {
            Future<String> job = AsyncIO.getRunningLoop().runInExecutor(null, () -> {
                release.await();
                return "job";
            });
            AsyncIO.getRunningLoop().callLater(3600, () -> {});
            new Thread(release::countDown).start();
            return Script.await(job);
        }));
        assertThat(r).isEqualTo("job");
        assertThat(loop.time()).isLessThan(3600);
        loop.shutdownDefaultExecutor();
    }

    @Test
    void aCancelledJobOrStageStopsCountingAsWorkInFlight() {
        List<Runnable> neverRun = new ArrayList<>();
        Future<Integer> job = loop.runInExecutor(neverRun::add, () -> 1);
        CompletableFuture<String> stage = new CompletableFuture<>();
        Future<String> fromStage = Future.fromCompletionStage(stage, loop);
        assertThat(loop.workInFlight()).isEqualTo(2);
        job.cancel();
        fromStage.cancel();
        assertThat(loop.workInFlight()).isZero();
        // nothing in flight: virtual time jumps again
        loop.runUntilComplete(AsyncIO.sleep(3600));
        assertThat(loop.time()).isEqualTo(3600.0);
        assertThat(stage.isCancelled()).isTrue(); // by a done callback, through the loop
        assertThat(neverRun).hasSize(1);
    }
}
