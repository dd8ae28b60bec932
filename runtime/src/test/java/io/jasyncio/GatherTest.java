package io.jasyncio;

import static io.jasyncio.VirtualRun.after;
import static io.jasyncio.VirtualRun.cancelAfter;
import static io.jasyncio.VirtualRun.failAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** gather: each test names the CPython 3.13 asyncio behaviour (tasks.gather) it pins. */
class GatherTest {
    private final VirtualRun vr = new VirtualRun();

    @Test
    void resultsComeInInputOrderNotCompletionOrder() {
        // asyncio: results in the order of the arguments; total time is the longest child.
        List<Object> r = vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> s.await(1, AsyncIO.gather(after(3, "a"), after(1, "b"), after(2, "c")));
            default -> s.value();
        }));
        assertThat(r).containsExactly("a", "b", "c");
        assertThat(vr.elapsed()).isEqualTo(3.0);
    }

    @Test
    void typedListOverload() {
        List<Coroutine<Integer>> coros = List.of(after(1, 1), after(2, 2));
        List<Integer> r = vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> s.await(1, AsyncIO.gather(coros));
            default -> s.value();
        }));
        assertThat(r).containsExactly(1, 2);
    }

    @Test
    void emptyGatherCompletesAtOnceWithEmptyList() {
        // asyncio: gather() returns a future that is already done with [].
        Object[] seen = new Object[2];
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                Future<List<Object>> g = AsyncIO.gather();
                seen[0] = g.done();
                yield s.await(1, g);
            }
            default -> {
                seen[1] = s.value();
                yield null;
            }
        }));
        assertThat(seen[0]).isEqualTo(true);
        assertThat((List<?>) seen[1]).isEmpty();
    }

    @Test
    void sameAwaitableTwiceRunsOnceAndAppearsTwice() {
        // asyncio: arg_to_fut dedups by identity; the result is repeated in place.
        int[] runs = {0};
        Coroutine<String> once = Script.of("once", s -> switch (s.pc) {
            case 0 -> {
                runs[0]++;
                yield s.await(1, AsyncIO.sleep(1));
            }
            default -> {
                s.value();
                yield "x";
            }
        });
        List<Object> r = vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> s.await(1, AsyncIO.gather(once, after(0.5, "y"), once));
            default -> s.value();
        }));
        assertThat(r).containsExactly("x", "y", "x");
        assertThat(runs[0]).isEqualTo(1);
    }

    @Test
    void doneFuturesCompleteTheGatherEagerly() {
        // asyncio: when every child is already done the outer future is done on return.
        Object[] seen = new Object[2];
        vr.run(Script.of("main", s -> {
            Future<Integer> f = AsyncIO.getRunningLoop().createFuture();
            f.setResult(3);
            Future<List<Object>> g = AsyncIO.gather(f, f);
            seen[0] = g.done();
            seen[1] = g.result();
            return null;
        }));
        assertThat(seen[0]).isEqualTo(true);
        assertThat(seen[1]).isEqualTo(List.of(3, 3));
    }

    @Test
    void firstExceptionPropagatesAtOnceOthersKeepRunning() {
        // asyncio: with return_exceptions=False the earliest failure (KeyError at 0.5) reaches the
        // awaiter at once; the other children are not cancelled.
        List<Task<?>> tasks = new ArrayList<>();
        Throwable[] caught = new Throwable[1];
        double[] at = new double[1];
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                Task<Object> a = AsyncIO.createTask(failAfter(1, new IllegalStateException("a")));
                Task<Object> b = AsyncIO.createTask(failAfter(0.5, new IllegalArgumentException("b")));
                Task<String> c = AsyncIO.createTask(after(2, "ok"));
                tasks.addAll(List.of(a, b, c));
                yield s.await(1, AsyncIO.gather(a, b, c));
            }
            case 1 -> {
                try {
                    s.value();
                } catch (IllegalArgumentException e) {
                    caught[0] = e;
                    at[0] = vr.elapsed();
                }
                yield s.await(2, AsyncIO.sleep(3));
            }
            default -> {
                s.value();
                yield null;
            }
        }));
        assertThat(caught[0]).hasMessage("b");
        assertThat(at[0]).isEqualTo(0.5);
        assertThat(tasks.get(0).exception()).hasMessage("a");
        assertThat(tasks.get(2).result()).isEqualTo("ok");
        assertThat(tasks.get(2).cancelled()).isFalse();
    }

    @Test
    void returnExceptionsKeepsEveryFailureInPlace() {
        // asyncio: return_exceptions=True: [ValueError('a'), KeyError('b'), 'ok'].
        IllegalStateException a = new IllegalStateException("a");
        IllegalArgumentException b = new IllegalArgumentException("b");
        List<Object> r = vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> s.await(1, AsyncIO.gather(true, failAfter(1, a), failAfter(0.5, b), after(2, "ok")));
            default -> s.value();
        }));
        assertThat(r).containsExactly(a, b, "ok");
        assertThat(vr.elapsed()).isEqualTo(2.0);
    }

    @Test
    void cancellingTheGatherCancelsChildrenAndRaisesEvenWithReturnExceptions() {
        // asyncio (bpo-32684): cancel() on the gather cancels each unfinished child; awaiting it
        // raises CancelledError even with return_exceptions=True; children done already keep results.
        for (boolean returnExceptions : new boolean[] {false, true}) {
            VirtualRun run = new VirtualRun();
            List<Task<?>> tasks = new ArrayList<>();
            Object[] seen = new Object[3];
            run.run(Script.of("main", s -> switch (s.pc) {
                case 0 -> {
                    Task<String> fast = AsyncIO.createTask(after(1, "fast"));
                    Task<String> slow = AsyncIO.createTask(after(5, "slow"));
                    tasks.addAll(List.of(fast, slow));
                    Future<List<Object>> g = AsyncIO.gather(returnExceptions, List.of(fast, slow));
                    seen[0] = g;
                    yield s.await(1, AsyncIO.sleep(2));
                }
                case 1 -> {
                    s.value();
                    seen[1] = ((Future<?>) seen[0]).cancel();
                    yield s.await(2, (Future<?>) seen[0]);
                }
                default -> {
                    try {
                        s.value();
                    } catch (CancelledError e) {
                        seen[2] = run.elapsed();
                    }
                    yield null;
                }
            }));
            assertThat(seen[1]).isEqualTo(true);
            assertThat(seen[2])
                    .as("CancelledError at t=2, returnExceptions=" + returnExceptions)
                    .isEqualTo(2.0);
            assertThat(tasks.get(0).result()).isEqualTo("fast");
            assertThat(tasks.get(1).cancelled()).isTrue();
            assertThat(((Future<?>) seen[0]).done()).isTrue();
        }
    }

    @Test
    void cancelOfFinishedGatherReturnsFalse() {
        Object[] seen = new Object[1];
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                Future<List<Object>> g = AsyncIO.gather(after(0, 1));
                seen[0] = g;
                yield s.await(1, g);
            }
            default -> {
                s.value();
                yield null;
            }
        }));
        assertThat(((Future<?>) seen[0]).cancel()).isFalse();
    }

    @Test
    void cancellingOneChildDoesNotCancelTheGather() {
        // asyncio: a cancelled child is treated as if it raised CancelledError: returned in place
        // with return_exceptions=True ...
        List<Object> r = vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                Task<String> t1 = AsyncIO.createTask(after(0, "never"));
                Task<String> t2 = AsyncIO.createTask(after(1, "five"));
                Future<List<Object>> g = AsyncIO.gather(true, t1, t2, t1);
                t1.cancel();
                yield s.await(1, g);
            }
            default -> s.value();
        }));
        assertThat(r).hasSize(3);
        assertThat(r.get(0)).isInstanceOf(CancelledError.class).hasToString("CancelledError()");
        assertThat(r.get(1)).isEqualTo("five");
        assertThat(r.get(2)).isInstanceOf(CancelledError.class);
    }

    @Test
    void cancelledChildWithoutReturnExceptionsFailsTheGatherButNotTheSiblings() {
        // ... and with return_exceptions=False the gather fails with CancelledError at once, while
        // it is not itself cancelled and the sibling runs on.
        Object[] seen = new Object[4];
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                Task<String> t1 = AsyncIO.createTask(after(1, "a"));
                Task<String> t2 = AsyncIO.createTask(after(2, "seven"));
                Future<List<Object>> g = AsyncIO.gather(t1, t2);
                seen[0] = g;
                seen[3] = t2;
                t1.cancel();
                yield s.await(1, g);
            }
            case 1 -> {
                try {
                    s.value();
                } catch (CancelledError e) {
                    seen[1] = vr.elapsed();
                }
                yield s.await(2, (Task<?>) seen[3]);
            }
            default -> {
                seen[2] = s.value();
                yield null;
            }
        }));
        assertThat(seen[1]).isEqualTo(0.0);
        assertThat(seen[2]).isEqualTo("seven");
        assertThat(((Future<?>) seen[0]).done()).isTrue();
    }

    @Test
    void cancellingTheAwaitingTaskCancelsTheGatherAndItsChildren() {
        // asyncio: Task.cancel() cancels the future the task waits on, i.e. the gather.
        List<Task<?>> children = new ArrayList<>();
        Task<?>[] outer = new Task<?>[1];
        String out = vr.outcome(() -> {
            Task<String> c1 = AsyncIO.createTask(after(10, "a"));
            Task<String> c2 = AsyncIO.createTask(after(10, "b"));
            children.addAll(List.of(c1, c2));
            outer[0] = AsyncIO.createTask(Script.of("waiter", w -> switch (w.pc) {
                case 0 -> w.await(1, AsyncIO.gather(c1, c2));
                default -> w.value();
            }));
            return cancelAfter(1, outer[0]);
        });
        assertThat(out).isEqualTo("CancelledError@1.0");
        assertThat(outer[0].cancelled()).isTrue();
        assertThat(children).allMatch(Future::cancelled);
    }

    @Test
    void emptyGatherOutsideALoopFails() {
        assertThatThrownBy(AsyncIO::gather).hasMessageContaining("no running event loop");
    }

    @Test
    void cancelMessageTravelsThroughTheGather() {
        // asyncio test_cancel_gather_2: task.cancel('my message') while it awaits a gather ->
        // awaiting the task raises CancelledError('my message').
        Task<?>[] t = new Task<?>[1];
        Throwable[] caught = new Throwable[1];
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                double[] time = {0};
                t[0] = AsyncIO.createTask(Script.of("loop", l -> {
                    if (l.pc == 1) {
                        l.value();
                    }
                    time[0] += 0.05;
                    return l.await(1, AsyncIO.gather(AsyncIO.sleep(time[0])));
                }));
                yield s.await(1, AsyncIO.sleep(0.2));
            }
            case 1 -> {
                s.value();
                t[0].cancel("my message");
                yield s.await(2, t[0]);
            }
            default -> {
                try {
                    s.value();
                } catch (CancelledError e) {
                    caught[0] = e;
                }
                yield null;
            }
        }));
        assertThat(caught[0]).hasMessage("my message");
        assertThat(t[0].cancelled()).isTrue();
    }
}
