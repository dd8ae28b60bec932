package io.jasyncio.tests;

import static io.jasyncio.AsyncIO.*;
import static io.jasyncio.tests.LockAsyncTest.runVirtual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Async;
import io.jasyncio.CancelledError;
import io.jasyncio.Condition;
import io.jasyncio.Coroutine;
import io.jasyncio.Lock;
import io.jasyncio.Task;
import io.jasyncio.TimeoutError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** asyncio.Condition behaviour, ported from CPython's test_locks.ConditionTests (3.13/3.14). */
class ConditionAsyncTest {
    private final Condition cond = new Condition();
    private final List<Integer> result = new ArrayList<>();

    @Async
    Coroutine<Boolean> waitAndAppend(int n, boolean release) {
        await(cond.acquire());
        if (await(cond.waitNotified())) {
            result.add(n);
            if (release) {
                cond.release();
            }
        }
        return done(true);
    }

    @Async
    Coroutine<Void> waitThenNotify() {
        Task<Boolean> t1 = createTask(waitAndAppend(1, false));
        Task<Boolean> t2 = createTask(waitAndAppend(2, false));
        Task<Boolean> t3 = createTask(waitAndAppend(3, false));
        await(sleep(0));
        assertThat(result).isEmpty();
        assertThat(cond.locked()).isFalse();

        assertThat(await(cond.acquire())).isTrue();
        cond.notifyWaiters();
        await(sleep(0));
        assertThat(result).isEmpty();
        assertThat(cond.locked()).isTrue();

        cond.release();
        await(sleep(0));
        assertThat(result).containsExactly(1);
        assertThat(cond.locked()).isTrue();

        cond.notifyWaiters(2);
        await(sleep(0));
        assertThat(result).containsExactly(1);
        assertThat(cond.locked()).isTrue();

        cond.release();
        await(sleep(0));
        assertThat(result).containsExactly(1, 2);
        assertThat(cond.locked()).isTrue();

        cond.release();
        await(sleep(0));
        assertThat(result).containsExactly(1, 2, 3);
        assertThat(cond.locked()).isTrue();
        assertThat(t1.result() && t2.result() && t3.result()).isTrue();
        return done();
    }

    @Test
    void notifiedWaitersReturnOnlyOnceTheyHoldTheLockAgain() {
        // test_wait
        runVirtual(waitThenNotify());
    }

    @Async
    Coroutine<Void> waitCancel() {
        await(cond.acquire());
        Task<Boolean> wait = createTask(cond.waitNotified());
        getRunningLoop().callSoon(wait::cancel);
        try {
            await(wait);
            throw new AssertionError("not cancelled");
        } catch (CancelledError expected) {
            // the lock is held again
        }
        assertThat(cond.toString()).isEqualTo("<Condition [locked]>");
        return done();
    }

    @Test
    void aCancelledWaitHoldsTheLockAgainAndLeavesNoWaiter() {
        // test_wait_cancel
        runVirtual(waitCancel());
    }

    @Async
    Coroutine<Void> waitCancelContested() {
        await(cond.acquire());
        Task<Boolean> waitTask = createTask(cond.waitNotified());
        await(sleep(0));
        assertThat(cond.locked()).isFalse();
        await(cond.acquire());
        cond.notifyWaiters();
        getRunningLoop().callSoon(waitTask::cancel);
        getRunningLoop().callSoon(cond::release);
        try {
            await(waitTask);
        } catch (CancelledError e) {
            // allowed, not expected: there was no cancellation point
        }
        assertThat(cond.locked()).isTrue();
        return done();
    }

    @Test
    void aWaiterCancelledWhileContestingTheLockStillGetsIt() {
        // test_wait_cancel_contested
        runVirtual(waitCancelContested());
    }

    private boolean waited;

    @Async
    Coroutine<Void> waitOnCond() {
        await(cond.acquire());
        try {
            waited = true;
            await(cond.waitNotified());
        } finally {
            cond.release();
        }
        return done();
    }

    @Async
    Coroutine<Void> waitCancelAfterNotify() {
        Task<Void> waiter = createTask(waitOnCond());
        await(sleep(0));
        await(cond.acquire());
        cond.notifyWaiters();
        await(sleep(0)); // the waiter gets to re-acquiring
        waiter.cancel();
        await(sleep(0)); // the cancellation is delivered
        cond.release();
        await(sleep(0)); // the waiter holds the lock and ends cancelled
        assertThat(waiter.cancelled()).isTrue();
        assertThat(waited).isTrue();
        return done();
    }

    @Test
    void cancelledAfterNotifyTheWaiterReacquiresThenEndsCancelled() {
        // test_wait_cancel_after_notify (bpo-32841)
        runVirtual(waitCancelAfterNotify());
    }

    @Async
    Coroutine<Boolean> waitUnacquired() {
        return cond.waitNotified();
    }

    @Test
    void waitingWithoutTheLockFails() {
        // test_wait_unacquired: RuntimeError -> IllegalStateException
        assertThatThrownBy(() -> runVirtual(waitUnacquired()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot wait on un-acquired lock");
    }

    private boolean presult;

    @Async
    Coroutine<Boolean> waitForPredicate() {
        await(cond.acquire());
        if (await(cond.waitFor(() -> presult))) {
            result.add(1);
            cond.release();
        }
        return done(true);
    }

    @Async
    Coroutine<Void> waitForScenario() {
        Task<Boolean> t = createTask(waitForPredicate());
        await(sleep(0));
        assertThat(result).isEmpty();
        await(cond.acquire());
        cond.notifyWaiters();
        cond.release();
        await(sleep(0));
        assertThat(result).isEmpty();
        presult = true;
        await(cond.acquire());
        cond.notifyWaiters();
        cond.release();
        await(sleep(0));
        assertThat(result).containsExactly(1);
        assertThat(t.result()).isTrue();
        return done();
    }

    @Test
    void waitForWaitsUntilThePredicateHolds() {
        // test_wait_for
        runVirtual(waitForScenario());
    }

    @Async
    Coroutine<Void> waitForUnacquired() {
        assertThat(await(cond.waitFor(() -> true))).isTrue();
        try {
            await(cond.waitFor(() -> false));
            throw new AssertionError("no error");
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("cannot wait on un-acquired lock");
        }
        return done();
    }

    @Test
    void waitForWithoutTheLockPassesIfThePredicateHoldsAtOnce() {
        // test_wait_for_unacquired
        runVirtual(waitForUnacquired());
    }

    @Async
    Coroutine<Void> notifyScenario() {
        Task<Boolean> t1 = createTask(waitAndAppend(1, true));
        Task<Boolean> t2 = createTask(waitAndAppend(2, true));
        Task<Boolean> t3 = createTask(waitAndAppend(3, true));
        await(sleep(0));
        assertThat(result).isEmpty();
        await(cond.acquire());
        cond.notifyWaiters(1);
        cond.release();
        await(sleep(0));
        assertThat(result).containsExactly(1);
        await(cond.acquire());
        cond.notifyWaiters(1);
        cond.notifyWaiters(2048);
        cond.release();
        await(sleep(0));
        assertThat(result).containsExactly(1, 2, 3);
        assertThat(t1.result() && t2.result() && t3.result()).isTrue();
        return done();
    }

    @Test
    void notifyWakesAtMostN() {
        // test_notify
        runVirtual(notifyScenario());
    }

    @Async
    Coroutine<Void> notifyAllScenario() {
        Task<Boolean> t1 = createTask(waitAndAppend(1, true));
        Task<Boolean> t2 = createTask(waitAndAppend(2, true));
        await(sleep(0));
        await(cond.acquire());
        cond.notifyAllWaiters();
        cond.release();
        await(sleep(0));
        assertThat(result).containsExactly(1, 2);
        assertThat(t1.result() && t2.result()).isTrue();
        return done();
    }

    @Test
    void notifyAllWakesEveryWaiter() {
        // test_notify_all
        runVirtual(notifyAllScenario());
    }

    @Test
    void notifyingWithoutTheLockFails() {
        // test_notify_unacquired, test_notify_all_unacquired
        assertThatThrownBy(cond::notifyWaiters)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot notify on un-acquired lock");
        assertThatThrownBy(cond::notifyAllWaiters).isInstanceOf(IllegalStateException.class);
    }

    @Async
    Coroutine<Void> held(Lock lock, Condition c) {
        assertThat(lock.locked()).isTrue();
        assertThat(c.locked()).isTrue();
        return done();
    }

    @Async
    Coroutine<Void> explicitLock(Lock lock) {
        Condition c = new Condition(lock);
        assertThat(c.locked()).isFalse();
        await(c.run(held(lock, c)));
        assertThat(lock.locked()).isFalse();
        await(lock.run(held(lock, c)));
        assertThat(c.locked()).isFalse();
        return done();
    }

    @Test
    void aConditionOverAGivenLockSharesIt() {
        // test_explicit_lock
        runVirtual(explicitLock(new Lock()));
    }

    @Async
    Coroutine<Void> timeoutInBlock() {
        await(cond.acquire());
        try {
            await(waitFor(cond.waitNotified(), 0.5));
            throw new AssertionError("no timeout");
        } catch (TimeoutError expected) {
            assertThat(cond.locked()).isTrue();
        } finally {
            cond.release();
        }
        return done();
    }

    @Test
    void aTimedOutWaitHoldsTheLockAgain() {
        // test_timeout_in_block
        runVirtual(timeoutInBlock());
    }

    private boolean wake;
    private CancelledError raised;

    @Async
    Coroutine<Void> waitForWake() {
        await(cond.acquire());
        try {
            await(cond.waitFor(() -> wake));
        } catch (CancelledError e) {
            raised = e;
            throw e;
        } finally {
            cond.release();
        }
        return done();
    }

    /**
     * Awaits the cancelled waiter: it raises the very CancelledError (message "foo") its wait
     * raised, ends cancelled, and has released the lock.
     */
    @Async
    Coroutine<Void> awaitTheWaitersCancellation(Task<Void> task) {
        try {
            await(task);
            throw new AssertionError("not cancelled");
        } catch (CancelledError e) {
            assertThat(e.getMessage()).isEqualTo("foo");
            assertThat(e).isSameAs(raised);
        }
        assertThat(task.cancelled()).isTrue();
        assertThat(cond.locked())
                .as("the waiter released the lock it held again")
                .isFalse();
        return done();
    }

    @Async
    Coroutine<Void> cancelledErrorWakeup() {
        Task<Void> task = createTask(waitForWake());
        await(sleep(0));
        task.cancel("foo");
        return awaitTheWaitersCancellation(task);
    }

    @Test
    void theCancellationOfAWaitIsRethrownUnchanged() {
        // test_cancelled_error_wakeup
        runVirtual(cancelledErrorWakeup());
    }

    @Async
    Coroutine<Void> cancelledErrorReacquire() {
        Task<Void> task = createTask(waitForWake());
        await(sleep(0));
        await(cond.acquire());
        wake = true;
        cond.notifyWaiters();
        await(sleep(0)); // the task now re-acquires the lock: cancel it there
        task.cancel("foo");
        cond.release();
        return awaitTheWaitersCancellation(task);
    }

    @Test
    void aCancellationDuringTheReacquireIsThrownOnceTheLockIsHeld() {
        // test_cancelled_error_re_aquire
        runVirtual(cancelledErrorReacquire());
    }

    private int state;

    @Async
    Coroutine<Void> consumer() {
        await(cond.acquire());
        try {
            while (true) {
                await(cond.waitFor(() -> state != 0));
                if (state < 0) {
                    return done();
                }
                state--;
            }
        } finally {
            cond.release();
        }
    }

    @Async
    Coroutine<Void> consumeOne(boolean settleFirst) {
        List<Task<Void>> c = List.of(createTask(consumer()), createTask(consumer()));
        await(sleep(0));
        await(cond.acquire());
        try {
            state++;
            cond.notifyWaiters(1);
            if (settleFirst) {
                await(sleep(0)); // the woken consumer gets to re-acquiring the lock
            }
            c.get(0).cancel();
            try {
                await(timeout(0.01).run(cond.waitFor(() -> state == 0)));
            } catch (TimeoutError e) {
                // the item was not consumed: checked below
            }
            assertThat(state).isEqualTo(0);
            state = -1;
            cond.notifyAllWaiters();
        } finally {
            cond.release();
        }
        await(c.get(1));
        return done();
    }

    @Test
    void aWaiterCancelledAsItIsNotifiedPassesTheNotificationOn() {
        // test_cancelled_wakeup: cancelled while still on the wake-up queue
        runVirtual(consumeOne(false));
    }

    @Test
    void aWaiterCancelledWhileReacquiringPassesTheNotificationOn() {
        // test_cancelled_wakeup_relock: cancelled while waiting for the lock again
        runVirtual(consumeOne(true));
    }

    private static Condition shared;

    @Async
    Coroutine<Void> waitNotifiedOnce() {
        await(shared.acquire());
        Task<Boolean> w = createTask(shared.waitNotified());
        await(sleep(0)); // w gives the lock up as it waits, or fails at once on another loop
        if (w.done()) {
            shared.release();
            await(w); // throws the failure
        }
        await(shared.acquire());
        shared.notifyWaiters();
        shared.release();
        await(w);
        shared.release();
        return done();
    }

    @Test
    void aConditionWaitedOnFromTwoLoopsFailsClearly() {
        // test_ambiguous_loops: the condition binds to the first loop it waits on
        shared = new Condition();
        runVirtual(waitNotifiedOnce());
        assertThatThrownBy(() -> runVirtual(waitNotifiedOnce()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is bound to a different event loop");
    }

    @Async
    Coroutine<Void> reprs() {
        assertThat(cond.toString()).isEqualTo("<Condition [unlocked]>");
        await(cond.acquire());
        assertThat(cond.toString()).isEqualTo("<Condition [locked]>");
        cond.release();
        createTask(waitAndAppend(1, true));
        await(sleep(0));
        await(cond.acquire());
        assertThat(cond.toString()).isEqualTo("<Condition [locked, waiters:1]>");
        cond.notifyAllWaiters();
        cond.release();
        await(sleep(0));
        return done();
    }

    @Test
    void toStringShowsStateAndWaiters() {
        // test_repr
        runVirtual(reprs());
    }
}
