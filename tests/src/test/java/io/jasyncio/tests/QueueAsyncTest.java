package io.jasyncio.tests;

import static io.jasyncio.AsyncIO.*;
import static io.jasyncio.tests.LockAsyncTest.runVirtual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Async;
import io.jasyncio.AsyncLifoQueue;
import io.jasyncio.AsyncPriorityQueue;
import io.jasyncio.AsyncQueue;
import io.jasyncio.CancelledError;
import io.jasyncio.Coroutine;
import io.jasyncio.QueueEmpty;
import io.jasyncio.QueueFull;
import io.jasyncio.QueueShutDown;
import io.jasyncio.Task;
import io.jasyncio.TimeoutError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** asyncio.Queue, PriorityQueue and LifoQueue, ported from CPython's test_queues (3.13/3.14). */
class QueueAsyncTest {
    private AsyncQueue<Object> q = new AsyncQueue<>();
    private final List<Object> havBeenPut = new ArrayList<>();

    @Async
    Coroutine<Void> basics() {
        assertThat(q.empty()).isTrue();
        await(q.put(1));
        assertThat(q.empty()).isFalse();
        assertThat(await(q.get())).isEqualTo(1);
        assertThat(q.empty()).isTrue();
        assertThat(q.full()).isFalse();
        AsyncQueue<Integer> one = new AsyncQueue<>(1);
        await(one.put(1));
        assertThat(one.full()).isTrue();
        for (int i : new int[] {1, 3, 2}) {
            await(q.put(i));
        }
        assertThat(List.of(await(q.get()), await(q.get()), await(q.get()))).containsExactly(1, 3, 2);
        return done();
    }

    @Test
    void emptyFullAndFifoOrder() {
        // test_empty, test_full, test_order
        runVirtual(basics());
    }

    @Test
    void nowaitForms() {
        // test_nonblocking_get, test_nonblocking_get_exception, test_nonblocking_put_exception
        q.putNowait(1);
        assertThat(q.getNowait()).isEqualTo(1);
        assertThatThrownBy(q::getNowait).isInstanceOf(QueueEmpty.class);
        AsyncQueue<Integer> one = new AsyncQueue<>(1);
        one.putNowait(1);
        assertThatThrownBy(() -> one.putNowait(2)).isInstanceOf(QueueFull.class);
        q.putNowait(null); // None is a valid item in asyncio
        assertThat(q.getNowait()).isNull();
    }

    @Test
    void orderOfLifoAndPriorityQueues() {
        // LifoQueueTests.test_order, PriorityQueueTests.test_order
        AsyncLifoQueue<Integer> lifo = new AsyncLifoQueue<>();
        AsyncPriorityQueue<Integer> prio = new AsyncPriorityQueue<>();
        AsyncPriorityQueue<String> byLength = new AsyncPriorityQueue<>(Comparator.comparingInt(String::length));
        for (int i : new int[] {1, 3, 2}) {
            lifo.putNowait(i);
            prio.putNowait(i);
            byLength.putNowait("x".repeat(i));
        }
        assertThat(List.of(lifo.getNowait(), lifo.getNowait(), lifo.getNowait()))
                .containsExactly(2, 3, 1);
        assertThat(List.of(prio.getNowait(), prio.getNowait(), prio.getNowait()))
                .containsExactly(1, 2, 3);
        assertThat(List.of(byLength.getNowait(), byLength.getNowait(), byLength.getNowait()))
                .containsExactly("x", "xx", "xxx");
        assertThatThrownBy(() -> prio.putNowait(null)).isInstanceOf(NullPointerException.class);
        AsyncPriorityQueue<Object> natural = new AsyncPriorityQueue<>();
        assertThatThrownBy(() -> natural.putNowait(new Object())).isInstanceOf(ClassCastException.class);
        assertThat(natural.qsize()).isZero();
    }

    @Test
    void aPriorityQueueKeepsHeapOrderUnderRandomUse() {
        AsyncPriorityQueue<Integer> prio = new AsyncPriorityQueue<>();
        java.util.PriorityQueue<Integer> model = new java.util.PriorityQueue<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 5000; i++) {
            if (random.nextInt(3) > 0 || model.isEmpty()) {
                int v = random.nextInt(100);
                prio.putNowait(v);
                model.add(v);
            } else {
                assertThat(prio.getNowait()).isEqualTo(model.poll());
            }
            assertThat(prio.qsize()).isEqualTo(model.size());
        }
    }

    @Async
    Coroutine<Boolean> putter() {
        for (int i = 0; i < 3; i++) {
            await(q.put(i));
            havBeenPut.add(i);
        }
        return done(true);
    }

    @Async
    Coroutine<Void> maxsize() {
        q = new AsyncQueue<>(2);
        assertThat(q.maxsize()).isEqualTo(2);
        Task<Boolean> t = createTask(putter());
        for (int i = 0; i < 2; i++) {
            await(sleep(0));
        }
        assertThat(havBeenPut).containsExactly(0, 1);
        assertThat(await(q.get())).isEqualTo(0);
        await(sleep(0));
        assertThat(havBeenPut).containsExactly(0, 1, 2);
        assertThat(await(q.get())).isEqualTo(1);
        assertThat(await(q.get())).isEqualTo(2);
        assertThat(t.done() && t.result()).isTrue();
        return done();
    }

    @Test
    void aFullQueueMakesThePutterWait() {
        // test_maxsize
        runVirtual(maxsize());
    }

    @Async
    Coroutine<Void> getCancelledRace() {
        // the waiter lists as CPython's repr shows them at each step
        Task<Object> t1 = createTask(q.get());
        Task<Object> t2 = createTask(q.get());
        await(sleep(0));
        assertThat(q.toString()).isEqualTo("<AsyncQueue maxsize=0 _getters[2]>");
        t1.cancel();
        await(sleep(0));
        assertThat(t1.done()).isTrue();
        assertThat(q.toString())
                .as("the cancelled getter removed itself")
                .isEqualTo("<AsyncQueue maxsize=0 _getters[1]>");
        await(q.put("a"));
        assertThat(q.toString()).as("t2 woken, not yet run").isEqualTo("<AsyncQueue maxsize=0 _queue=[a] tasks=1>");
        await(sleep(0));
        assertThat(q.toString()).isEqualTo("<AsyncQueue maxsize=0 tasks=1>");
        assertThat(await(t2)).isEqualTo("a");
        return done();
    }

    @Test
    void aCancelledGetterDoesNotTakeTheItem() {
        // test_get_cancelled_race
        runVirtual(getCancelledRace());
    }

    @Async
    Coroutine<Void> getWithWaitingPutters() {
        q = new AsyncQueue<>(1);
        createTask(q.put("a"));
        createTask(q.put("b"));
        assertThat(await(q.get())).isEqualTo("a");
        assertThat(q.toString()).as("the putter of b woken, not yet run").isEqualTo("<AsyncQueue maxsize=1 tasks=1>");
        assertThat(await(q.get())).isEqualTo("b");
        assertThat(q.toString()).isEqualTo("<AsyncQueue maxsize=1 tasks=2>");
        return done();
    }

    @Test
    void getsWakeWaitingPuttersInOrder() {
        // test_get_with_waiting_putters
        runVirtual(getWithWaitingPutters());
    }

    @Async
    Coroutine<Void> consumer(AsyncQueue<Integer> queue, int n) {
        for (int i = 0; i < n; i++) {
            await(queue.get());
        }
        return done();
    }

    @Async
    Coroutine<Void> producer(AsyncQueue<Integer> queue, int n) {
        for (int i = 0; i < n; i++) {
            await(queue.put(i));
        }
        return done();
    }

    @Async
    Coroutine<Void> whyAreGettersWaiting() {
        AsyncQueue<Integer> queue = new AsyncQueue<>(1);
        await(waitFor(gather(producer(queue, 5), consumer(queue, 5)), 1));
        return done();
    }

    @Test
    void aProducerAndAConsumerOverAQueueOfOneFinish() {
        // test_why_are_getters_waiting
        runVirtual(whyAreGettersWaiting());
    }

    @Async
    Coroutine<Void> cancelledGettersNotHeld() {
        q = new AsyncQueue<>(5);
        try {
            await(waitFor(q.get(), 0.1));
            throw new AssertionError("no timeout");
        } catch (TimeoutError expected) {
            // the getter is gone
        }
        assertThat(q.toString()).isEqualTo("<AsyncQueue maxsize=5>");
        return done();
    }

    @Test
    void aTimedOutGetterIsRemoved() {
        // test_cancelled_getters_not_being_held_in_self_getters
        runVirtual(cancelledGettersNotHeld());
    }

    @Async
    Coroutine<Void> cancelDropOneReader() {
        Task<Object> reader = createTask(q.get());
        await(sleep(0));
        q.putNowait(1);
        q.putNowait(2);
        reader.cancel(); // woken for item 1, cancelled before it ran
        try {
            await(reader);
        } catch (CancelledError e) {
            reader = createTask(q.get());
            await(reader);
        }
        assertThat(reader.result()).isEqualTo(1); // 2 would mean item 1 was lost
        return done();
    }

    @Test
    void aGetterCancelledAsItIsHandedAnItemDoesNotLoseIt() {
        // test_get_cancel_drop_one_pending_reader
        runVirtual(cancelDropOneReader());
    }

    @Async
    Coroutine<Void> cancelDropManyReaders() {
        Task<Object> reader1 = createTask(q.get());
        Task<Object> reader2 = createTask(q.get());
        Task<Object> reader3 = createTask(q.get());
        await(sleep(0));
        assertThat(q.toString()).isEqualTo("<AsyncQueue maxsize=0 _getters[3]>");
        q.putNowait(1);
        q.putNowait(2);
        assertThat(q.toString())
                .as("two getters woken")
                .isEqualTo("<AsyncQueue maxsize=0 _queue=[1, 2] _getters[1] tasks=2>");
        reader1.cancel();
        try {
            await(reader1);
            throw new AssertionError("not cancelled");
        } catch (CancelledError expected) {
            // passes its wake-up on
        }
        assertThat(q.toString())
                .as("reader3, woken in reader1's place, ran before this task resumed")
                .isEqualTo("<AsyncQueue maxsize=0 tasks=2>");
        await(reader3);
        assertThat(Set.of(reader2.result(), reader3.result())).containsExactlyInAnyOrder(1, 2);
        return done();
    }

    @Test
    void aCancelledGetterPassesItsItemToAnotherGetter() {
        // test_get_cancel_drop_many_pending_readers
        runVirtual(cancelDropManyReaders());
    }

    @Async
    Coroutine<Void> putCancelDrop() {
        q = new AsyncQueue<>(1);
        q.putNowait(1);
        Task<Void> writer = createTask(q.put(2));
        await(sleep(0));
        assertThat(q.getNowait()).isEqualTo(1);
        writer.cancel(); // woken for the free slot, cancelled before it ran
        try {
            await(writer);
        } catch (CancelledError e) {
            writer = createTask(q.put(2));
            await(writer);
        }
        assertThat(q.getNowait()).isEqualTo(2);
        assertThat(q.qsize()).isZero(); // the cancelled putter left nothing behind
        return done();
    }

    @Test
    void aCancelledPutterPutsNothing() {
        // test_put_cancel_drop
        runVirtual(putCancelDrop());
    }

    @Async
    Coroutine<Void> putCancelledRace() {
        q = new AsyncQueue<>(1);
        Task<Void> putA = createTask(q.put("a"));
        Task<Void> putB = createTask(q.put("b"));
        Task<Void> putC = createTask(q.put("X"));
        await(sleep(0));
        assertThat(putA.done()).isTrue();
        assertThat(putB.done()).isFalse();
        assertThat(q.toString()).isEqualTo("<AsyncQueue maxsize=1 _queue=[a] _putters[2] tasks=1>");
        putC.cancel();
        await(sleep(0));
        assertThat(putC.done()).isTrue();
        assertThat(q.toString())
                .as("the cancelled putter removed itself")
                .isEqualTo("<AsyncQueue maxsize=1 _queue=[a] _putters[1] tasks=1>");
        assertThat(q.getNowait()).isEqualTo("a");
        assertThat(q.toString()).as("putB woken, not yet run").isEqualTo("<AsyncQueue maxsize=1 tasks=1>");
        await(sleep(0));
        assertThat(q.toString()).isEqualTo("<AsyncQueue maxsize=1 _queue=[b] tasks=2>");
        assertThat(q.getNowait()).isEqualTo("b");
        await(putB);
        return done();
    }

    @Test
    void aCancelledPutterDoesNotTakeTheSlot() {
        // test_put_cancelled_race
        runVirtual(putCancelledRace());
    }

    @Async
    Coroutine<Void> putWithWaitingGetters() {
        Task<Object> t = createTask(q.get());
        await(sleep(0));
        await(q.put("a"));
        assertThat(await(t)).isEqualTo("a");
        return done();
    }

    @Test
    void aPutWakesAWaitingGetter() {
        // test_put_with_waiting_getters
        runVirtual(putWithWaitingGetters());
    }

    @Async
    Coroutine<Void> cancelledPutsNotHeld() {
        q = new AsyncQueue<>(1);
        q.putNowait(1);
        Task<Void> put = createTask(q.put(1));
        await(sleep(0));
        assertThat(q.toString()).contains("_putters[1]");
        put.cancel();
        try {
            await(put);
            throw new AssertionError("not cancelled");
        } catch (CancelledError expected) {
            // gone from the putters
        }
        assertThat(q.toString()).doesNotContain("_putters");
        // test_cancelled_put_silence_value_error_exception: the putter was taken by getNowait first
        put = createTask(q.put(1));
        await(sleep(0));
        q.getNowait();
        put.cancel();
        try {
            await(put);
            throw new AssertionError("not cancelled");
        } catch (CancelledError expected) {
            // no other error
        }
        return done();
    }

    @Test
    void aCancelledPutterIsRemoved() {
        // test_cancelled_puts_not_being_held_in_self_putters
        runVirtual(cancelledPutsNotHeld());
    }

    private int accumulator;
    private boolean running = true;

    @Async
    Coroutine<Void> worker() {
        while (running) {
            int item = (Integer) await(q.get());
            accumulator += item;
            q.taskDone();
        }
        return done();
    }

    @Async
    Coroutine<Void> taskDoneAndJoin(IntFunction<AsyncQueue<Object>> kind) {
        q = kind.apply(0);
        for (int i = 0; i < 100; i++) {
            q.putNowait(i);
        }
        List<Task<Void>> tasks = List.of(createTask(worker()), createTask(worker()));
        await(q.join());
        assertThat(accumulator).isEqualTo(4950);
        running = false;
        for (int i = 0; i < tasks.size(); i++) {
            q.putNowait(0);
        }
        await(gather(tasks));
        // test_join_empty_queue: joins at once, twice
        await(q.join());
        await(q.join());
        return done();
    }

    static AsyncQueue<Object> kind(String name) {
        return kind(name, 0);
    }

    static AsyncQueue<Object> kind(String name, int maxsize) {
        return switch (name) {
            case "fifo" -> new AsyncQueue<>(maxsize);
            case "lifo" -> new AsyncLifoQueue<>(maxsize);
            default -> new AsyncPriorityQueue<>(maxsize, Comparator.comparing(Object::toString));
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"fifo", "lifo", "priority"})
    void joinWaitsForEveryTaskDone(String name) {
        // _QueueJoinTestMixin.test_task_done, test_join_empty_queue
        runVirtual(taskDoneAndJoin(n -> kind(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fifo", "lifo", "priority"})
    void tooManyTaskDoneCallsFail(String name) {
        // test_task_done_underflow: ValueError -> IllegalArgumentException
        assertThatThrownBy(kind(name)::taskDone)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("taskDone() called too many times");
    }

    @Async
    Coroutine<Void> shutdownEmpty() {
        Task<Object> getTask = createTask(q.get());
        await(sleep(0));
        q.shutdown(false);
        assertThat(q.qsize()).isZero();
        await(q.join());
        await(sleep(0));
        assertThat(getTask.done()).isTrue();
        await(assertShutDown(getTask));
        return assertEverythingShutDown();
    }

    @Async
    Coroutine<Void> assertShutDown(Task<?> t) {
        try {
            await(t);
            throw new AssertionError("no QueueShutDown");
        } catch (QueueShutDown expected) {
            return done();
        }
    }

    @Async
    Coroutine<Void> assertEverythingShutDown() {
        try {
            await(q.put("data"));
            throw new AssertionError("put after shutdown");
        } catch (QueueShutDown expected) {
            // puts fail
        }
        assertThatThrownBy(() -> q.putNowait("data")).isInstanceOf(QueueShutDown.class);
        try {
            await(q.get());
            throw new AssertionError("get after shutdown");
        } catch (QueueShutDown expected) {
            // gets of an empty shut-down queue fail
        }
        assertThatThrownBy(q::getNowait).isInstanceOf(QueueShutDown.class);
        return done();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fifo", "lifo", "priority"})
    void shutdownOfAnEmptyQueue(String name) {
        // _QueueShutdownTestMixin.test_shutdown_empty
        q = kind(name);
        runVirtual(shutdownEmpty());
    }

    @Async
    Coroutine<Void> shutdownNonempty() {
        q.putNowait("data");
        Task<Void> joinTask = createTask(q.join());
        Task<Void> putTask = createTask(q.put("data2"));
        await(sleep(0));
        assertThat(putTask.done()).isFalse();
        q.shutdown(false);
        assertThat(q.qsize()).isEqualTo(1);
        await(sleep(0));
        assertThat(putTask.done()).isTrue();
        await(assertShutDown(putTask));
        assertThat(await(q.get())).isEqualTo("data");
        await(sleep(0));
        assertThat(joinTask.done()).isFalse();
        await(assertEverythingShutDown());
        q.taskDone();
        await(sleep(0));
        assertThat(joinTask.done()).isTrue();
        await(joinTask);
        assertThatThrownBy(q::taskDone).isInstanceOf(IllegalArgumentException.class);
        assertThat(q.toString()).endsWith("maxsize=1 shutdown>");
        return done();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fifo", "lifo", "priority"})
    void shutdownLetsTheItemsLeftBeTaken(String name) {
        // test_shutdown_nonempty
        q = kind(name, 1);
        runVirtual(shutdownNonempty());
    }

    @Async
    Coroutine<Void> shutdownImmediate() {
        q.putNowait("data");
        Task<Void> joinTask = createTask(q.join());
        q.shutdown(true);
        assertThat(q.qsize()).isZero();
        await(sleep(0));
        assertThat(joinTask.done()).isTrue();
        await(joinTask);
        await(assertEverythingShutDown());
        assertThatThrownBy(q::taskDone).isInstanceOf(IllegalArgumentException.class);
        return done();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fifo", "lifo", "priority"})
    void shutdownImmediateDropsTheItemsAndReleasesJoin(String name) {
        // test_shutdown_immediate
        q = kind(name);
        runVirtual(shutdownImmediate());
    }

    @Async
    Coroutine<Void> shutdownImmediateWithUnfinished() {
        q.putNowait("data");
        q.putNowait("data");
        Task<Void> joinTask = createTask(q.join());
        assertThat(await(q.get())).isEqualTo("data");
        q.shutdown(true);
        assertThat(q.qsize()).isZero();
        await(sleep(0));
        assertThat(joinTask.done()).isFalse();
        await(assertEverythingShutDown());
        q.taskDone();
        assertThatThrownBy(q::taskDone).isInstanceOf(IllegalArgumentException.class);
        await(sleep(0));
        assertThat(joinTask.done()).isTrue();
        await(joinTask);
        return done();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fifo", "lifo", "priority"})
    void shutdownImmediateKeepsTheItemsTakenButNotDone(String name) {
        // test_shutdown_immediate_with_unfinished
        q = kind(name);
        runVirtual(shutdownImmediateWithUnfinished());
    }

    @Async
    Coroutine<Void> shutdownWakesEveryone() {
        AsyncQueue<Object> bounded = new AsyncQueue<>(1);
        Task<Object> g1 = createTask(q.get());
        Task<Object> g2 = createTask(q.get());
        bounded.putNowait("x");
        Task<Void> p1 = createTask(bounded.put("y"));
        await(sleep(0));
        q.shutdown(true);
        bounded.shutdown(true);
        await(gather(true, g1, g2, p1));
        assertThat(g1.exception()).isInstanceOf(QueueShutDown.class);
        assertThat(g2.exception()).isInstanceOf(QueueShutDown.class);
        assertThat(p1.exception()).isInstanceOf(QueueShutDown.class);
        assertThat(bounded.qsize()).isZero();
        return done();
    }

    @Test
    void shutdownImmediateWakesEveryBlockedGetterAndPutter() {
        runVirtual(shutdownWakesEveryone());
    }

    @Async
    Coroutine<Void> reprs() {
        assertThat(q.toString()).isEqualTo("<AsyncQueue maxsize=0>");
        Task<Object> getter = createTask(q.get());
        await(sleep(0));
        assertThat(q.toString()).contains("_getters[1]");
        q.putNowait(0);
        assertThat(await(getter)).isEqualTo(0);
        AsyncQueue<Integer> one = new AsyncQueue<>(1);
        one.putNowait(1);
        Task<Void> putter = createTask(one.put(2));
        await(sleep(0));
        assertThat(one.toString()).isEqualTo("<AsyncQueue maxsize=1 _queue=[1] _putters[1] tasks=1>");
        one.getNowait();
        await(putter);
        q.putNowait(1);
        assertThat(q.toString()).contains("_queue=[1]");
        return done();
    }

    @Test
    void toStringFollowsAsyncioFormat() {
        // test_repr, test_format
        runVirtual(reprs());
    }
}
