package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskTest {

    @Test
    void createTaskOutsideALoopFailsClearly() {
        assertThatThrownBy(() -> AsyncIO.createTask(AsyncIO.sleep(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no running event loop");
        assertThatThrownBy(AsyncIO::getRunningLoop)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no running event loop");
        // asyncio: current_task() without a running loop raises RuntimeError('no running event loop')
        assertThatThrownBy(AsyncIO::currentTask)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no running event loop");
    }

    @Test
    void createTaskOfNullFailsClearly() {
        EventLoop loop = EventLoop.withVirtualTime();
        assertThatThrownBy(() -> loop.createTask(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("a coroutine was expected");
        assertThatThrownBy(() -> AsyncIO.run(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("a coroutine was expected");
    }

    @Test
    void aTaskIsScheduledSoonAndRunsConcurrently() {
        List<String> log = new ArrayList<>();
        VirtualRun.runOnNewLoop(Script.steps()
                .then(in -> {
                    Task<Object> t = AsyncIO.createTask(Script.call(() -> log.add("task")));
                    log.add("created");
                    return Script.await(t);
                })
                .then(in -> log.add("awaited")));
        assertThat(log).containsExactly("created", "task", "awaited");
    }

    @Test
    void aTaskAwaitsAFutureThatAnotherTaskCompletes() {
        Object r = VirtualRun.runOnNewLoop(Script.steps().then(in -> {
            Future<String> f = AsyncIO.getRunningLoop().createFuture();
            Task<Object> waiter =
                    AsyncIO.createTask(Script.steps().then(x -> Script.await(f)).then(v -> "got " + v));
            AsyncIO.createTask(
                    Script.steps().then(x -> Script.await(AsyncIO.sleep(1))).then(x -> {
                        f.setResult("value");
                        return null;
                    }));
            return Script.await(waiter);
        }));
        assertThat(r).isEqualTo("got value");
    }

    /**
     * A default name takes its number when first read, not at creation (asyncio numbers at
     * creation; a number kept in every task would cost a field): a name read once never changes,
     * names are unique, a name read on another thread while the task's context changes on its
     * loop loses neither.
     */
    @Test
    void defaultNamesAreNumberedWhenFirstReadAndNeverChange() throws Exception {
        ContextVar<String> var = new ContextVar<>("var");
        VirtualRun.runOnNewLoop(Script.steps().then(in -> {
            List<Task<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                tasks.add(AsyncIO.createTask(AsyncIO.sleep(1)));
            }
            Task<Void> last = tasks.get(tasks.size() - 1);
            String lastName = last.getName();
            String firstName = tasks.get(0).getName(); // read second: the next number
            assertThat(Integer.parseInt(firstName.substring(5))).isGreaterThan(Integer.parseInt(lastName.substring(5)));
            assertThat(last.getName()).isEqualTo(lastName);
            assertThat(last.toString()).contains("name='" + lastName + "'");
            // other threads read the names while this task's context changes on the loop
            Task<?> self = AsyncIO.currentTask();
            List<String> seen = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> {
                for (Task<Void> t : tasks) {
                    seen.add(t.getName());
                }
                seen.add(self.getName());
            });
            reader.start();
            for (int i = 0; i < 10_000; i++) {
                var.set("v" + i);
            }
            try {
                reader.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertThat(var.get()).isEqualTo("v9999");
            for (int i = 0; i < tasks.size(); i++) {
                assertThat(tasks.get(i).getName()).isEqualTo(seen.get(i));
            }
            assertThat(self.getName()).isEqualTo(seen.get(seen.size() - 1));
            assertThat(new HashSet<>(seen)).hasSize(seen.size());
            for (Task<Void> t : tasks) {
                t.cancel();
            }
            return null;
        }));
    }

    @Test
    void namesAndToString() {
        VirtualRun.runOnNewLoop(Script.steps().then(in -> {
            Task<?> self = AsyncIO.currentTask();
            assertThat(self.getName()).matches("Task-\\d+");
            int n = Integer.parseInt(self.getName().substring(5));
            Task<Void> next = AsyncIO.createTask(AsyncIO.sleep(1));
            assertThat(next.getName()).isEqualTo("Task-" + (n + 1));
            Task<Void> named = AsyncIO.createTask(AsyncIO.sleep(1), "worker");
            assertThat(named.getName()).isEqualTo("worker");
            named.setName("renamed");
            assertThat(named.getName()).isEqualTo("renamed");
            assertThat(next.toString())
                    .matches("<Task pending name='Task-\\d+' coro=<coroutine object sleep at 0x[0-9a-f]+>>");
            assertThat(next.getCoro()).isInstanceOf(Sleep.class);
            assertThat(AsyncIO.allTasks()).contains(self, next, named);
            return null;
        }));
        EventLoop loop = EventLoop.withVirtualTime();
        Task<Integer> t = loop.createTask(AsyncIO.done(42));
        loop.runUntilComplete(t);
        assertThat(t.toString())
                .matches("<Task finished name='Task-\\d+' coro=<coroutine object Done at 0x[0-9a-f]+> result=42>");
    }

    @Test
    void toStringShowsTheAwaitedFuture() {
        EventLoop loop = EventLoop.withVirtualTime();
        Future<Object> f = loop.createFuture();
        Task<Object> t = loop.createTask(Script.steps().then(in -> Script.await(f)));
        loop.runUntilComplete(AsyncIO.sleep(0));
        assertThat(t.toString()).endsWith("wait_for=<Future pending>>");
        f.setResult("x");
        loop.runUntilComplete(AsyncIO.sleep(0));
        assertThat(t.toString())
                .as("done: no wait_for any more")
                .startsWith("<Task finished ")
                .endsWith(" result=x>");
    }

    @Test
    void currentTaskAndAllTasks() {
        Task<?>[] child = new Task<?>[1];
        VirtualRun.runOnNewLoop(Script.steps()
                .then(in -> {
                    Task<?> me = AsyncIO.currentTask();
                    assertThat(me).isNotNull();
                    assertThat(me.done()).as("the running task").isFalse();
                    assertThat(AsyncIO.allTasks()).containsExactly(me);
                    Task<Void> t = AsyncIO.createTask(AsyncIO.sleep(0));
                    assertThat(AsyncIO.allTasks()).containsExactly(me, t);
                    child[0] = t;
                    return Script.await(t);
                })
                .then(in -> {
                    assertThat(child[0].done()).isTrue();
                    assertThat(AsyncIO.allTasks())
                            .as("a done task is no longer listed")
                            .containsExactly(AsyncIO.currentTask());
                    return null;
                }));
    }

    @Test
    void aTaskCannotAwaitItself() {
        assertThatThrownBy(
                        () -> VirtualRun.runOnNewLoop(Script.steps().then(in -> Script.await(AsyncIO.currentTask()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Task cannot await on itself: <Task pending");
    }

    @Test
    void aFutureOfAnotherLoopCannotBeAwaited() {
        Future<Object> foreign = new Future<>(EventLoop.withVirtualTime());
        assertThatThrownBy(() -> VirtualRun.runOnNewLoop(Script.steps().then(in -> Script.await(foreign))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("attached to a different loop");
    }

    @Test
    void theErrorOfABadAwaitCanBeCaughtAtTheAwait() {
        Future<Object> foreign = new Future<>(EventLoop.withVirtualTime());
        Object r = VirtualRun.runOnNewLoop(Script.steps()
                .then(in -> Script.await(foreign))
                .handle((in, err) -> "caught " + err.getClass().getSimpleName()));
        assertThat(r).isEqualTo("caught IllegalStateException");
    }

    @Test
    void tasksDoNotSupportSetResultOrSetException() {
        EventLoop loop = EventLoop.withVirtualTime();
        Task<Integer> t = loop.createTask(AsyncIO.done(1));
        assertThatThrownBy(() -> t.setResult(2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Task does not support setResult operation");
        assertThatThrownBy(() -> t.setException(new RuntimeException()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Task does not support setException operation");
        assertThat(loop.runUntilComplete(t)).isEqualTo(1);
    }

    @Test
    void aTaskStoresWhatItsCoroutineThrows() {
        EventLoop loop = EventLoop.withVirtualTime();
        IllegalStateException boom = new IllegalStateException("boom");
        Task<Object> t = loop.createTask(Script.steps().then(in -> {
            throw boom;
        }));
        assertThatThrownBy(() -> loop.runUntilComplete(t)).isSameAs(boom);
        assertThat(t.done()).isTrue();
        assertThat(t.cancelled()).isFalse();
        assertThat(t.exception()).isSameAs(boom);
        assertThat(t.toString()).contains("exception=java.lang.IllegalStateException: boom");
    }

    @Test
    void aCheckedExceptionPassesThroughAwaitUnwrapped() {
        java.io.IOException io = new java.io.IOException("disk");
        Object r = VirtualRun.runOnNewLoop(Script.steps()
                .then(in -> Script.await(
                        AsyncIO.getRunningLoop().createTask(Script.steps().then(x -> {
                            throw io;
                        }))))
                .handle((in, err) -> err));
        assertThat(r).isSameAs(io);
    }
}
