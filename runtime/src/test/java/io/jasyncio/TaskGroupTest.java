package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TaskGroup details that need the runtime's insides (the @Async-style behaviour tests are in
 * the tests module, TaskGroupAsyncTest).
 */
class TaskGroupTest {
    @RegisterExtension
    final CapturedWarnings warnings = new CapturedWarnings();

    @Test
    void aRefusedCoroutineIsClosedAndNotReportedAsNeverAwaited() {
        // test_taskgroup_finished / test_coro_closed_when_tg_closed: create_task on a finished
        // group closes the coroutine, so no "was never awaited" warning; a coroutine simply
        // dropped in the same run is reported (the check can fail)
        EventLoop loop = EventLoop.withVirtualTime();
        loop.setDebug(true);
        List<String> errors = new ArrayList<>();
        AsyncIO.run(
                Script.of("main", s -> switch (s.pc) {
                    case 0 -> {
                        TaskGroup tg = new TaskGroup();
                        s.pc = 1;
                        yield s.await(2, tg.run(AsyncIO.sleep(0, tg)));
                    }
                    default -> {
                        TaskGroup tg = (TaskGroup) s.value();
                        try {
                            refuse(tg);
                        } catch (IllegalStateException e) {
                            errors.add(e.getMessage());
                        }
                        makeAndDrop();
                        yield null;
                    }
                }),
                () -> loop);
        assertThat(errors).containsExactly("TaskGroup <TaskGroup entered> is finished");
        warnings.collectUntil(w -> w.contains("makeAndDrop"));
        assertThat(warnings.messages()).anyMatch(w -> w.contains("never awaited") && w.contains("makeAndDrop"));
        assertThat(warnings.messages())
                .as("reported once")
                .filteredOn(w -> w.contains("makeAndDrop"))
                .hasSize(1);
        assertThat(warnings.messages()).noneMatch(w -> w.contains("refuse"));
    }

    private static void refuse(TaskGroup tg) {
        tg.createTask(Script.of("refused", s -> {
            throw new AssertionError("a refused coroutine must never run");
        }));
    }

    private static void makeAndDrop() {
        Script.of("dropped", s -> null);
    }

    @Test
    void createTaskOnAGroupNeverEnteredFailsEvenWithoutALoop() {
        // test_taskgroup_not_entered
        Script<Object> coro = Script.of("c", s -> null);
        assertThatThrownBy(() -> new TaskGroup().createTask(coro))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("TaskGroup <TaskGroup> has not been entered");
        assertThat(coro.isFinished()).isTrue();
        assertThatThrownBy(() -> new TaskGroup().createTask(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theScopeIsLazyAndEnteredWhenAwaited() {
        // Java shape: run(...) makes a coroutine; the group is entered when it runs, in its task
        TaskGroup tg = new TaskGroup();
        Coroutine<Integer> scope = tg.run(AsyncIO.sleep(1, 1));
        assertThat(scope.toString()).startsWith("<coroutine object run at");
        assertThat(tg.toString()).isEqualTo("<TaskGroup>");
        Task<?>[] parent = new Task<?>[1];
        Object r = VirtualRun.runOnNewLoop(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                parent[0] = AsyncIO.currentTask();
                yield s.await(1, scope);
            }
            default -> s.value();
        }));
        assertThat(r).isEqualTo(1);
        assertThat(tg.toString()).isEqualTo("<TaskGroup entered>");
        assertThat(parent[0].cancelling()).isZero();
    }
}
