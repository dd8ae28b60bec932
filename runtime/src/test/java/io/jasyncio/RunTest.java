package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunTest {
    private final List<Object> log = new ArrayList<>();
    private EventLoop used;

    private EventLoop virtualLoop() {
        used = EventLoop.withVirtualTime();
        return used;
    }

    @Test
    void runReturnsTheResultAndClosesTheLoop() {
        assertThat(AsyncIO.run(AsyncIO.sleep(2, "r"), this::virtualLoop)).isEqualTo("r");
        assertThat(used.isClosed()).isTrue();
        assertThat(used.time()).isEqualTo(2.0);
    }

    @Test
    void runRethrowsTheException() {
        assertThatThrownBy(() -> AsyncIO.run(
                        Script.call(() -> {
                            throw new java.io.IOException("io");
                        }),
                        this::virtualLoop))
                .isInstanceOf(java.io.IOException.class)
                .hasMessage("io");
        assertThat(used.isClosed()).isTrue();
    }

    @Test
    void runInsideARunningLoopFailsClearly() {
        Object r = VirtualRun.runOnNewLoop(Script.steps()
                .then(in -> Script.await(Script.call(() -> AsyncIO.run(AsyncIO.done(1), this::virtualLoop))))
                .handle((in, err) -> err));
        assertThat(r)
                .isInstanceOf(IllegalStateException.class)
                .hasFieldOrPropertyWithValue("message", "run() cannot be called from a running event loop");
    }

    @Test
    void runCancelsAndDrainsTheTasksStillPending() {
        Object r = AsyncIO.run(
                Script.steps().then(in -> {
                    AsyncIO.createTask(Script.steps()
                            .then(x -> Script.await(AsyncIO.sleep(3600)))
                            .handle((x, err) -> {
                                log.add("cleanup after " + err);
                                return Script.await(AsyncIO.sleep(1));
                            })
                            .then(x -> log.add("cleanup done")));
                    return Script.await(AsyncIO.sleep(1, "main"));
                }),
                this::virtualLoop);
        assertThat(r).isEqualTo("main");
        assertThat(log).containsExactly("cleanup after CancelledError()", "cleanup done");
        assertThat(used.time()).isEqualTo(2.0);
    }

    @Test
    void anExceptionDuringShutdownGoesToTheExceptionHandler() {
        List<ExceptionContext> errors = new ArrayList<>();
        AsyncIO.run(
                Script.steps().then(in -> {
                    AsyncIO.getRunningLoop().setExceptionHandler((l, c) -> errors.add(c));
                    AsyncIO.createTask(Script.steps()
                            .then(x -> Script.await(AsyncIO.sleep(3600)))
                            .handle((x, err) -> {
                                throw new IllegalStateException("refused");
                            }));
                    return Script.await(AsyncIO.sleep(0));
                }),
                this::virtualLoop);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).message()).isEqualTo("unhandled exception during run() shutdown");
        assertThat(errors.get(0).exception()).hasMessage("refused");
        assertThat(errors.get(0).future()).isInstanceOf(Task.class);
    }

    @Test
    void runShutsTheDefaultExecutorDown() {
        Object r = AsyncIO.run(
                Script.steps().then(in -> Script.await(AsyncIO.getRunningLoop().runInExecutor(null, () -> "x"))),
                this::virtualLoop);
        assertThat(r).isEqualTo("x");
        assertThatThrownBy(() -> used.runInExecutor(null, () -> 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aVirtualMachineErrorIsRecordedOnTheTaskAndEscapesRun() {
        OutOfMemoryError oom = new OutOfMemoryError("simulated");
        Task<?>[] task = new Task<?>[1];
        assertThatThrownBy(() -> AsyncIO.run(
                        Script.steps().then(in -> {
                            task[0] = AsyncIO.createTask(Script.steps()
                                    .then(x -> Script.await(AsyncIO.sleep(1)))
                                    .then(x -> {
                                        throw oom;
                                    }));
                            AsyncIO.createTask(Script.steps()
                                    .then(x -> Script.await(AsyncIO.sleep(10)))
                                    .handle((x, err) -> log.add("other task: " + err)));
                            return Script.await(AsyncIO.sleep(3600));
                        }),
                        this::virtualLoop))
                .isSameAs(oom);
        assertThat(task[0].exception()).isSameAs(oom);
        assertThat(log).containsExactly("other task: CancelledError()");
        assertThat(used.isClosed()).isTrue();
    }

    @Test
    void aVirtualMachineErrorInACallbackEscapesTheLoop() {
        EventLoop loop = EventLoop.withVirtualTime();
        StackOverflowError soe = new StackOverflowError("simulated");
        loop.callSoon(() -> {
            throw soe;
        });
        assertThatThrownBy(loop::runForever).isSameAs(soe);
        assertThat(loop.isRunning()).isFalse();
    }

    @Test
    void debugFlagAndTheVirtualClockProperty() {
        assertThat(AsyncIO.run(Script.call(() -> AsyncIO.getRunningLoop().getDebug()), true))
                .isEqualTo(true);
        String old = System.getProperty("jasyncio.clock");
        try {
            System.setProperty("jasyncio.clock", "virtual");
            assertThat(AsyncIO.newEventLoop().isVirtualTime()).isTrue();
            assertThat(AsyncIO.run(Script.steps().then(in -> Script.await(AsyncIO.sleep(86_400, "a day later")))))
                    .isEqualTo("a day later");
            System.clearProperty("jasyncio.clock");
            assertThat(AsyncIO.newEventLoop().isVirtualTime()).isFalse();
        } finally {
            if (old == null) {
                System.clearProperty("jasyncio.clock");
            } else {
                System.setProperty("jasyncio.clock", old);
            }
        }
    }

    @Test
    void ensureFutureWrapsCoroutinesAndKeepsFutures() {
        VirtualRun.runOnNewLoop(Script.steps().then(in -> {
            Future<Integer> f = AsyncIO.getRunningLoop().createFuture();
            assertThat(AsyncIO.ensureFuture(f)).isSameAs(f);
            Future<Integer> t = AsyncIO.ensureFuture(AsyncIO.done(3));
            assertThat(t).isInstanceOf(Task.class);
            return Script.await(t);
        }));
    }
}
