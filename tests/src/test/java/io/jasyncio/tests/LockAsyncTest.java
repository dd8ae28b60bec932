package io.jasyncio.tests;

import static io.jasyncio.AsyncIO.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Async;
import io.jasyncio.Awaitable;
import io.jasyncio.CancelledError;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Lock;
import io.jasyncio.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** asyncio.Lock behaviour, ported from CPython's test_locks.LockTests (3.13/3.14). */
class LockAsyncTest {
    private final List<Integer> result = new ArrayList<>();
    private final Lock lock = new Lock();

    static <T> T runVirtual(Coroutine<T> main) {
        return run(main, EventLoop::withVirtualTime);
    }

    @Async
    Coroutine<Boolean> appendWhenAcquired(int n) {
        if (await(lock.acquire())) {
            result.add(n);
        }
        return done(true);
    }

    @Async
    Coroutine<Void> acquireInFifoOrder() {
        assertThat(await(lock.acquire())).isTrue();
        Task<Boolean> t1 = createTask(appendWhenAcquired(1));
        Task<Boolean> t2 = createTask(appendWhenAcquired(2));
        await(sleep(0));
        assertThat(result).isEmpty();
        lock.release();
        await(sleep(0));
        assertThat(result).containsExactly(1);
        await(sleep(0));
        assertThat(result).containsExactly(1);
        Task<Boolean> t3 = createTask(appendWhenAcquired(3));
        lock.release();
        await(sleep(0));
        assertThat(result).containsExactly(1, 2);
        lock.release();
        await(sleep(0));
        assertThat(result).containsExactly(1, 2, 3);
        assertThat(t1.result() && t2.result() && t3.result()).isTrue();
        return done();
    }

    @Test
    void waitersAcquireInFifoOrderOneReleaseEach() {
        // test_acquire: each release lets exactly the oldest waiter in, one loop step later
        runVirtual(acquireInFifoOrder());
    }

    @Async
    Coroutine<Void> cancelledAcquire() {
        await(lock.acquire());
        Future<Boolean> task = ensureFuture(lock.acquire());
        getRunningLoop().callSoon(task::cancel);
        try {
            await(task);
            throw new AssertionError("not cancelled");
        } catch (CancelledError expected) {
            // the waiter is gone
        }
        assertThat(lock.toString()).isEqualTo("<Lock [locked]>");
        return done();
    }

    @Test
    void aCancelledAcquireLeavesNoWaiter() {
        // test_acquire_cancel
        runVirtual(cancelledAcquire());
    }

    @Async
    Coroutine<Void> lockit(Awaitable<?> blocker) {
        await(lock.acquire());
        try {
            if (blocker != null) {
                await(blocker);
            }
        } finally {
            lock.release();
        }
        return done();
    }

    @Async
    Coroutine<Void> cancelRace() {
        Future<Object> fa = getRunningLoop().createFuture();
        Task<Void> ta = createTask(lockit(fa));
        await(sleep(0));
        assertThat(lock.locked()).isTrue();
        Task<Void> tb = createTask(lockit(null));
        await(sleep(0));
        assertThat(lock.toString()).contains("waiters:1");
        Task<Void> tc = createTask(lockit(null));
        await(sleep(0));
        assertThat(lock.toString()).contains("waiters:2");
        fa.setResult(null);
        tb.cancel();
        await(sleep(0));
        assertThat(lock.locked()).isFalse();
        assertThat(ta.done()).isTrue();
        assertThat(tb.cancelled()).isTrue();
        await(tc);
        return done();
    }

    @Test
    void releaseSkipsAWaiterCancelledBeforeIt() {
        // test_cancel_race: B's waiter is cancelled but still queued when A releases: C gets the lock
        runVirtual(cancelRace());
    }

    private int lockCount;
    private int callCount;

    @Async
    Coroutine<Void> countingLockit() {
        callCount++;
        await(lock.acquire());
        lockCount++;
        return done();
    }

    @Async
    Coroutine<Void> cancelReleaseRace() {
        await(lock.acquire());
        Task<Void> t1 = createTask(countingLockit());
        Task<Void> t2 = createTask(countingLockit());
        Task<Void> t3 = createTask(countingLockit());
        await(sleep(0));
        getRunningLoop().callSoon(() -> {
            t1.cancel();
            lock.release();
        });
        try {
            await(t1);
            throw new AssertionError("not cancelled");
        } catch (CancelledError expected) {
            // t1 is cancelled as it is woken
        }
        assertThat(lockCount).isEqualTo(1);
        assertThat(callCount).isEqualTo(3);
        assertThat(t1.cancelled() && t2.done()).isTrue();
        t3.cancel();
        await(sleep(0));
        assertThat(t3.cancelled()).isTrue();
        return done();
    }

    @Test
    void cancellingTheFirstWaiterAsTheLockIsReleasedLetsExactlyOneIn() {
        // test_cancel_release_race (bpo-32734)
        runVirtual(cancelReleaseRace());
    }

    @Async
    Coroutine<Void> finishedWaiterCancelled() {
        await(lock.acquire());
        Future<Boolean> tb = ensureFuture(lock.acquire());
        await(sleep(0));
        assertThat(lock.toString()).contains("waiters:1");
        Future<Boolean> tc = ensureFuture(lock.acquire());
        tb.cancel();
        lock.release();
        await(sleep(0));
        assertThat(lock.locked()).isTrue();
        assertThat(tb.cancelled()).isTrue();
        assertThat(await(tc)).isTrue();
        return done();
    }

    @Test
    void aWaiterWokenThenCancelledPassesTheLockOn() {
        // test_finished_waiter_cancelled: the wake-up is not lost with the cancelled waiter
        runVirtual(finishedWaiterCancelled());
    }

    @Async
    Coroutine<Void> wokenThenCancelled() {
        await(lock.acquire());
        Future<Boolean> first = ensureFuture(lock.acquire());
        Future<Boolean> second = ensureFuture(lock.acquire());
        await(sleep(0));
        lock.release(); // wakes the first waiter
        first.cancel(); // cancelled after it was woken, before it ran
        await(sleep(0));
        assertThat(first.cancelled()).isTrue();
        await(sleep(0));
        assertThat(second.done()).isTrue();
        assertThat(lock.locked()).isTrue();
        return done();
    }

    @Test
    void aWaiterCancelledAfterItWasWokenWakesTheNext() {
        // asyncio 3.13 Lock.acquire: on CancelledError a waiter that leaves a free lock wakes the next
        runVirtual(wokenThenCancelled());
    }

    @Test
    void releasingAnUnlockedLockFails() {
        // test_release_not_acquired: RuntimeError -> IllegalStateException
        assertThatThrownBy(lock::release)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Lock is not acquired.");
    }

    @Async
    Coroutine<String> heldBody() {
        assertThat(lock.locked()).isTrue();
        await(sleep(1));
        return done("body@" + getRunningLoop().time());
    }

    @Async
    Coroutine<Void> failingBody() {
        await(sleep(0));
        throw new IllegalArgumentException("boom");
    }

    @Async
    Coroutine<Void> scoped() {
        assertThat(await(lock.run(heldBody()))).isEqualTo("body@1.0");
        assertThat(lock.locked()).isFalse();
        assertThat(await(lock.run(this::heldBody))).isEqualTo("body@2.0");
        assertThat(lock.locked()).isFalse();
        try {
            await(lock.run(failingBody()));
        } catch (IllegalArgumentException expected) {
            assertThat(lock.locked()).isFalse();
        }
        // explicit form
        await(lock.acquire());
        try {
            assertThat(lock.locked()).isTrue();
        } finally {
            lock.release();
        }
        assertThat(lock.locked()).isFalse();
        return done();
    }

    @Test
    void asyncWithFormsReleaseWhateverTheBodyDoes() {
        // test_context_manager: async with lock
        runVirtual(scoped());
    }

    @Async
    Coroutine<Void> scopedWaitsItsTurn() {
        await(lock.acquire());
        Task<String> t = createTask(lock.run(heldBody()));
        await(sleep(0.5));
        assertThat(t.done()).isFalse();
        lock.release();
        assertThat(await(t)).isEqualTo("body@1.5");
        t = createTask(lock.run(heldBody()));
        Task<String> t2 = createTask(lock.run(heldBody()));
        await(sleep(0));
        t2.cancel(); // cancelled while waiting: its body never runs, it releases nothing
        await(sleep(0));
        assertThat(t2.cancelled()).isTrue();
        assertThat(await(t)).isEqualTo("body@2.5");
        assertThat(lock.locked()).isFalse();
        return done();
    }

    @Test
    void theScopeWaitsForTheLockAndACancelledWaitReleasesNothing() {
        runVirtual(scopedWaitsItsTurn());
    }

    @Async
    Coroutine<Void> contend(Lock l) {
        await(l.acquire());
        Task<Boolean> waiter = createTask(waitFor(l.acquire()));
        await(sleep(0));
        l.release();
        await(waiter);
        l.release();
        return done();
    }

    @Async
    Coroutine<Void> uncontended(Lock l) {
        await(l.acquire());
        l.release();
        return done();
    }

    @Test
    void aLockIsBoundToTheLoopItFirstWaitedOn() {
        // mixins._LoopBoundMixin: the uncontended path touches no loop; waiting binds
        Lock l = new Lock();
        runVirtual(uncontended(l));
        runVirtual(uncontended(l));
        runVirtual(contend(l));
        runVirtual(uncontended(l));
        assertThatThrownBy(() -> runVirtual(contend(l)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is bound to a different event loop");
    }

    @Async
    Coroutine<Void> reprs() {
        assertThat(lock.toString()).isEqualTo("<Lock [unlocked]>");
        await(lock.acquire());
        assertThat(lock.toString()).isEqualTo("<Lock [locked]>");
        ensureFuture(lock.acquire());
        await(sleep(0));
        assertThat(lock.toString()).isEqualTo("<Lock [locked, waiters:1]>");
        lock.release();
        await(sleep(0));
        return done();
    }

    @Test
    void toStringShowsStateAndWaiters() {
        // test_repr
        runVirtual(reprs());
    }

    @Test
    void acquireOutsideARunningLoopFailsWithoutTakingTheLock() {
        assertThatThrownBy(lock::acquire)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no running event loop");
        assertThat(lock.locked()).isFalse();
    }
}
