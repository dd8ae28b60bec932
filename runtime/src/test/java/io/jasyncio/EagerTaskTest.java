package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Task factories and eager tasks (asyncio 3.12+, test_eager_task_factory): an eager task runs its
 * coroutine inside createTask until the first suspension.
 */
class EagerTaskTest {
    private static final ContextVar<Integer> CV = new ContextVar<>("cv", 0);
    private final List<Object> log = new ArrayList<>();

    private static EventLoop eagerLoop() {
        EventLoop loop = EventLoop.withVirtualTime();
        loop.setTaskFactory(AsyncIO::eagerTaskFactory);
        return loop;
    }

    @Test
    void anEagerTaskThatFinishesWithoutSuspendingIsDoneWhenCreateTaskReturns() {
        // asyncio: current_task() is the eager task during its first step and the creator again
        // after; the finished task was never scheduled, is not in all_tasks and get_coro() is None
        EventLoop loop = eagerLoop();
        AsyncIO.run(
                Script.steps().then(in -> {
                    Task<?> creator = AsyncIO.currentTask();
                    loop.callSoon(() -> log.add("callSoon before createTask"));
                    Task<Object> t = AsyncIO.createTask(Script.call(() -> {
                        log.add("first step");
                        return AsyncIO.currentTask();
                    }));
                    log.add("createTask returned");
                    assertThat(t.done()).isTrue();
                    assertThat(t.result()).isSameAs(t);
                    assertThat(AsyncIO.currentTask()).isSameAs(creator);
                    assertThat(t.getCoro()).isNull();
                    assertThat(AsyncIO.allTasks()).containsExactly(creator);
                    return null;
                }),
                () -> loop);
        assertThat(log).containsExactly("first step", "createTask returned", "callSoon before createTask");
    }

    @Test
    void anEagerTaskThatSuspendsGoesOnInTheLoopLikeAnyTask() {
        EventLoop loop = eagerLoop();
        Object r = AsyncIO.run(
                Script.steps().then(in -> {
                    Coroutine<Object> body = Script.steps()
                            .then(x -> {
                                log.add("step 1 at " + AsyncIO.getRunningLoop().time());
                                return Script.await(AsyncIO.sleep(1));
                            })
                            .then(x -> {
                                log.add("step 2 at " + AsyncIO.getRunningLoop().time());
                                return "result";
                            });
                    Task<Object> t = AsyncIO.createTask(body);
                    log.add("created");
                    assertThat(t.done()).isFalse();
                    assertThat(t.getCoro()).isSameAs(body);
                    assertThat(AsyncIO.allTasks()).contains(t);
                    return Script.await(t);
                }),
                () -> loop);
        assertThat(r).isEqualTo("result");
        assertThat(log).containsExactly("step 1 at 0.0", "created", "step 2 at 1.0");
    }

    @Test
    void anEagerTaskRunsInItsOwnCopyOfTheContext() {
        // test_eager_task_factory test_context_vars
        EventLoop loop = eagerLoop();
        AsyncIO.run(
                Script.steps()
                        .then(in -> {
                            CV.set(1);
                            Task<Object> t = AsyncIO.createTask(Script.steps()
                                    .then(x -> {
                                        log.add("first step sees " + CV.get());
                                        CV.set(2);
                                        return Script.await(AsyncIO.sleep(0.1));
                                    })
                                    .then(x -> {
                                        log.add("second step sees " + CV.get());
                                        CV.set(3);
                                        return null;
                                    }));
                            log.add("creator sees " + CV.get());
                            return Script.await(t);
                        })
                        .then(in -> log.add("creator still sees " + CV.get())),
                () -> loop);
        assertThat(log)
                .containsExactly("first step sees 1", "creator sees 1", "second step sees 2", "creator still sees 1");
    }

    @Test
    void anEagerTaskFailingInItsFirstStepHoldsTheFailure() {
        EventLoop loop = eagerLoop();
        Object r = AsyncIO.run(
                Script.steps().then(in -> {
                    Task<Object> failing = AsyncIO.createTask(Script.call(() -> {
                        throw new IllegalArgumentException("at once");
                    }));
                    Task<Object> cancelled = AsyncIO.createTask(Script.call(() -> {
                        throw new CancelledError("itself");
                    }));
                    assertThat(failing.done()).isTrue();
                    assertThat(cancelled.cancelled()).isTrue();
                    return failing.exception();
                }),
                () -> loop);
        assertThat((Throwable) r).isInstanceOf(IllegalArgumentException.class).hasMessage("at once");
    }

    @Test
    void eagerStartFalseOverridesTheEagerFactoryAndTrueNeedsNoFactory() {
        // asyncio 3.14: create_task(coro, eager_start=False) with eager_task_factory is lazy;
        // create_task(coro, eager_start=True) with the default factory is eager
        EventLoop loop = eagerLoop();
        AsyncIO.run(
                Script.steps().then(in -> {
                    Task<Object> lazy = AsyncIO.createTask(Script.call(() -> log.add("lazy ran")), null, null, false);
                    assertThat(lazy.done()).isFalse();
                    loop.setTaskFactory(null);
                    assertThat(loop.getTaskFactory()).isNull();
                    Task<Object> eager = AsyncIO.createTask(Script.call(() -> log.add("eager ran")), "e", null, true);
                    assertThat(eager.done()).isTrue();
                    assertThat(eager.getName()).isEqualTo("e");
                    return Script.await(lazy);
                }),
                () -> loop);
        assertThat(log).containsExactly("eager ran", "lazy ran");
    }

    @Test
    void aTaskMadeWhileTheLoopIsNotRunningStartsLazily() {
        // asyncio: eager_start applies only when the loop is running
        EventLoop loop = eagerLoop();
        Task<Object> t = loop.createTask(Script.call(() -> "ran"));
        assertThat(t.done()).isFalse();
        assertThat(AsyncIO.allTasks(loop)).containsExactly(t);
        assertThat(loop.runUntilComplete(t)).isEqualTo("ran");
        assertThat(AsyncIO.allTasks(loop)).isEmpty();
        loop.close();
    }

    @Test
    void createEagerTaskFactoryCallsTheGivenConstructor() {
        // asyncio.create_eager_task_factory(custom_task_constructor): eager unless told otherwise
        EventLoop loop = EventLoop.withVirtualTime();
        @SuppressWarnings({"unchecked", "rawtypes"})
        TaskFactory ctor = (l, coro, name, context, eager) -> {
            log.add("eager=" + eager);
            return new Task(l, coro, name == null ? "custom" : name, context, eager);
        };
        loop.setTaskFactory(AsyncIO.createEagerTaskFactory(ctor));
        AsyncIO.run(
                Script.steps().then(in -> {
                    Task<Object> t = AsyncIO.createTask(Script.call(() -> "x"));
                    assertThat(t.getName()).isEqualTo("custom");
                    assertThat(t.done()).isTrue();
                    Task<Object> lazy = AsyncIO.createTask(Script.call(() -> "y"), "lazy", null, false);
                    assertThat(lazy.done()).isFalse();
                    return Script.await(lazy);
                }),
                () -> loop);
        // the first entry is run()'s own main task, made before the loop ran (so not eager)
        assertThat(log).containsExactly("eager=true", "eager=true", "eager=false");
    }

    @Test
    void aCustomTaskFactorySeesWhatCreateTaskWasAsked() {
        // asyncio 3.14: loop.create_task(coro, **kwargs) calls factory(loop, coro, **kwargs)
        EventLoop loop = EventLoop.withVirtualTime();
        Context ctx = new Context();
        loop.setTaskFactory((l, coro, name, context, eager) -> {
            log.add(name + " " + (context == ctx) + " " + eager);
            return AsyncIO.eagerTaskFactory(l, coro, name, context, Boolean.FALSE);
        });
        AsyncIO.run(
                Script.steps()
                        .then(in -> Script.await(AsyncIO.createTask(Script.call(() -> 1), "n", ctx)))
                        .then(in -> Script.await(AsyncIO.ensureFuture(Script.call(() -> 2), AsyncIO.getRunningLoop()))),
                () -> loop);
        // the first entry is run()'s own main task
        assertThat(log.subList(1, 3)).containsExactly("n true null", "null false null");
        loop.setTaskFactory((l, coro, name, context, eager) -> null);
        EventLoop other = loop;
        EventLoop fresh = EventLoop.withVirtualTime();
        fresh.setTaskFactory(other.getTaskFactory());
        assertThatThrownBy(() -> fresh.createTask(Script.call(() -> 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("task factory returned null");
        fresh.close();
    }

    @Test
    void gatherOfEagerTasksThatAllFinishedIsDoneAtOnce() {
        // asyncio: when every child finished eagerly, gather() completes before it returns
        EventLoop loop = eagerLoop();
        AsyncIO.run(
                Script.steps().then(in -> {
                    Future<List<Object>> g = AsyncIO.gather(Script.call(() -> 1), Script.call(() -> 2));
                    assertThat(g.done()).isTrue();
                    assertThat(g.result()).containsExactly(1, 2);
                    return null;
                }),
                () -> loop);
    }

    @Test
    void ensureFutureAndAllTasksWithALoopThatIsNotRunning() {
        // asyncio: ensure_future(coro, loop=loop) makes a task of that loop; all_tasks(loop) lists it;
        // a future of another loop is refused (ValueError)
        EventLoop loop = EventLoop.withVirtualTime();
        EventLoop other = EventLoop.withVirtualTime();
        Future<Object> f = AsyncIO.ensureFuture(Script.call(() -> "v"), loop);
        assertThat(f).isInstanceOf(Task.class);
        assertThat(f.getLoop()).isSameAs(loop);
        assertThat(AsyncIO.allTasks(loop)).containsExactly((Task<?>) f);
        assertThat(AsyncIO.allTasks(other)).isEmpty();
        assertThat(AsyncIO.ensureFuture(f, loop)).isSameAs(f);
        assertThatThrownBy(() -> AsyncIO.ensureFuture(f, other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different loop");
        assertThat(loop.runUntilComplete(f)).isEqualTo("v");
        assertThat(AsyncIO.currentTask(loop)).isNull();
        loop.close();
        other.close();
    }
}
