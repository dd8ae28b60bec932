package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Random sequences of puts, gets (waiting and not), cancellations, loop steps and shutdowns on a
 * bounded {@link AsyncQueue}, checked against a plain FIFO model: no item is lost or duplicated,
 * items leave in the order they entered, the bound holds, a cancelled putter leaves nothing
 * behind and a cancelled getter takes nothing (asyncio's Queue semantics, 3.13 shutdown included).
 *
 * <p>Every event that moves an item (a put or get that succeeded, whether {@code Nowait} or a
 * task, and an immediate shutdown dropping the items) is logged through {@code callSoon} at the
 * moment it happens, so the log is in true event order; the model replays it.
 */
class QueuePropertyTest {

    sealed interface Op permits PutNowait, GetNowait, SpawnPut, SpawnGet, Cancel, Step, Shutdown {}

    record PutNowait() implements Op {}

    record GetNowait() implements Op {}

    record SpawnPut() implements Op {}

    record SpawnGet() implements Op {}

    record Cancel(int which) implements Op {}

    record Step(int iterations) implements Op {}

    record Shutdown(boolean immediate) implements Op {}

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.just(new PutNowait())),
                net.jqwik.api.Tuple.of(5, Arbitraries.just(new GetNowait())),
                net.jqwik.api.Tuple.of(8, Arbitraries.just(new SpawnPut())),
                net.jqwik.api.Tuple.of(8, Arbitraries.just(new SpawnGet())),
                net.jqwik.api.Tuple.of(
                        6, Arbitraries.integers().between(0, 1000).map(Cancel::new)),
                net.jqwik.api.Tuple.of(10, Arbitraries.integers().between(1, 3).map(Step::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(true, false).map(Shutdown::new)));
        return op.list().ofMinSize(1).ofMaxSize(60);
    }

    /** What the loop did to the queue, in event order. */
    private record Event(String kind, int item) {}

    @Property(tries = 200, seed = "20261206", shrinking = ShrinkingMode.BOUNDED)
    void noItemLostOrDuplicatedAndOrderKept(@ForAll("ops") List<Op> ops, @ForAll("capacity") int capacity) {
        EventLoop loop = EventLoop.withVirtualTime();
        AsyncQueue<Integer> q = new AsyncQueue<>(capacity);
        List<Event> log = new ArrayList<>();
        List<Task<?>> tasks = new ArrayList<>();
        Set<Integer> failedPuts = new HashSet<>();
        int next = 0;
        boolean shutdown = false;
        try {
            for (Op op : ops) {
                if (op instanceof PutNowait) {
                    int item = next++;
                    try {
                        q.putNowait(item);
                        log(loop, log, "in", item);
                    } catch (QueueFull | QueueShutDown e) {
                        assertThat(e instanceof QueueShutDown).isEqualTo(shutdown);
                        failedPuts.add(item);
                    }
                } else if (op instanceof GetNowait) {
                    try {
                        log(loop, log, "out", q.getNowait());
                    } catch (QueueEmpty | QueueShutDown e) {
                        assertThat(q.empty()).isTrue();
                    }
                } else if (op instanceof SpawnPut) {
                    int item = next++;
                    Task<Void> t = loop.createTask(q.put(item));
                    t.addDoneCallback(f -> {
                        if (!f.cancelled() && f.exception() == null) {
                            log.add(new Event("in", item));
                        } else {
                            failedPuts.add(item);
                        }
                    });
                    tasks.add(t);
                } else if (op instanceof SpawnGet) {
                    Task<Integer> t = loop.createTask(q.get());
                    t.addDoneCallback(f -> {
                        if (!f.cancelled() && f.exception() == null) {
                            log.add(new Event("out", f.result()));
                        }
                    });
                    tasks.add(t);
                } else if (op instanceof Cancel c) {
                    if (!tasks.isEmpty()) {
                        tasks.get(c.which() % tasks.size()).cancel();
                    }
                } else if (op instanceof Step s) {
                    VirtualRun.iterate(loop, s.iterations());
                } else if (op instanceof Shutdown s) {
                    q.shutdown(s.immediate());
                    shutdown = true;
                    if (s.immediate()) {
                        log(loop, log, "drop", -1);
                    }
                }
            }
            settle(loop, log, tasks, q); // let woken tasks finish and every logged event arrive
            // replay against the model
            ArrayDeque<Integer> model = new ArrayDeque<>();
            Set<Integer> seen = new HashSet<>();
            for (Event e : log) {
                switch (e.kind()) {
                    case "in" -> {
                        assertThat(seen.add(e.item()))
                                .as("item %d entered twice", e.item())
                                .isTrue();
                        assertThat(failedPuts).doesNotContain(e.item());
                        model.addLast(e.item());
                        assertThat(model.size()).as("bound").isLessThanOrEqualTo(capacity);
                    }
                    case "out" -> assertThat(e.item()).as("FIFO order").isEqualTo(model.pollFirst());
                    default -> model.clear();
                }
            }
            assertThat(q.qsize()).isEqualTo(model.size());
            while (!q.empty()) {
                assertThat(q.getNowait()).isEqualTo(model.pollFirst());
            }
            assertThat(model).isEmpty();
            for (Task<?> t : tasks) {
                if (t.done() && !t.cancelled() && t.exception() instanceof QueueShutDown) {
                    assertThat(shutdown).isTrue();
                }
            }
        } finally {
            for (Task<?> t : tasks) {
                t.cancel();
            }
            VirtualRun.iterate(loop, 2);
            loop.close();
        }
    }

    @Provide
    Arbitrary<Integer> capacity() {
        return Arbitraries.integers().between(1, 4);
    }

    /** Runs the loop until three iterations in a row change nothing visible. */
    private static void settle(EventLoop loop, List<Event> log, List<Task<?>> tasks, AsyncQueue<?> q) {
        int quiet = 0;
        String before = "";
        for (int i = 0; i < 10_000 && quiet < 3; i++) {
            VirtualRun.iterate(loop, 1);
            String now = log.size() + " " + tasks.stream().filter(Future::done).count() + " " + q;
            quiet = now.equals(before) ? quiet + 1 : 0;
            before = now;
        }
    }

    private static void log(EventLoop loop, List<Event> log, String kind, int item) {
        loop.callSoon(() -> log.add(new Event(kind, item)));
    }
}
