package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The timer heap against a sorted reference: random adds, cancels and polls must come out in
 * (deadline, scheduling order), cancelled timers never, and lazily kept cancelled entries must
 * stay bounded by the live ones.
 */
class TimerHeapTest {
    private final EventLoop loop = EventLoop.withVirtualTime();
    private final Runnable nothing = () -> {};
    private int seq;

    private TimerHandle timer(double when) {
        return new TimerHandle(loop, when, seq++, nothing);
    }

    /** What {@link TimerHandle#cancel()} does, for a heap that is not its loop's. */
    private static void cancelIn(TimerHeap heap, TimerHandle h) {
        h.cancelled = true;
        heap.cancelled();
    }

    @Test
    void randomOperationsMatchASortedReference() {
        Comparator<TimerHandle> order =
                Comparator.<TimerHandle>comparingDouble(h -> h.when).thenComparingInt(h -> h.seq);
        for (long s = 1; s <= 20; s++) {
            Random random = new Random(s);
            TimerHeap heap = new TimerHeap();
            TreeSet<TimerHandle> reference = new TreeSet<>(order);
            List<TimerHandle> live = new ArrayList<>();
            for (int step = 0; step < 20_000; step++) {
                int op = random.nextInt(10);
                if (op < 5) {
                    // few distinct deadlines, so equal deadlines (FIFO) are common
                    TimerHandle h = timer(random.nextInt(random.nextBoolean() ? 8 : 10_000));
                    heap.add(h);
                    reference.add(h);
                    live.add(h);
                } else if (op < 8 && !live.isEmpty()) {
                    TimerHandle h = live.remove(random.nextInt(live.size()));
                    cancelIn(heap, h);
                    reference.remove(h);
                } else {
                    TimerHandle expected = reference.pollFirst();
                    assertThat(heap.poll()).isSameAs(expected);
                    live.remove(expected);
                }
                assertThat(heap.size()).isEqualTo(reference.size());
                // cancelled entries never outnumber live ones by more than the purge threshold
                assertThat(heap.entries()).isLessThanOrEqualTo(reference.size() + Math.max(reference.size(), 255));
            }
            while (!reference.isEmpty()) {
                assertThat(heap.poll()).isSameAs(reference.pollFirst());
            }
            assertThat(heap.poll()).isNull();
            assertThat(heap.entries()).isZero();
        }
    }

    @Test
    void cancellingEveryTimerEmptiesTheHeapAtOnce() {
        TimerHeap heap = new TimerHeap();
        List<TimerHandle> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            TimerHandle h = timer(i % 7);
            heap.add(h);
            all.add(h);
        }
        for (TimerHandle h : all) {
            cancelIn(heap, h);
        }
        assertThat(heap.entries()).isZero();
        assertThat(all).noneMatch(h -> h.inHeap);
    }

    @Test
    void aTimerCancelledThroughTheLoopIsCountedOnce() {
        TimerHandle h = loop.callLater(5, nothing);
        loop.callLater(6, nothing);
        h.cancel();
        h.cancel();
        assertThat(loop.pendingTimers()).isEqualTo(1);
        assertThat(loop.timers.entries()).isEqualTo(2);
        loop.callLater(10, loop::stop);
        loop.runForever();
        assertThat(loop.timers.entries()).isZero();
    }
}
