package io.jasyncio;

import static io.jasyncio.VirtualRun.after;
import static io.jasyncio.VirtualRun.failAfter;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** asCompleted: pins CPython 3.13 asyncio.as_completed iterated with a plain for loop. */
class AsCompletedTest {
    private final VirtualRun vr = new VirtualRun();

    /** Awaits every element of {@code it}, recording "result@t" or "Error@t". */
    private Coroutine<Void> drain(Iterator<Coroutine<Object>> it, List<String> out) {
        return Script.of("drain", s -> {
            if (s.pc == 1) {
                out.add(vr.outcomeOf(s));
            }
            return it.hasNext() ? s.await(1, it.next()) : null;
        });
    }

    @Test
    void completionOrderWithAFailureAndATimeoutMidway() {
        // asyncio: [after(3), after(1), fail(2)] with timeout=2.5 -> 'a'@1, ValueError@2,
        // TimeoutError@2.5 for the one still running.
        List<String> out = new ArrayList<>();
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                Iterable<Coroutine<Object>> it = AsyncIO.asCompleted(
                        List.<Coroutine<Object>>of(
                                after(3, "c"), after(1, "a"), failAfter(2, new IllegalStateException("2"))),
                        2.5);
                yield s.await(1, drain(it.iterator(), out));
            }
            default -> s.value();
        }));
        assertThat(out).containsExactly("a@1.0", "IllegalStateException@2.0", "TimeoutError@2.5");
    }

    @Test
    void everyRemainingAwaitRaisesAfterTheTimeout() {
        List<String> out = new ArrayList<>();
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> yieldDrain(s, AsyncIO.asCompleted(List.of(after(1, "a"), after(5, "b"), after(6, "c")), 2), out);
            default -> s.value();
        }));
        assertThat(out).containsExactly("a@1.0", "TimeoutError@2.0", "TimeoutError@2.0");
    }

    private Object yieldDrain(Script<?> s, Iterable<Coroutine<Object>> it, List<String> out) {
        return s.await(1, drain(it.iterator(), out));
    }

    @Test
    void withoutTimeoutEverythingArrivesInCompletionOrder() {
        // E21 in miniature: input order 3,0,2,1 -> completion order 0,1,2,3.
        List<String> out = new ArrayList<>();
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 ->
                yieldDrain(s, AsyncIO.asCompleted(List.of(after(3, 3), after(0, 0), after(2, 2), after(1, 1))), out);
            default -> s.value();
        }));
        assertThat(out).containsExactly("0@0.0", "1@1.0", "2@2.0", "3@3.0");
    }

    @Test
    void duplicatesRunOnceAndYieldOnce() {
        // asyncio: as_completed dedups its input (set(aws)): [x, x] gives one element.
        Object[] n = new Object[1];
        vr.run(Script.of("main", s -> {
            Coroutine<String> x = after(1, "dup");
            int count = 0;
            for (Coroutine<Object> ignored : AsyncIO.asCompleted(List.<Coroutine<?>>of(x, x))) {
                count++;
            }
            n[0] = count;
            return null;
        }));
        assertThat(n[0]).isEqualTo(1);
    }

    @Test
    void emptyInputYieldsNothing() {
        boolean[] any = {true};
        vr.run(Script.of("main", s -> {
            any[0] = AsyncIO.asCompleted(List.of()).iterator().hasNext();
            return null;
        }));
        assertThat(any[0]).isFalse();
    }

    @Test
    void futuresAlreadyDoneAreYieldedWithoutWaiting() {
        List<String> out = new ArrayList<>();
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                Future<Object> f = AsyncIO.getRunningLoop().createFuture();
                f.setResult("ready");
                yield yieldDrain(s, AsyncIO.asCompleted(List.of(after(1, "later"), f)), out);
            }
            default -> s.value();
        }));
        assertThat(out).containsExactly("ready@0.0", "later@1.0");
    }

    @Test
    void startsEverythingAtOnceEvenBeforeIteration() {
        // asyncio: as_completed wraps and schedules everything when called.
        List<String> out = new ArrayList<>();
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                AsyncIO.asCompleted(List.of(Script.of("w", w -> {
                    out.add("started@" + vr.elapsed());
                    return null;
                })));
                yield s.await(1, AsyncIO.sleep(1));
            }
            default -> s.value();
        }));
        assertThat(out).containsExactly("started@0.0");
    }

    @Test
    void elementsAwaitedConcurrentlyAndInReverse() {
        // asyncio test_as_completed_concurrent / test_as_completed_reverse_wait: the elements are
        // not bound to particular futures; whichever is awaited first gets the first result.
        List<String> out = new ArrayList<>();
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                List<Coroutine<String>> elements = new ArrayList<>();
                AsyncIO.asCompleted(List.of(after(0.05, "a"), after(0.10, "b"))).forEach(elements::add);
                Task<String> second = AsyncIO.createTask(elements.get(1));
                Task<String> first = AsyncIO.createTask(elements.get(0));
                yield s.await(1, AsyncIO.gather(second, first));
            }
            default -> {
                out.add(String.valueOf(s.value()));
                yield null;
            }
        }));
        // the task created first waits first, so it receives 'a'
        assertThat(out).containsExactly("[a, b]");
        assertThat(vr.elapsed()).isEqualTo(0.1);
    }
}
