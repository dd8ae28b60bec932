package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Internals of the waiting primitives that the @Async-style tests cannot see. */
class SyncPrimitivesTest {

    @Test
    void theUncontendedPathsReturnOneSharedDoneFuturePerLoop() {
        // no allocation per uncontended acquire: the same done future every time
        Lock lock = new Lock();
        Semaphore sem = new Semaphore(2);
        Event event = new Event();
        event.set();
        List<Object> seen = VirtualRun.runOnNewLoop(Script.call(() -> {
            List<Object> r = new ArrayList<>();
            Awaitable<Boolean> a = lock.acquire();
            lock.release();
            r.add(a == lock.acquire());
            lock.release();
            Awaitable<Boolean> s = sem.acquire();
            r.add(s == sem.acquire());
            r.add(event.waitSet() == event.waitSet());
            r.add(((Future<?>) a).done() && ((Future<?>) a).result() == Boolean.TRUE);
            r.add(((Future<?>) a).getLoop() == AsyncIO.getRunningLoop());
            r.add(a);
            return r;
        }));
        assertThat(seen.subList(0, 5)).containsOnly(true);
        // another loop gets a future of its own
        Future<?> first = (Future<?>) seen.get(5);
        Future<?> second = (Future<?>) VirtualRun.runOnNewLoop(Script.call(() -> {
            Awaitable<Boolean> a = lock.acquire();
            lock.release();
            return a;
        }));
        assertThat(second).isNotSameAs(first);
        assertThat(second.getLoop()).isNotSameAs(first.getLoop());
    }

    @Test
    void aCancelledAcquireRemovesItsWaiter() {
        // test_acquire_cancel: "self.assertFalse(lock._waiters)"
        Lock lock = new Lock();
        VirtualRun.runOnNewLoop(Script.<Void>steps()
                .then(in -> Script.await(lock.acquire()))
                .then(in -> {
                    Task<Boolean> t = AsyncIO.createTask((Coroutine<Boolean>) lock.acquire());
                    AsyncIO.getRunningLoop().callSoon(t::cancel);
                    return Script.await(AsyncIO.gather(true, t));
                })
                .then(in -> {
                    assertThat(lock.waiters).isEmpty();
                    lock.release();
                    return null;
                }));
    }

    @Test
    void theFifoRingBufferKeepsItsOrderWhenItWrapsAndGrows() {
        AsyncQueue<Integer> q = new AsyncQueue<>();
        List<Integer> out = new ArrayList<>();
        int next = 0;
        for (int round = 0; round < 50; round++) {
            for (int i = 0; i < 7; i++) {
                q.putNowait(next++);
            }
            for (int i = 0; i < 5; i++) {
                out.add(q.getNowait());
            }
        }
        while (!q.empty()) {
            out.add(q.getNowait());
        }
        assertThat(out).hasSize(next);
        for (int i = 0; i < next; i++) {
            assertThat(out.get(i)).isEqualTo(i);
        }
    }

    @Test
    void theLifoQueuePopsTheNewestAcrossAWrappedBuffer() {
        AsyncLifoQueue<Integer> q = new AsyncLifoQueue<>();
        AsyncQueue<Integer> fifo = q;
        for (int i = 0; i < 20; i++) {
            fifo.putNowait(i);
        }
        for (int i = 19; i >= 10; i--) {
            assertThat(q.getNowait()).isEqualTo(i);
        }
        for (int i = 100; i < 130; i++) {
            q.putNowait(i); // grows past the initial 16 slots
        }
        for (int i = 129; i >= 100; i--) {
            assertThat(q.getNowait()).isEqualTo(i);
        }
        for (int i = 9; i >= 0; i--) {
            assertThat(q.getNowait()).isEqualTo(i);
        }
        assertThat(q.empty()).isTrue();
    }
}
