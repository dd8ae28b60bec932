package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SleepTest {

    private static Coroutine<Object> twoSteps(String name, List<String> order) {
        return Script.steps()
                .then(in -> {
                    order.add(name + "1");
                    return Script.await(AsyncIO.sleep(0));
                })
                .then(in -> {
                    order.add(name + "2");
                    return null;
                });
    }

    @Test
    void sleepZeroYieldsExactlyOnce() {
        // python3: a1 b1 a2 b2 (each sleep(0) gives the loop one iteration)
        List<String> order = new ArrayList<>();
        VirtualRun.runOnNewLoop(Script.steps()
                .then(in -> {
                    AsyncIO.createTask(twoSteps("a", order));
                    AsyncIO.createTask(twoSteps("b", order));
                    return Script.await(AsyncIO.sleep(0));
                })
                .then(in -> {
                    order.add("main");
                    return Script.await(AsyncIO.sleep(0));
                })
                .then(in -> Script.await(AsyncIO.sleep(0))));
        assertThat(order).containsExactly("a1", "b1", "main", "a2", "b2");
    }

    @Test
    void sleepZeroAsATaskRootAlsoYieldsOnce() {
        EventLoop loop = EventLoop.withVirtualTime();
        assertThat(loop.runUntilComplete(AsyncIO.sleep(0, "r"))).isEqualTo("r");
        assertThat(loop.time()).as("sleep(0) takes no time").isZero();
    }

    @Test
    void sleepsTakeVirtualTimeAndReturnTheirResult() {
        EventLoop loop = EventLoop.withVirtualTime();
        Object r = loop.runUntilComplete(Script.steps()
                .then(in -> Script.await(AsyncIO.sleep(1.5, "x")))
                .then(in -> Script.await(AsyncIO.sleep(Duration.ofMillis(500))))
                .then(in -> in));
        assertThat(r).isNull();
        assertThat(loop.time()).isEqualTo(2.0);
    }

    @Test
    void sleepingTasksRunConcurrently() {
        EventLoop loop = EventLoop.withVirtualTime();
        List<String> log = new ArrayList<>();
        loop.runUntilComplete(Script.steps()
                .then(in -> {
                    Task<Object> t1 = AsyncIO.createTask(Script.steps()
                            .then(x -> Script.await(AsyncIO.sleep(1)))
                            .then(x -> log.add("hello at " + loop.time())));
                    Task<Object> t2 = AsyncIO.createTask(Script.steps()
                            .then(x -> Script.await(AsyncIO.sleep(2)))
                            .then(x -> log.add("world at " + loop.time())));
                    return Script.await(AsyncIO.done(List.of(t1, t2)));
                })
                .then(ts -> Script.await(((List<?>) ts).get(1))));
        assertThat(log).containsExactly("hello at 1.0", "world at 2.0");
        assertThat(loop.time()).isEqualTo(2.0);
    }

    @Test
    void anInfiniteSleepNeverEndsAndVirtualTimeDoesNotJumpToInfinity() throws Exception {
        EventLoop loop = EventLoop.withVirtualTime();
        Task<Void> forever = loop.createTask(AsyncIO.sleep(Double.POSITIVE_INFINITY));
        VirtualRun.iterate(loop, 1);
        // the loop has nothing but the infinite timer: it must wait for input, not jump
        new Thread(() -> loop.callSoonThreadsafe(loop::stop)).start();
        loop.runForever();
        assertThat(forever.done()).isFalse();
        assertThat(loop.time()).isZero();
        forever.cancel();
        assertThatThrownBy(() -> loop.runUntilComplete(forever)).isInstanceOf(CancelledError.class);
        assertThat(loop.pendingTimers()).isZero();
    }

    @Test
    void negativeSleepIsTreatedAsZero() {
        EventLoop loop = EventLoop.withVirtualTime();
        assertThat(loop.runUntilComplete(Script.steps().then(in -> Script.await(AsyncIO.sleep(-5, 3)))))
                .isEqualTo(3);
        assertThat(loop.time()).isZero();
    }

    @Test
    void aCancelledSleepCancelsItsTimer() {
        EventLoop loop = EventLoop.withVirtualTime();
        Task<Void> sleeper = loop.createTask(AsyncIO.sleep(3600));
        loop.runUntilComplete(AsyncIO.sleep(0));
        assertThat(loop.pendingTimers()).isEqualTo(1);
        sleeper.cancel();
        loop.runUntilComplete(AsyncIO.sleep(0));
        assertThat(sleeper.cancelled()).isTrue();
        assertThat(loop.pendingTimers()).isZero();
        assertThat(loop.time()).isZero();
    }

    @Test
    void aSleepThatEndsLeavesNoTimer() {
        EventLoop loop = EventLoop.withVirtualTime();
        loop.runUntilComplete(AsyncIO.sleep(2));
        assertThat(loop.pendingTimers()).isZero();
    }

    /** A task that sleeps 10 s and logs what its sleep threw, then rethrows or swallows it. */
    private static Coroutine<Object> loggingSleeper(EventLoop loop, List<String> log, boolean swallow) {
        return Script.steps().then(in -> Script.await(AsyncIO.sleep(10))).handle((in, e) -> {
            log.add("caught " + e.getMessage() + " at " + loop.time());
            if (!swallow) {
                throw e;
            }
            return "swallowed";
        });
    }

    @Test
    void cancellingASleepingTaskTwiceDeliversOneCancelledErrorWithTheFirstMessage() {
        // python3 (test c2.py): cancel("first") and cancel("second") both return True,
        // cancelling() == 2, the sleep raises CancelledError('first') at once, the task is cancelled
        EventLoop loop = EventLoop.withVirtualTime();
        List<String> log = new ArrayList<>();
        Task<Object> t = loop.createTask(loggingSleeper(loop, log, false));
        VirtualRun.iterate(loop, 1);
        assertThat(t.toString()).contains("wait_for=<TimerHandle when=10.0 sleep>");
        assertThat(t.cancel("first")).isTrue();
        assertThat(t.cancel("second")).isTrue();
        assertThat(t.cancelling()).isEqualTo(2);
        assertThatThrownBy(() -> loop.runUntilComplete(t))
                .isInstanceOf(CancelledError.class)
                .hasMessage("first");
        assertThat(log).containsExactly("caught first at 0.0");
        assertThat(t.cancelled()).isTrue();
        assertThat(loop.pendingTimers()).isZero();
    }

    @Test
    void aTaskCancelledBeforeItSleepsGetsCancelledErrorFromTheSleepAtOnce() {
        // python3: a task that cancels itself then awaits sleep(10) catches CancelledError('self')
        // at time 0 and can swallow it; no timer is left
        EventLoop loop = EventLoop.withVirtualTime();
        List<String> log = new ArrayList<>();
        Object r = loop.runUntilComplete(Script.steps()
                .then(in -> {
                    AsyncIO.currentTask().cancel("self");
                    return Script.await(AsyncIO.sleep(10));
                })
                .handle((in, e) -> {
                    log.add("caught " + e.getMessage() + " at " + loop.time());
                    return "swallowed";
                }));
        assertThat(r).isEqualTo("swallowed");
        assertThat(log).containsExactly("caught self at 0.0");
        assertThat(loop.pendingTimers()).isZero();
    }

    @Test
    void aSleepCaughtCancelledCanSleepAgain() {
        EventLoop loop = EventLoop.withVirtualTime();
        List<String> log = new ArrayList<>();
        Task<Object> t = loop.createTask(Script.steps()
                .then(in -> Script.await(AsyncIO.sleep(10)))
                .handle((in, e) -> {
                    log.add("caught " + e.getClass().getSimpleName() + " at " + loop.time());
                    return Script.await(AsyncIO.sleep(2, "again"));
                })
                .then(in -> in));
        loop.callLater(1, () -> t.cancel());
        assertThat(loop.runUntilComplete(t)).isEqualTo("again");
        assertThat(log).containsExactly("caught CancelledError at 1.0");
        assertThat(loop.time()).isEqualTo(3.0);
        assertThat(loop.pendingTimers()).isZero();
    }

    @Test
    void aSleepCoroutineCanBeAwaitedOnlyOnceWhateverItsDelay() {
        // python3: await c -> 'r'; await c again -> RuntimeError: cannot reuse already awaited coroutine
        for (double delay : new double[] {0, 0.01}) {
            EventLoop loop = EventLoop.withVirtualTime();
            Coroutine<String> c = AsyncIO.sleep(delay, "r");
            List<Object> got = new ArrayList<>();
            assertThatThrownBy(() -> loop.runUntilComplete(
                            Script.steps().then(in -> Script.await(c)).then(in -> {
                                got.add(in);
                                return Script.await(c);
                            })))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot reuse already awaited coroutine");
            assertThat(got).containsExactly("r");
        }
    }

    @Test
    void aSleepZeroMadeInATaskCanBeAwaitedOnlyOnce() {
        // python3: s = asyncio.sleep(0) inside a task; await s; await s -> RuntimeError: cannot reuse
        // already awaited coroutine (also where sleep(0) allocates nothing: debug mode off, on the loop)
        Object[] s = new Object[1];
        List<String> log = new ArrayList<>();
        assertThatThrownBy(() -> VirtualRun.runOnNewLoop(Script.steps()
                        .then(in -> {
                            s[0] = AsyncIO.sleep(0);
                            return Script.await(s[0]);
                        })
                        .then(in -> {
                            log.add("first await done");
                            return Script.await(s[0]);
                        })))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot reuse already awaited coroutine");
        assertThat(log).containsExactly("first await done");
    }

    @Test
    void sleepZeroObjectsMadeBeforeTheirAwaitsYieldOnceEachAndRefuseAFurtherAwait() {
        // python3: a, b, c = sleep(0), sleep(0), sleep(0); await c; await a; await b (one yield
        // each, in any order); await a again -> RuntimeError: cannot reuse already awaited coroutine
        Object[] s = new Object[3];
        List<String> log = new ArrayList<>();
        assertThatThrownBy(() -> VirtualRun.runOnNewLoop(Script.steps()
                        .then(in -> {
                            for (int i = 0; i < 3; i++) {
                                s[i] = AsyncIO.sleep(0);
                            }
                            return Script.await(s[2]);
                        })
                        .then(in -> Script.await(s[0]))
                        .then(in -> Script.await(s[1]))
                        .then(in -> {
                            log.add("three yields");
                            return Script.await(s[0]);
                        })))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot reuse already awaited coroutine");
        assertThat(log).containsExactly("three yields");
    }

    @Test
    void aSleepZeroRunByATaskCannotBeAwaitedAfterwards() {
        // python3: a = asyncio.sleep(0); t = create_task(a); await t -> None;
        // await a -> RuntimeError: cannot reuse already awaited coroutine
        Object[] a = new Object[1];
        List<Object> log = new ArrayList<>();
        assertThatThrownBy(() -> VirtualRun.runOnNewLoop(Script.steps()
                        .then(in -> {
                            Coroutine<Void> c = AsyncIO.sleep(0);
                            a[0] = c;
                            return Script.await(AsyncIO.createTask(c));
                        })
                        .then(in -> {
                            log.add("task result " + in);
                            return Script.await(a[0]);
                        })))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot reuse already awaited coroutine");
        assertThat(log).containsExactly("task result null");
    }
}
