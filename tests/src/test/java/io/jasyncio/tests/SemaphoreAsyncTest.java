package io.jasyncio.tests;

import static io.jasyncio.AsyncIO.*;
import static io.jasyncio.tests.LockAsyncTest.runVirtual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Async;
import io.jasyncio.BoundedSemaphore;
import io.jasyncio.CancelledError;
import io.jasyncio.Coroutine;
import io.jasyncio.Future;
import io.jasyncio.Semaphore;
import io.jasyncio.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** asyncio.Semaphore and BoundedSemaphore, ported from CPython's test_locks.SemaphoreTests (3.12+). */
class SemaphoreAsyncTest {
    private Semaphore sem = new Semaphore();
    private final List<Object> result = new ArrayList<>();

    @Test
    void aSemaphoreWithNoPermitIsLocked() {
        // test_initial_value_zero
        assertThat(new Semaphore(0).locked()).isTrue();
    }

    @Test
    void aNegativeInitialValueFails() {
        // test_semaphore_value: ValueError -> IllegalArgumentException
        assertThatThrownBy(() -> new Semaphore(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Semaphore initial value must be >= 0");
    }

    @Test
    void aBoundedSemaphoreRefusesAnExtraRelease() {
        // test_release_not_acquired (BoundedSemaphore): ValueError -> IllegalArgumentException
        assertThatThrownBy(() -> new BoundedSemaphore().release())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BoundedSemaphore released too many times");
    }

    @Async
    Coroutine<Boolean> appendWhenAcquired(int n) {
        await(sem.acquire());
        result.add(n);
        return done(true);
    }

    @Async
    Coroutine<Void> acquireScenario() {
        sem = new Semaphore(3);
        assertThat(await(sem.acquire())).isTrue();
        assertThat(await(sem.acquire())).isTrue();
        assertThat(sem.locked()).isFalse();
        Task<Boolean> t1 = createTask(appendWhenAcquired(1));
        Task<Boolean> t2 = createTask(appendWhenAcquired(2));
        Task<Boolean> t3 = createTask(appendWhenAcquired(3));
        await(sleep(0));
        assertThat(result).containsExactly(1);
        assertThat(sem.locked()).isTrue();
        assertThat(sem.toString()).isEqualTo("<Semaphore [locked, waiters:2]>");
        Task<Boolean> t4 = createTask(appendWhenAcquired(4));
        sem.release();
        sem.release();
        await(sleep(0));
        assertThat(result).hasSize(3);
        assertThat(sem.locked()).isTrue();
        assertThat(sem.toString()).isEqualTo("<Semaphore [locked, waiters:1]>");
        assertThat(t1.result()).isTrue();
        assertThat(List.of(t2, t3, t4).stream().filter(Future::done).count()).isEqualTo(2);
        sem.release();
        await(gather(t2, t3, t4));
        return done();
    }

    @Test
    void permitsGoToWaitersInOrder() {
        // test_acquire
        runVirtual(acquireScenario());
    }

    @Async
    Coroutine<Void> acquireCancel() {
        await(sem.acquire());
        Future<Boolean> acquire = ensureFuture(sem.acquire());
        getRunningLoop().callSoon(acquire::cancel);
        try {
            await(acquire);
            throw new AssertionError("not cancelled");
        } catch (CancelledError expected) {
            // no waiter left
        }
        assertThat(sem.toString()).isEqualTo("<Semaphore [locked]>");
        return done();
    }

    @Test
    void aCancelledAcquireLeavesNoWaiter() {
        // test_acquire_cancel
        runVirtual(acquireCancel());
    }

    @Async
    Coroutine<Void> cancelBeforeAwoken() {
        sem = new Semaphore(0);
        Future<Boolean> t1 = ensureFuture(sem.acquire());
        Future<Boolean> t2 = ensureFuture(sem.acquire());
        Future<Boolean> t3 = ensureFuture(sem.acquire());
        Future<Boolean> t4 = ensureFuture(sem.acquire());
        await(sleep(0));
        t1.cancel();
        t2.cancel();
        sem.release();
        await(sleep(0));
        await(sleep(0));
        assertThat(t3.done()).isTrue();
        assertThat(t4.done()).isFalse();
        t4.cancel();
        await(sleep(0));
        return done();
    }

    @Test
    void cancelledWaitersPassTheirTurnToTheNextLiveOne() {
        // test_acquire_cancel_before_awoken
        runVirtual(cancelBeforeAwoken());
    }

    @Async
    Coroutine<Void> acquireHang() {
        sem = new Semaphore(0);
        Future<Boolean> t1 = ensureFuture(sem.acquire());
        Future<Boolean> t2 = ensureFuture(sem.acquire());
        await(sleep(0));
        t1.cancel();
        sem.release();
        await(sleep(0));
        await(sleep(0));
        assertThat(sem.locked()).isTrue();
        assertThat(t2.done()).isTrue();
        return done();
    }

    @Test
    void aPermitReleasedAfterTheFirstWaiterWasCancelledGoesToTheSecond() {
        // test_acquire_hang
        runVirtual(acquireHang());
    }

    @Async
    Coroutine<Void> wokenThenCancelled() {
        sem = new Semaphore(0);
        Future<Boolean> t1 = ensureFuture(sem.acquire());
        Future<Boolean> t2 = ensureFuture(sem.acquire());
        await(sleep(0));
        sem.release(); // hands the permit to t1
        t1.cancel(); // t1 is cancelled after it was woken: the permit must reach t2
        await(sleep(0));
        await(sleep(0));
        assertThat(t1.cancelled()).isTrue();
        assertThat(t2.done()).isTrue();
        assertThat(sem.toString()).isEqualTo("<Semaphore [locked]>");
        return done();
    }

    @Test
    void aWaiterCancelledAfterItGotThePermitPassesItOn() {
        // asyncio 3.12 (gh-90155): the woken-then-cancelled waiter gives its permit back and wakes the next
        runVirtual(wokenThenCancelled());
    }

    private Task<Void> t2;

    @Async
    Coroutine<Void> holdAndCancelOther() {
        await(sem.acquire());
        try {
            await(sleep(0));
            t2.cancel();
        } finally {
            sem.release();
        }
        return done();
    }

    @Async
    Coroutine<Void> neverRuns() {
        await(sem.run(sleep(0)));
        throw new AssertionError("ran");
    }

    @Async
    Coroutine<Void> noHang() {
        sem = new Semaphore(1);
        Task<Void> t1 = createTask(holdAndCancelOther());
        t2 = createTask(neverRuns());
        List<Object> r = await(gather(true, t1, t2));
        assertThat(r.get(0)).isNull();
        assertThat(r.get(1)).isInstanceOf(CancelledError.class);
        await(waitFor(sem.acquire(), 1.0));
        return done();
    }

    @Test
    void aCancelledWaiterDoesNotKeepThePermit() {
        // test_acquire_no_hang
        runVirtual(noHang());
    }

    @Async
    Coroutine<Void> twice(String tag) {
        await(sem.acquire());
        result.add(tag + "_1");
        await(sleep(0.01));
        sem.release();
        await(sem.acquire());
        result.add(tag + "_2");
        await(sleep(0.01));
        sem.release();
        return done();
    }

    @Async
    Coroutine<Void> fifoOrder() {
        await(gather(twice("c1"), twice("c2"), twice("c3")));
        assertThat(result).containsExactly("c1_1", "c2_1", "c3_1", "c1_2", "c2_2", "c3_2");
        return done();
    }

    @Test
    void aReleasingTaskQueuesBehindTheWaiters() {
        // test_acquire_fifo_order
        runVirtual(fifoOrder());
    }

    @Async
    Coroutine<Boolean> releaseAndReacquire() {
        await(sem.acquire());
        result.add(2);
        sem.release();
        await(sem.acquire());
        result.add(4);
        return done(true);
    }

    @Async
    Coroutine<Void> fifoOrder2() {
        Task<Boolean> t1 = createTask(appendWhenAcquired(1));
        Task<Boolean> t2 = createTask(releaseAndReacquire());
        Task<Boolean> t3 = createTask(appendWhenAcquired(3));
        await(sleep(0));
        sem.release();
        sem.release();
        await(gather(t1, t2, t3));
        assertThat(result).containsExactly(1, 2, 3, 4);
        return done();
    }

    @Test
    void aWaiterReleasingAndReacquiringGoesToTheBackOfTheQueue() {
        // test_acquire_fifo_order_2
        runVirtual(fifoOrder2());
    }

    @Async
    Coroutine<Void> fifoOrder3() {
        sem = new Semaphore(0);
        Task<Boolean> t1 = createTask(appendWhenAcquired(1));
        Task<Boolean> t2 = createTask(appendWhenAcquired(2));
        Task<Boolean> t3 = createTask(appendWhenAcquired(3));
        await(sleep(0));
        t1.cancel();
        await(sleep(0));
        sem.release();
        sem.release();
        await(gather(true, t1, t2, t3));
        assertThat(result).containsExactly(2, 3);
        return done();
    }

    @Test
    void aCancelledWaiterIsSkipped() {
        // test_acquire_fifo_order_3
        runVirtual(fifoOrder3());
    }

    private Task<Boolean> t4;

    @Async
    Coroutine<Boolean> c4() {
        result.add(4);
        return done(true);
    }

    @Async
    Coroutine<Boolean> firstWaiter() {
        await(sem.acquire());
        t4 = createTask(c4());
        result.add(1);
        return done(true);
    }

    @Async
    Coroutine<Boolean> releaseThrice() {
        sem.release();
        sem.release();
        sem.release();
        assertThat(sem.locked()).isTrue(); // c1 has not woken up yet
        await(sem.acquire());
        result.add(2);
        return done(true);
    }

    @Async
    Coroutine<Boolean> third() {
        await(sem.acquire());
        assertThat(sem.locked()).isTrue();
        result.add(3);
        return done(true);
    }

    @Async
    Coroutine<Void> fifoOrder4() {
        sem = new Semaphore(0);
        Task<Boolean> t1 = createTask(firstWaiter());
        Task<Boolean> t2 = createTask(releaseThrice());
        Task<Boolean> t3 = createTask(third());
        await(sleep(0));
        assertThat(sem.toString()).isEqualTo("<Semaphore [locked, waiters:3]>");
        await(sleep(0));
        await(gather(t1, t2, t3, t4));
        assertThat(result).containsExactly(1, 2, 3, 4);
        return done();
    }

    @Test
    void aSuccessfulAcquireWakesTheWaitersThatQueuedBehindAFreePermit() {
        // test_acquire_fifo_order_4
        runVirtual(fifoOrder4());
    }

    @Async
    Coroutine<Void> reprs() {
        assertThat(sem.toString()).isEqualTo("<Semaphore [unlocked, value:1]>");
        await(sem.acquire());
        assertThat(sem.toString()).isEqualTo("<Semaphore [locked]>");
        sem.release();
        BoundedSemaphore b = new BoundedSemaphore(2);
        assertThat(b.toString()).isEqualTo("<BoundedSemaphore [unlocked, value:2]>");
        await(b.acquire());
        b.release();
        assertThatThrownBy(b::release).isInstanceOf(IllegalArgumentException.class);
        return done();
    }

    @Test
    void toStringShowsStateValueAndWaiters() {
        // test_repr
        runVirtual(reprs());
    }

    private int running;
    private int maxRunning;

    @Async
    Coroutine<Integer> job(int n) {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await(sleep(1));
        running--;
        return done(n);
    }

    @Async
    Coroutine<Double> limited() {
        sem = new Semaphore(3);
        List<Task<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tasks.add(createTask(sem.run(job(i))));
        }
        await(gather(tasks));
        assertThat(sem.toString()).isEqualTo("<Semaphore [unlocked, value:3]>");
        return done(getRunningLoop().time());
    }

    @Test
    void theScopedFormLimitsConcurrency() {
        // async with sem: at most 3 jobs at once, 10 jobs of 1 s take 4 s
        assertThat(runVirtual(limited())).isEqualTo(4.0);
        assertThat(maxRunning).isEqualTo(3);
    }
}
