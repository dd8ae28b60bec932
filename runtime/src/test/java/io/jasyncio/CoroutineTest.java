package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CoroutineTest {

    @Test
    void aCoroutineIsLazyUntilAwaited() {
        List<String> log = new ArrayList<>();
        Coroutine<Integer> c = Script.<Integer>steps().then(in -> {
            log.add("body");
            return 1;
        });
        assertThat(log).isEmpty();
        assertThat(c.toString()).startsWith("<coroutine object steps at 0x");
        assertThat(VirtualRun.runOnNewLoop(c)).isEqualTo(1);
        assertThat(log).containsExactly("body");
    }

    @Test
    void handWrittenCountdownInteroperatesWithAwait() {
        List<String> log = new ArrayList<>();
        EventLoop loop = EventLoop.withVirtualTime();
        Coroutine<Integer> main = Script.<Integer>steps()
                .then(in -> Script.await(new Countdown(3, log)))
                .then(ticks -> (Integer) ticks * 10);
        assertThat(loop.runUntilComplete(main)).isEqualTo(30);
        assertThat(log).containsExactly("tick 3", "tick 2", "tick 1");
        assertThat(loop.time()).isEqualTo(3.0);
    }

    @Test
    void awaitingACoroutineRunsItInlineInTheSameTask() {
        List<Object> seen = new ArrayList<>();
        Coroutine<Integer> child = Script.<Integer>steps().then(in -> {
            seen.add(AsyncIO.currentTask());
            return 5;
        });
        Coroutine<Integer> main = Script.<Integer>steps()
                .then(in -> {
                    seen.add(AsyncIO.currentTask());
                    return Script.await(child);
                })
                .then(v -> (Integer) v + 1);
        assertThat(VirtualRun.runOnNewLoop(main)).isEqualTo(6);
        assertThat(seen.get(0)).isNotNull().isSameAs(seen.get(1));
    }

    @Test
    void awaitOfADoneFutureDoesNotSuspend() {
        List<String> order = new ArrayList<>();
        Coroutine<Object> main = Script.<Object>steps()
                .then(in -> {
                    Future<Integer> done = AsyncIO.getRunningLoop().createFuture();
                    done.setResult(7);
                    AsyncIO.getRunningLoop().callSoon(() -> order.add("other callback"));
                    return Script.await(done);
                })
                .then(v -> {
                    order.add("resumed with " + v);
                    return null;
                });
        VirtualRun.runOnNewLoop(main);
        // no loop round trip: the callback queued before the await has not run yet
        assertThat(order).containsExactly("resumed with 7", "other callback");
    }

    @Test
    void aFailedAwaitThrowsTheOriginalException() {
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        Coroutine<Object> child = Script.steps().then(in -> {
            throw boom;
        });
        Coroutine<Object> main = Script.steps().then(in -> Script.await(child)).handle((in, err) -> err);
        assertThat(VirtualRun.runOnNewLoop(main)).isSameAs(boom);
    }

    @Test
    void aCoroutineCanBeAwaitedOnlyOnce() {
        Coroutine<Integer> child = AsyncIO.done(1);
        Coroutine<Object> main = Script.steps().then(in -> Script.await(child)).then(in -> Script.await(child));
        assertThatThrownBy(() -> VirtualRun.runOnNewLoop(main))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot reuse already awaited coroutine");
    }

    @Test
    void aCoroutineRunningInATaskCannotBeAwaitedAgain() {
        Coroutine<Object> sleeper = Script.steps().then(in -> Script.await(AsyncIO.sleep(1)));
        Coroutine<Object> main = Script.steps().then(in -> {
            AsyncIO.createTask(sleeper);
            return Script.await(sleeper);
        });
        assertThatThrownBy(() -> VirtualRun.runOnNewLoop(main))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("coroutine is being awaited already");
    }

    @Test
    void awaitRejectsNullAndForeignObjects() {
        Coroutine<Object> nullAwait = Script.steps().then(in -> Script.await(null));
        assertThatThrownBy(() -> VirtualRun.runOnNewLoop(nullAwait))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("await(null)");
        Coroutine<Object> stringAwait = Script.steps().then(in -> Script.await("text"));
        assertThatThrownBy(() -> VirtualRun.runOnNewLoop(stringAwait))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot await java.lang.String");
    }

    @Test
    void doneMakesACompletedCoroutine() {
        assertThat(VirtualRun.runOnNewLoop(AsyncIO.done("v"))).isEqualTo("v");
        assertThat(VirtualRun.runOnNewLoop(AsyncIO.done())).isNull();
    }

    @Test
    void aCompletionStageCanBeAwaited() {
        CompletableFuture<String> ready = CompletableFuture.completedFuture("now");
        CompletableFuture<String> later = new CompletableFuture<>();
        Coroutine<Object> main = Script.steps().then(in -> Script.await(ready)).then(v -> {
            new Thread(() -> later.complete(v + " and later")).start();
            return Script.await(later);
        });
        assertThat(VirtualRun.runOnNewLoop(main)).isEqualTo("now and later");
    }

    @Test
    void aChainOf100000CoroutinesSuspendsAndResumesWithoutStackOverflow() {
        // the first descent trampolines through the task every MAX_INLINE_DEPTH levels; the
        // resume hands the result up level by level in a loop
        assertThat(VirtualRun.runOnNewLoop(new Chain(100_000, AsyncIO.sleep(1, 0))))
                .isEqualTo(100_000);
    }

    @Test
    void aDeepChainThatCompletesWithoutSuspendingAlsoFits() {
        Future<Integer> done = new Future<>(new EventLoop());
        done.setResult(0);
        assertThat(VirtualRun.runOnNewLoop(new Chain(100_000, done))).isEqualTo(100_000);
    }

    @Test
    void aFailureAtTheBottomOfADeepChainReachesTheTop() {
        Coroutine<Object> failing = Script.steps()
                .then(in -> Script.await(AsyncIO.sleep(0)))
                .then(in -> {
                    throw new ArithmeticException("bottom");
                });
        assertThatThrownBy(() -> VirtualRun.runOnNewLoop(new Chain(10_000, failing)))
                .isInstanceOf(ArithmeticException.class)
                .hasMessage("bottom");
    }

    @Test
    void isCoroutineAndIsCoroutineFunction() throws Exception {
        assertThat(AsyncIO.isCoroutine(AsyncIO.sleep(1))).isTrue();
        assertThat(AsyncIO.isCoroutine(new Future<>(new EventLoop()))).isFalse();
        assertThat(AsyncIO.isCoroutineFunction(Fixture.class.getDeclaredMethod("coroutineFunction")))
                .isTrue();
        assertThat(AsyncIO.isCoroutineFunction(Fixture.class.getDeclaredMethod("plain")))
                .isFalse();
        // As inspect.iscoroutinefunction for an abstract async def: the contract is a coroutine function.
        assertThat(AsyncIO.isCoroutineFunction(Contract.class.getDeclaredMethod("fetch")))
                .isTrue();
        assertThat(AsyncIO.isCoroutineFunction(Contract.class.getDeclaredMethod("plain")))
                .isFalse();
    }

    interface Base {
        Object make(int x);
    }

    interface Covariant extends Base {
        @Override
        Coroutine<Integer> make(int x);
    }

    @Test
    void objectsOfFunctionalInterfacesReturningCoroutineAreCoroutineFunctions() throws Exception {
        // inspect.iscoroutinefunction: true for an async def (here: a lambda or reference whose
        // interface method returns Coroutine), false for a plain callable returning something else.
        AsyncSupplier<Void> supplier = () -> AsyncIO.sleep(0);
        AsyncFunction<Integer, Integer> function = x -> AsyncIO.done(x);
        java.util.function.Supplier<Coroutine<Void>> generic = () -> AsyncIO.sleep(0);
        Covariant covariant = AsyncIO::done;
        Runnable runnable = () -> {};
        java.util.function.Supplier<String> text = () -> "x";
        Base base = x -> x;
        assertThat(AsyncIO.isCoroutineFunction(supplier)).isTrue();
        assertThat(AsyncIO.isCoroutineFunction(function)).isTrue();
        assertThat(AsyncIO.isCoroutineFunction(covariant)).isTrue();
        assertThat(AsyncIO.isCoroutineFunction((Object) Fixture.class.getDeclaredMethod("coroutineFunction")))
                .isTrue();
        // Supplier<Coroutine<T>>: erased, its method returns Object, as a plain def returning a coroutine.
        assertThat(AsyncIO.isCoroutineFunction(generic)).isFalse();
        assertThat(AsyncIO.isCoroutineFunction(runnable)).isFalse();
        assertThat(AsyncIO.isCoroutineFunction(text)).isFalse();
        assertThat(AsyncIO.isCoroutineFunction(base)).isFalse();
        assertThat(AsyncIO.isCoroutineFunction((Object) null)).isFalse();
        assertThat(AsyncIO.isCoroutineFunction("not a function")).isFalse();
    }

    @Test
    void aHandWrittenCoroutineThatSuspendsWithoutAwaitingFailsClearly() {
        Coroutine<Object> broken = new Coroutine<>() {
            @Override
            protected Object resume(Task<?> task) {
                return SUSPEND;
            }
        };
        assertThatThrownBy(() -> VirtualRun.runOnNewLoop(broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("returned SUSPEND but awaitStep() did not suspend");
    }

    @Test
    void aCoroutineKeepsNoTaskAndFindsItThroughTheCoroutinesAwaitingIt() throws Exception {
        // The running task is passed to resume(task), never stored: a frame is that much smaller.
        for (Class<?> c = io.jasyncio.internal.Frame.class; c != Object.class; c = c.getSuperclass()) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    assertThat(f.getType())
                            .as(c.getSimpleName() + "." + f.getName())
                            .isNotEqualTo(Task.class);
                }
            }
        }
        EventLoop loop = EventLoop.withVirtualTime();
        try {
            Future<Integer> bottom = loop.createFuture();
            Chain root = new Chain(3, bottom);
            Task<Integer> task = loop.createTask(root);
            VirtualRun.iterate(loop, 1);
            // suspended four coroutines deep: each links to the one awaiting it, the root to its task
            Coroutine<?> innermost = task.current;
            assertThat(innermost).isNotSameAs(root);
            assertThat(innermost.task()).isSameAs(task);
            assertThat(root.caller).isSameAs(task);
            assertThat(task.getCoro()).isSameAs(root);
            assertThat(task.getStack()).hasSize(4);
            bottom.setResult(10);
            assertThat(loop.runUntilComplete(task)).isEqualTo(13);
            assertThat(root.isFinished()).isTrue();
            assertThat(root.task()).isNull();
            assertThat(new Chain(0, bottom).task()).isNull(); // fresh
        } finally {
            loop.close();
        }
    }

    @Test
    void anAwaitGivenAnotherTaskThanTheRunningOneFailsClearly() {
        // A hand-written coroutine must pass on the task its resume was given; any other fails at
        // once rather than parking or resuming the wrong task.
        EventLoop loop = EventLoop.withVirtualTime();
        try {
            Task<?>[] other = new Task<?>[1];
            Coroutine<Object> confused = new Coroutine<>() {
                @Override
                protected Object resume(Task<?> task) throws Throwable {
                    return awaitStep(other[0], AsyncIO.sleep(0));
                }
            };
            Coroutine<Object> nullTask = new Coroutine<>() {
                @Override
                protected Object resume(Task<?> task) throws Throwable {
                    return awaitResult(null);
                }
            };
            other[0] = loop.createTask(Script.call(() -> 1));
            assertThatThrownBy(() -> loop.runUntilComplete(confused))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("awaitStep() of <coroutine object")
                    .hasMessageContaining("which is not the task running now");
            assertThatThrownBy(() -> loop.runUntilComplete(nullTask))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("awaitResult() called outside the running body of");
            // a coroutine that is not running (fresh here) cannot await, whatever task it is given
            Chain fresh = new Chain(0, 1);
            assertThatThrownBy(() -> fresh.awaitStep(other[0], 1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("awaitStep() called outside the running body of");
            fresh.closeUnstarted();
        } finally {
            loop.close();
        }
    }

    interface Contract {
        @Async
        Coroutine<String> fetch();

        Coroutine<String> plain();
    }

    static class Fixture {
        @Async
        static Coroutine<Void> coroutineFunction() {
            return AsyncIO.done();
        }

        static Coroutine<Void> plain() {
            return AsyncIO.done();
        }
    }
}
