package io.jasyncio.tests;

import static io.jasyncio.AsyncIO.*;
import static io.jasyncio.tests.LockAsyncTest.runVirtual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Async;
import io.jasyncio.Barrier;
import io.jasyncio.BrokenBarrierError;
import io.jasyncio.CancelledError;
import io.jasyncio.Coroutine;
import io.jasyncio.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** asyncio.Barrier (3.11), ported from CPython's test_locks.BarrierTests. */
class BarrierAsyncTest {
    private static final int N = 5;
    private Barrier barrier = new Barrier(N);
    private final List<Object> results1 = new ArrayList<>();
    private final List<Object> results2 = new ArrayList<>();
    private final List<Object> results3 = new ArrayList<>();

    /** Runs {@code n} tasks of {@code coro} and gathers their results. */
    @Async
    <T> Coroutine<List<T>> gatherTasks(int n, IntFunction<Coroutine<T>> coro) {
        List<Task<T>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(createTask(coro.apply(i)));
        }
        return done(await(gather(tasks)));
    }

    @Test
    void partiesMustBePositive() {
        // test_barrier_parties
        assertThatThrownBy(() -> new Barrier(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parties must be >= 1");
        assertThatThrownBy(() -> new Barrier(-4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Async
    Coroutine<Integer> passOnce(int i) {
        return barrier.arriveAndWait();
    }

    @Async
    Coroutine<Void> indices() {
        List<Integer> res = await(gatherTasks(3, this::passOnce));
        assertThat(res).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(res).containsExactly(0, 1, 2); // arrival order: tasks start in creation order
        assertThat(barrier.nWaiting()).isZero();
        assertThat(barrier.broken()).isFalse();
        return done();
    }

    @Test
    void everyTaskGetsItsArrivalIndex() {
        // test_context_manager / test_filling_tasks_check_return_value
        barrier = new Barrier(3);
        runVirtual(indices());
    }

    @Async
    Coroutine<Void> oneTaskTwice() {
        barrier = new Barrier(1);
        Task<Integer> t1 = createTask(barrier.arriveAndWait());
        await(sleep(0));
        assertThat(barrier.nWaiting()).isZero();
        Task<Integer> t2 = createTask(barrier.arriveAndWait());
        await(sleep(0));
        assertThat(t1.result()).isEqualTo(t2.result()).isEqualTo(0);
        assertThat(barrier.nWaiting()).isZero();
        return done();
    }

    @Test
    void aBarrierOfOnePassesAtOnce() {
        // test_filling_one_task_twice
        runVirtual(oneTaskTwice());
    }

    @Async
    Coroutine<Void> taskByTask() {
        barrier = new Barrier(3);
        Task<Integer> t1 = createTask(barrier.arriveAndWait());
        await(sleep(0));
        assertThat(barrier.nWaiting()).isEqualTo(1);
        assertThat(barrier.toString()).isEqualTo("<Barrier [filling, waiters:1/3]>");
        Task<Integer> t2 = createTask(barrier.arriveAndWait());
        await(sleep(0));
        assertThat(barrier.nWaiting()).isEqualTo(2);
        Task<Integer> t3 = createTask(barrier.arriveAndWait());
        await(sleep(0));
        assertThat(barrier.toString()).isEqualTo("<Barrier [draining, waiters:0/3]>");
        await(waitTasks(List.of(t1, t2, t3)));
        assertThat(barrier.nWaiting()).isZero();
        assertThat(barrier.toString()).isEqualTo("<Barrier [filling, waiters:0/3]>");
        return done();
    }

    @Test
    void theBarrierFillsThenDrains() {
        // test_filling_task_by_task, test_repr
        runVirtual(taskByTask());
    }

    @Async
    Coroutine<Integer> twice(int i) {
        await(barrier.arriveAndWait());
        results1.add(true);
        int index = await(barrier.arriveAndWait());
        results2.add(true);
        return done(index);
    }

    @Async
    Coroutine<Void> waitTwice() {
        List<Integer> res = await(gatherTasks(N, this::twice));
        assertThat(results1).hasSize(N);
        assertThat(results2).hasSize(N);
        assertThat(res).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(barrier.nWaiting()).isZero();
        return done();
    }

    @Test
    void tasksPassTheBarrierTwice() {
        // test_filling_tasks_wait_twice
        runVirtual(waitTwice());
    }

    @Async
    Coroutine<Void> drainingReport(int i) {
        await(barrier.arriveAndWait());
        results1.add(barrier.toString().contains("draining"));
        return done();
    }

    @Async
    Coroutine<Void> drainingState() {
        await(gatherTasks(N, this::drainingReport));
        assertThat(results1).containsExactly(true, true, true, true, false);
        return done();
    }

    @Test
    void theBarrierDrainsUntilTheLastTaskLeft() {
        // test_draining_state
        runVirtual(drainingState());
    }

    private int rewaitN = 2;
    private final Barrier barrierNoWaiting = new Barrier(N - 2);

    @Async
    Coroutine<Void> blockWhileDraining(int i) {
        await(barrier.arriveAndWait());
        if (rewaitN > 0) {
            rewaitN--;
            await(barrier.arriveAndWait());
        } else {
            await(barrierNoWaiting.arriveAndWait());
            await(barrier.arriveAndWait());
        }
        return done();
    }

    @Async
    Coroutine<Void> blockingWhileDraining() {
        await(gatherTasks(N, this::blockWhileDraining));
        return done();
    }

    @Test
    void newArrivalsWaitForTheDrainingToEnd() {
        // test_blocking_tasks_while_draining
        runVirtual(blockingWhileDraining());
    }

    @Async
    Coroutine<Void> appendAfterPassing() {
        await(barrier.arriveAndWait());
        results1.add(true);
        return done();
    }

    @Async
    Coroutine<Void> cancelOne() {
        barrier = new Barrier(3);
        Task<Void> t1 = createTask(appendAfterPassing());
        await(sleep(0));
        assertThat(barrier.nWaiting()).isEqualTo(1);
        Task<Void> t2 = createTask(appendAfterPassing());
        await(sleep(0));
        assertThat(barrier.nWaiting()).isEqualTo(2);
        t1.cancel();
        await(sleep(0));
        assertThat(barrier.nWaiting()).isEqualTo(1);
        try {
            await(t1);
            throw new AssertionError("not cancelled");
        } catch (CancelledError expected) {
            assertThat(t1.cancelled()).isTrue();
        }
        Task<Void> t3 = createTask(appendAfterPassing());
        await(sleep(0));
        assertThat(barrier.nWaiting()).isEqualTo(2);
        Task<Void> t4 = createTask(appendAfterPassing());
        await(gather(t2, t3, t4));
        assertThat(results1).hasSize(3);
        assertThat(barrier.nWaiting()).isZero();
        assertThat(barrier.broken()).isFalse();
        return done();
    }

    @Test
    void aTaskCancelledWhileWaitingLeavesWithoutBreakingTheBarrier() {
        // test_filling_tasks_cancel_one: unlike threading.Barrier, the barrier is not broken
        runVirtual(cancelOne());
    }

    @Async
    Coroutine<Void> resetEmpty() {
        barrier = new Barrier(1);
        createTask(barrier.reset());
        await(sleep(0));
        assertThat(barrier.nWaiting()).isZero();
        assertThat(barrier.broken()).isFalse();
        createTask(barrier.abort());
        await(sleep(0));
        assertThat(barrier.broken()).isTrue();
        assertThat(barrier.toString()).isEqualTo("<Barrier [broken]>");
        try {
            await(barrier.arriveAndWait());
            throw new AssertionError("passed a broken barrier");
        } catch (BrokenBarrierError expected) {
            assertThat(expected).hasMessage("Barrier aborted").isInstanceOf(IllegalStateException.class);
        }
        await(barrier.reset());
        assertThat(barrier.broken()).isFalse();
        assertThat(await(barrier.arriveAndWait())).isZero();
        return done();
    }

    @Test
    void resetAndAbortOfAnIdleBarrier() {
        // test_reset_barrier, test_abort_barrier
        runVirtual(resetEmpty());
    }

    @Async
    Coroutine<Void> catchBroken(int i) {
        try {
            await(barrier.arriveAndWait());
        } catch (BrokenBarrierError e) {
            results1.add(e.getMessage());
        }
        return done();
    }

    @Async
    Coroutine<Void> resetWhileWaiting() {
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < N - 1; i++) {
            tasks.add(createTask(catchBroken(i)));
        }
        await(sleep(0));
        createTask(barrier.reset());
        await(gather(tasks));
        assertThat(results1).hasSize(N - 1).allMatch("Abort or reset of barrier"::equals);
        assertThat(barrier.nWaiting()).isZero();
        assertThat(barrier.toString()).doesNotContain("resetting");
        assertThat(barrier.broken()).isFalse();
        return done();
    }

    @Test
    void resetBreaksTheWaitersOutAndLeavesTheBarrierUsable() {
        // test_reset_barrier_while_tasks_waiting
        runVirtual(resetWhileWaiting());
    }

    private int count;

    @Async
    Coroutine<Void> abortHalfway(int i) {
        try {
            await(barrier.arriveAndWait());
        } catch (BrokenBarrierError e) {
            results1.add(true);
            return done();
        }
        count++;
        if (count > N / 2) {
            await(barrier.abort());
        } else {
            try {
                await(barrier.arriveAndWait());
            } catch (BrokenBarrierError e) {
                results2.add(true);
            }
        }
        return done();
    }

    @Async
    Coroutine<Void> abortHalfDraining() {
        await(gatherTasks(N, this::abortHalfway));
        assertThat(barrier.broken()).isTrue();
        assertThat(results1).hasSize(N / 2);
        assertThat(results2).hasSize(N - N / 2 - 1);
        assertThat(barrier.nWaiting()).isZero();
        return done();
    }

    @Test
    void abortWhileTasksWaitAgainBreaksThem() {
        // test_abort_barrier_when_tasks_half_draining_half_blocking: the first N/2 to pass wait
        // again, the next one aborts; both the re-waiters and those still draining get BrokenBarrierError
        runVirtual(abortHalfDraining());
    }

    private final Barrier barrier2 = new Barrier(N);

    @Async
    Coroutine<Void> abortThenReset(int unused) {
        try {
            int i = await(barrier.arriveAndWait());
            if (i == N / 2) {
                throw new IllegalStateException("boom");
            }
            await(barrier.arriveAndWait());
            results1.add(true);
        } catch (BrokenBarrierError e) {
            results2.add(true);
        } catch (IllegalStateException e) {
            await(barrier.abort());
        }
        int i = await(barrier2.arriveAndWait());
        if (i == N / 2) {
            await(barrier.reset());
        }
        await(barrier2.arriveAndWait());
        await(barrier.arriveAndWait());
        results3.add(true);
        return done();
    }

    @Async
    Coroutine<Void> abortAndReset() {
        await(gatherTasks(N, this::abortThenReset));
        assertThat(barrier.broken()).isFalse();
        assertThat(results1).isEmpty();
        assertThat(results2).hasSize(N - 1);
        assertThat(results3).hasSize(N);
        assertThat(barrier.nWaiting()).isZero();
        return done();
    }

    @Test
    void aResetAfterAnAbortMakesTheBarrierUsableAgain() {
        // test_abort_barrier_when_exception_then_resetting
        runVirtual(abortAndReset());
    }
}
