package io.jasyncio.tests;

import static io.jasyncio.AsyncIO.*;
import static io.jasyncio.tests.LockAsyncTest.runVirtual;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Async;
import io.jasyncio.CancelledError;
import io.jasyncio.Coroutine;
import io.jasyncio.Event;
import io.jasyncio.Future;
import io.jasyncio.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** asyncio.Event behaviour, ported from CPython's test_locks.EventTests. */
class EventAsyncTest {
    private final Event ev = new Event();
    private final List<Integer> result = new ArrayList<>();

    @Async
    Coroutine<Boolean> c(int n) {
        if (await(ev.waitSet())) {
            result.add(n);
        }
        return done(true);
    }

    @Async
    Coroutine<Void> waitAll() {
        assertThat(ev.isSet()).isFalse();
        Task<Boolean> t1 = createTask(c(1));
        Task<Boolean> t2 = createTask(c(2));
        await(sleep(0));
        assertThat(result).isEmpty();
        Task<Boolean> t3 = createTask(c(3));
        ev.set();
        await(sleep(0));
        assertThat(result).containsExactly(3, 1, 2);
        assertThat(t1.done() && t2.done() && t3.done()).isTrue();
        return done();
    }

    @Test
    void setWakesEveryWaiterInOrder() {
        // test_wait: t3 starts after set() and passes at once, then t1 and t2 wake in FIFO order
        runVirtual(waitAll());
    }

    @Async
    Coroutine<Boolean> waitOnSet() {
        ev.set();
        return done(await(ev.waitSet()));
    }

    @Test
    void waitingOnASetEventReturnsTrueAtOnce() {
        // test_wait_on_set
        assertThat(runVirtual(waitOnSet())).isTrue();
    }

    @Async
    Coroutine<Void> waitCancel() {
        Future<Boolean> wait = ensureFuture(ev.waitSet());
        getRunningLoop().callSoon(wait::cancel);
        try {
            await(wait);
            throw new AssertionError("not cancelled");
        } catch (CancelledError expected) {
            // the waiter is gone
        }
        assertThat(ev.toString()).isEqualTo("<Event [unset]>");
        return done();
    }

    @Test
    void aCancelledWaiterLeaves() {
        // test_wait_cancel
        runVirtual(waitCancel());
    }

    @Async
    Coroutine<Void> clearWithWaiters() {
        Task<Boolean> t = createTask(c(1));
        await(sleep(0));
        assertThat(result).isEmpty();
        ev.set();
        ev.clear();
        assertThat(ev.isSet()).isFalse();
        ev.set();
        ev.set();
        assertThat(ev.toString()).isEqualTo("<Event [set, waiters:1]>");
        await(sleep(0));
        assertThat(result).containsExactly(1);
        assertThat(ev.toString()).isEqualTo("<Event [set]>");
        assertThat(t.result()).isTrue();
        return done();
    }

    @Test
    void aWaiterWokenBySetStaysWokenWhenTheEventIsCleared() {
        // test_clear_with_waiters
        runVirtual(clearWithWaiters());
    }

    @Async
    Coroutine<Void> cancelledAfterWakeUp() {
        Task<Boolean> t1 = createTask(c(1));
        Task<Boolean> t2 = createTask(c(2));
        await(sleep(0));
        ev.set();
        t1.cancel(); // woken, then cancelled before it ran
        await(sleep(0));
        assertThat(t1.cancelled()).isTrue();
        assertThat(result).containsExactly(2);
        assertThat(t2.result()).isTrue();
        return done();
    }

    @Test
    void aWaiterCancelledAfterSetDoesNotKeepTheOthersWaiting() {
        runVirtual(cancelledAfterWakeUp());
    }
}
