package io.jasyncio;

import static io.jasyncio.VirtualRun.after;
import static io.jasyncio.VirtualRun.failAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** waitTasks: pins CPython 3.11+ asyncio.wait (coroutines rejected since 3.11). */
class WaitTasksTest {
    private final VirtualRun vr = new VirtualRun();

    /** Tasks: a -> "a" at 1 s, b fails at 2 s, c -> "c" at 3 s. */
    private List<Task<Object>> abc() {
        return List.of(
                AsyncIO.createTask(after(1, "a")),
                AsyncIO.createTask(failAfter(2, new IllegalStateException("b"))),
                AsyncIO.createTask(after(3, "c")));
    }

    /** Runs waitTasks on abc(); returns "t done=[indices] pending=[indices]". */
    private String waitOn(Double timeout, ReturnWhen when) {
        String[] out = new String[1];
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                List<Task<Object>> ts = abc();
                Coroutine<WaitResult<Object>> w =
                        timeout == null ? AsyncIO.waitTasks(ts, when) : AsyncIO.waitTasks(ts, timeout, when);
                out[0] = "";
                yield s.await(1, Script.of("describe", d -> switch (d.pc) {
                    case 0 -> d.await(1, w);
                    case 2 -> d.value();
                    default -> {
                        @SuppressWarnings("unchecked")
                        WaitResult<Object> r = (WaitResult<Object>) d.value();
                        List<Integer> done = new ArrayList<>();
                        List<Integer> pending = new ArrayList<>();
                        for (int i = 0; i < ts.size(); i++) {
                            if (r.done().contains(ts.get(i))) {
                                done.add(i);
                            }
                            if (r.pending().contains(ts.get(i))) {
                                pending.add(i);
                            }
                        }
                        out[0] = vr.elapsed() + " done=" + done + " pending=" + pending
                                + (ts.stream().anyMatch(Future::cancelled) ? " (something cancelled)" : "");
                        yield d.await(2, AsyncIO.gather(true, ts)); // let everything finish
                    }
                }));
            }
            default -> s.value();
        }));
        return out[0];
    }

    @Test
    void firstCompleted() {
        assertThat(waitOn(null, ReturnWhen.FIRST_COMPLETED)).isEqualTo("1.0 done=[0] pending=[1, 2]");
    }

    @Test
    void firstException() {
        assertThat(waitOn(null, ReturnWhen.FIRST_EXCEPTION)).isEqualTo("2.0 done=[0, 1] pending=[2]");
    }

    @Test
    void allCompleted() {
        assertThat(waitOn(null, ReturnWhen.ALL_COMPLETED)).isEqualTo("3.0 done=[0, 1, 2] pending=[]");
    }

    @Test
    void timeoutNeverRaisesNorCancels() {
        // asyncio: wait(..., timeout=1.5) returns at 1.5 with the unfinished ones pending, uncancelled.
        assertThat(waitOn(1.5, ReturnWhen.ALL_COMPLETED)).isEqualTo("1.5 done=[0] pending=[1, 2]");
        assertThat(new WaitTasksTest().waitOn(1.5, ReturnWhen.FIRST_EXCEPTION))
                .isEqualTo("1.5 done=[0] pending=[1, 2]");
        assertThat(new WaitTasksTest().waitOn(0.5, ReturnWhen.FIRST_COMPLETED))
                .isEqualTo("0.5 done=[] pending=[0, 1, 2]");
        assertThat(new WaitTasksTest().waitOn(5.0, ReturnWhen.FIRST_EXCEPTION))
                .isEqualTo("2.0 done=[0, 1] pending=[2]");
    }

    @Test
    void firstExceptionWithoutExceptionsIsAllCompleted() {
        String[] out = new String[1];
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 ->
                s.await(
                        1,
                        AsyncIO.waitTasks(
                                List.of(AsyncIO.createTask(after(1, 1)), AsyncIO.createTask(after(2, 2))),
                                AsyncIO.FIRST_EXCEPTION));
            default -> {
                WaitResult<?> r = (WaitResult<?>) s.value();
                out[0] =
                        vr.elapsed() + " " + r.done().size() + "/" + r.pending().size();
                yield null;
            }
        }));
        assertThat(out[0]).isEqualTo("2.0 2/0");
    }

    @Test
    void cancellationCountsAsCompletionButNotAsException() {
        // asyncio: a cancelled task ends FIRST_COMPLETED but not FIRST_EXCEPTION.
        String[] out = new String[2];
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                Task<Integer> t1 = AsyncIO.createTask(after(1, 1));
                t1.cancel();
                yield s.await(
                        1, AsyncIO.waitTasks(List.of(t1, AsyncIO.createTask(after(2, 2))), ReturnWhen.FIRST_COMPLETED));
            }
            case 1 -> {
                WaitResult<?> r = (WaitResult<?>) s.value();
                out[0] = vr.elapsed() + " " + r.done().size();
                Task<Integer> t1 = AsyncIO.createTask(after(1, 1));
                t1.cancel();
                yield s.await(
                        2, AsyncIO.waitTasks(List.of(t1, AsyncIO.createTask(after(2, 2))), ReturnWhen.FIRST_EXCEPTION));
            }
            default -> {
                WaitResult<?> r = (WaitResult<?>) s.value();
                out[1] = vr.elapsed() + " " + r.done().size();
                yield null;
            }
        }));
        assertThat(out).containsExactly("0.0 1", "2.0 2");
    }

    @Test
    void doneFuturesAndTimeoutZero() {
        // asyncio: wait([done, pending], timeout=0) -> done in done, pending in pending, at t=0.
        String[] out = new String[1];
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                Future<Integer> f = AsyncIO.getRunningLoop().createFuture();
                f.setResult(1);
                Future<Integer> g = AsyncIO.getRunningLoop().createFuture();
                out[0] = "";
                yield s.await(1, Script.of("w", w -> switch (w.pc) {
                    case 0 -> w.await(1, AsyncIO.waitTasks(List.of(f, g, f), 0));
                    default -> {
                        WaitResult<?> r = (WaitResult<?>) w.value();
                        out[0] = vr.elapsed() + " " + r.done().contains(f) + " "
                                + r.pending().contains(g) + " " + r.done().size() + "/"
                                + r.pending().size();
                        yield null;
                    }
                }));
            }
            default -> s.value();
        }));
        assertThat(out[0]).isEqualTo("0.0 true true 1/1");
    }

    @Test
    void emptyInputFails() {
        // asyncio: ValueError('Set of Tasks/Futures is empty.'), raised when awaited.
        Coroutine<WaitResult<Object>> w = AsyncIO.waitTasks(List.of());
        assertThat(vr.failure(() -> w))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Set of Tasks/Futures is empty.");
    }

    @Test
    void bareCoroutinesAreRejectedWithAHintToCreateTasks() {
        // asyncio 3.11+: TypeError('Passing coroutines is forbidden, use tasks explicitly.').
        boolean[] ran = {false};
        Throwable err = vr.failure(() -> AsyncIO.waitTasks(List.of(Script.of("work", w -> {
            ran[0] = true;
            return 1;
        }))));
        assertThat(err)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Passing coroutines is forbidden")
                .hasMessageContaining("createTask(");
        assertThat(ran[0]).isFalse();
    }

    @Test
    void cancellingTheWaiterLeavesTheTasksRunning() {
        // asyncio: cancelling wait() cancels only its internal waiter, never the awaited tasks.
        Task<?>[] t = new Task<?>[2];
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                t[0] = AsyncIO.createTask(after(5, "x"));
                t[1] = AsyncIO.createTask(AsyncIO.waitTasks(List.of(t[0])));
                yield s.await(1, AsyncIO.sleep(1));
            }
            case 1 -> {
                s.value();
                t[1].cancel();
                yield s.await(2, t[0]);
            }
            default -> s.value();
        }));
        assertThat(t[1].cancelled()).isTrue();
        assertThat(t[0].result()).isEqualTo("x");
        assertThat(vr.elapsed()).isEqualTo(5.0);
    }

    @Test
    void isLazy() {
        // wait is a coroutine function: even invalid input fails only when awaited.
        Coroutine<WaitResult<Object>> w = AsyncIO.waitTasks(List.of());
        assertThat(w).isNotNull();
        assertThatThrownBy(() -> VirtualRun.runOnNewLoop(w))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Set of Tasks/Futures is empty.");
    }

    /** Yields to the loop {@code n} times. */
    private static Coroutine<Void> yields(int n) {
        return Script.of("yields", s -> {
            if (s.pc > 0) {
                s.value();
            }
            return s.pc < n ? s.await(s.pc + 1, AsyncIO.sleep(0)) : null;
        });
    }

    @Test
    void firstCompletedSeesEverythingReallyDoneByThen() {
        // asyncio test_wait_really_done: a finishes one iteration before b, yet by the time the
        // waiting task resumes both are done.
        Task<?>[] t = new Task<?>[2];
        WaitResult<?> result = (WaitResult<?>) vr.result(() -> {
            t[0] = AsyncIO.createTask(yields(1));
            t[1] = AsyncIO.createTask(yields(2));
            return AsyncIO.createTask(AsyncIO.waitTasks(List.of(t[1], t[0]), ReturnWhen.FIRST_COMPLETED));
        });
        assertThat(new ArrayList<Object>(result.done())).containsExactlyInAnyOrder(t[0], t[1]);
        assertThat(result.pending()).isEmpty();
    }

    @Test
    void timeoutAtTheSameDeadlineAsATaskStillSeesItDone() {
        // asyncio test_wait_concurrent_complete: a's sleep and wait's timeout both end at 0.1; a's
        // timer was scheduled first, so a is done when wait returns.
        Task<?>[] t = new Task<?>[2];
        Object[] r = new Object[1];
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                t[1] = AsyncIO.createTask(AsyncIO.sleep(0.15));
                t[0] = AsyncIO.createTask(AsyncIO.sleep(0.1));
                yield s.await(1, AsyncIO.createTask(AsyncIO.waitTasks(List.of(t[1], t[0]), 0.1)));
            }
            case 1 -> {
                r[0] = s.value();
                yield s.await(2, t[1]);
            }
            default -> s.value();
        }));
        WaitResult<?> result = (WaitResult<?>) r[0];
        assertThat(new ArrayList<Object>(result.done())).containsExactly(t[0]);
        assertThat(new ArrayList<Object>(result.pending())).containsExactly(t[1]);
    }
}
