package io.jasyncio;

import static io.jasyncio.VirtualRun.after;
import static io.jasyncio.VirtualRun.failAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * asCompleted walked as an asynchronous iteration (CPython 3.13 {@code async for ... in
 * as_completed(...)}): the done futures in completion order, the original ones when given
 * tasks and futures.
 */
class AsCompletedAsyncTest {
    private final VirtualRun vr = new VirtualRun();

    /** {@code for (it = ...; await(it.hasNext()); ) out.add(it.next())}, recording TimeoutErrors as "timeout". */
    private static Coroutine<List<Object>> drain(AsyncIterator<Future<Object>> it, List<Object> out) {
        return Script.of("drain", s -> {
            if (s.pc == 1) {
                if (!(Boolean) s.value()) {
                    return out;
                }
                try {
                    out.add(it.next());
                } catch (TimeoutError e) {
                    out.add("timeout@" + AsyncIO.getRunningLoop().time());
                }
            }
            return s.await(1, it.hasNext());
        });
    }

    @Test
    void givenTasksItYieldsTheSameTasksInCompletionOrder() {
        // asyncio 3.13: "async for earliest in as_completed(tasks)" yields the tasks themselves, done
        List<Object> out = new ArrayList<>();
        List<Task<Object>> tasks = new ArrayList<>();
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                tasks.add(AsyncIO.createTask(after(3, "c")));
                tasks.add(AsyncIO.createTask(after(1, "a")));
                tasks.add(AsyncIO.createTask(failAfter(2, new IllegalStateException("b"))));
                List<Task<Object>> withDuplicate = new ArrayList<>(tasks);
                withDuplicate.add(tasks.get(0));
                yield s.await(1, drain(AsyncIO.asCompleted(withDuplicate).asyncIterator(), out));
            }
            default -> s.value();
        }));
        assertThat(out).containsExactly(tasks.get(1), tasks.get(2), tasks.get(0));
        assertThat(out).allMatch(f -> ((Future<?>) f).done());
        assertThat(tasks.get(2).exception()).hasMessage("b");
    }

    @Test
    void givenCoroutinesItYieldsTheTasksRunningThem() {
        List<Object> out = new ArrayList<>();
        List<Object> results = new ArrayList<>();
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 ->
                s.await(
                        1,
                        drain(
                                AsyncIO.<Object>asCompleted(List.of(after(2, "two"), after(1, "one")))
                                        .asyncIterator(),
                                out));
            default -> {
                s.value();
                for (Object f : out) {
                    results.add(((Task<?>) f).result());
                }
                yield null;
            }
        }));
        assertThat(results).containsExactly("one", "two");
    }

    @Test
    void afterTheTimeoutEveryRemainingNextThrowsTimeoutError() {
        // asyncio: each __anext__ after the timeout raises TimeoutError until none is left
        List<Object> out = new ArrayList<>();
        Future<?>[] first = new Future<?>[1];
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                Task<Object> a = AsyncIO.createTask(after(1, "a"));
                first[0] = a;
                yield s.await(
                        1,
                        drain(
                                AsyncIO.asCompleted(
                                                List.of(
                                                        a,
                                                        AsyncIO.createTask(after(5, "b")),
                                                        AsyncIO.createTask(after(6, "c"))),
                                                2)
                                        .asyncIterator(),
                                out));
            }
            default -> s.value();
        }));
        assertThat(out).containsExactly(first[0], "timeout@2.0", "timeout@2.0");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStepThatNeedNotWaitReusesOneDoneFuture() {
        // allocation-light: while futures are done already, hasNext() hands out the same done future
        List<Object> seen = new ArrayList<>();
        EventLoop loop = EventLoop.withVirtualTime();
        Future<Object> f1 = loop.createFuture();
        Future<Object> f2 = loop.createFuture();
        AsCompleted<Object> ac = AsyncIO.asCompleted(List.of(f1, f2));
        AsyncIterator<Future<Object>> it = ac.asyncIterator();
        assertThat(ac.asyncIterator()).isSameAs(it);
        Awaitable<Boolean> waiting = it.hasNext();
        assertThat(((Future<Boolean>) waiting).done()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
        f2.setResult(2);
        f1.setResult(1);
        VirtualRun.iterate(loop, 2);
        assertThat(((Future<Boolean>) waiting).result()).isTrue();
        Awaitable<Boolean> a = it.hasNext();
        seen.add(it.next());
        Awaitable<Boolean> b = it.hasNext();
        assertThat(b).isSameAs(a);
        assertThat(((Future<Boolean>) b).result()).isTrue();
        seen.add(it.next());
        assertThat(((Future<Boolean>) it.hasNext()).result()).isFalse();
        assertThat(seen).containsExactly(f2, f1);
        loop.close();
    }

    @Test
    void nothingToWalk() {
        Object r = vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 ->
                s.await(
                        1,
                        AsyncIO.asCompleted(List.<Future<Object>>of())
                                .asyncIterator()
                                .hasNext());
            default -> s.value();
        }));
        assertThat(r).isEqualTo(false);
    }
}
