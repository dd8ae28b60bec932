package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runner: pins asyncio.Runner (3.11+, CPython's test_runners.py RunnerTests). */
class RunnerTest {
    private final List<Object> log = new ArrayList<>();
    private final List<EventLoop> made = new ArrayList<>();

    private EventLoop virtualLoop() {
        EventLoop loop = EventLoop.withVirtualTime();
        made.add(loop);
        return loop;
    }

    @Test
    void severalRunsShareOneLoopAndCloseClosesIt() {
        // test_run / test_explicit_close: run() several times on the same loop; close() closes it
        Runner runner = new Runner(this::virtualLoop);
        EventLoop loop = runner.getLoop();
        assertThat(runner.run(AsyncIO.sleep(1, "first"))).isEqualTo("first");
        assertThat(runner.run(Script.call(() -> AsyncIO.getRunningLoop()))).isSameAs(loop);
        assertThat(runner.run(Script.call(() -> AsyncIO.getRunningLoop().time())))
                .isEqualTo(1.0);
        assertThat(made).hasSize(1);
        assertThat(loop.isClosed()).isFalse();
        runner.close();
        assertThat(loop.isClosed()).isTrue();
        assertThatThrownBy(() -> runner.run(AsyncIO.done(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Runner is closed");
        assertThatThrownBy(runner::getLoop)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Runner is closed");
        runner.close(); // test_double_close: a second close does nothing
    }

    @Test
    void theLoopIsMadeLazilyAndCloseBeforeUseMakesNone() {
        // asyncio: the loop is created on first use (_lazy_init); close() of an unused runner is a no-op
        Runner unused = new Runner(this::virtualLoop);
        unused.close();
        assertThat(made).isEmpty();
        Runner runner = new Runner(this::virtualLoop);
        assertThat(made).isEmpty();
        assertThat(runner.getLoop()).isSameAs(runner.getLoop());
        assertThat(made).hasSize(1);
        runner.close();
    }

    @Test
    void tryWithResourcesClosesAndASecondUseFails() {
        // test_second_with_block_raises: a runner closed once cannot run again
        Runner runner = new Runner(this::virtualLoop);
        try (runner) {
            log.add(runner.run(Script.call(() -> 1)));
        }
        assertThat(made.get(0).isClosed()).isTrue();
        assertThatThrownBy(() -> {
                    try (runner) {
                        log.add(runner.run(Script.call(() -> 2)));
                    }
                })
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Runner is closed");
        assertThat(log).containsExactly(1);
    }

    @Test
    void debugFlagAndLoopFactory() {
        // test_debug / test_non_debug / test_custom_factory
        try (Runner r = new Runner(true, this::virtualLoop)) {
            assertThat(r.run(Script.call(() -> AsyncIO.getRunningLoop().getDebug())))
                    .isTrue();
            assertThat(r.getLoop()).isSameAs(made.get(0));
        }
        try (Runner r = new Runner(false, this::virtualLoop)) {
            r.getLoop().setDebug(true);
            assertThat(r.run(Script.call(() -> AsyncIO.getRunningLoop().getDebug())))
                    .isTrue();
        }
        EventLoop debugLoop = virtualLoop();
        debugLoop.setDebug(true);
        try (Runner r = new Runner(() -> debugLoop)) {
            // no debug flag given: the factory's loop keeps its own
            assertThat(r.run(Script.call(() -> AsyncIO.getRunningLoop().getDebug())))
                    .isTrue();
        }
        try (Runner r = new Runner(true)) {
            assertThat(r.getLoop().getDebug()).isTrue();
        }
        assertThatThrownBy(() -> new Runner(() -> null).getLoop())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("loop factory");
    }

    @Test
    void runFromARunningLoopFailsAndLeavesTheCoroutineAlone() {
        // test_recursive_run: RuntimeError "Runner.run() cannot be called from a running event
        // loop"; the inner coroutine is not consumed
        try (Runner runner = new Runner(this::virtualLoop)) {
            Coroutine<Integer> inner = AsyncIO.done(7);
            Object r = runner.run(Script.steps()
                    .then(in -> Script.await(Script.call(() -> runner.run(inner))))
                    .handle((in, err) -> err));
            assertThat(r)
                    .isInstanceOf(IllegalStateException.class)
                    .hasFieldOrPropertyWithValue("message", "Runner.run() cannot be called from a running event loop");
            assertThat(runner.run(inner)).isEqualTo(7);
        }
        assertThatThrownBy(() -> new Runner().run(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void contextVariablesCarryOverFromRunToRun() {
        // test_run_keeps_context: the runner's context is the same for every run, so a value
        // set by one run is seen by the next
        ContextVar<Integer> cvar = new ContextVar<>("cvar", -1);
        try (Runner runner = new Runner(this::virtualLoop)) {
            assertThat(runner.run(setAndReturnOld(cvar, 1))).isEqualTo(-1);
            assertThat(runner.run(setAndReturnOld(cvar, 2))).isEqualTo(1);
            assertThat(runner.run(Script.call(() -> cvar.get()))).isEqualTo(2);
        }
        assertThat(cvar.get()).isEqualTo(-1); // the thread's own context is untouched
    }

    private static Coroutine<Integer> setAndReturnOld(ContextVar<Integer> cvar, int value) {
        int[] old = new int[1];
        return Script.<Integer>steps()
                .then(in -> {
                    old[0] = cvar.get();
                    return Script.await(AsyncIO.sleep(0));
                })
                .then(in -> {
                    cvar.set(value);
                    return old[0];
                });
    }

    @Test
    void aTaskLeftPendingByOneRunGoesOnInTheNextAndCloseCancelsTheRest() {
        // asyncio: the loop persists between runs; close() cancels what is still pending
        // (test_asyncio_run_cancels_hanging_tasks, for a Runner)
        Runner runner = new Runner(this::virtualLoop);
        Task<?>[] bg = new Task<?>[2];
        runner.run(Script.call(() -> {
            bg[0] = AsyncIO.createTask(Script.steps()
                    .then(x -> Script.await(AsyncIO.sleep(2)))
                    .then(x -> log.add(
                            "background done@" + AsyncIO.getRunningLoop().time())));
            bg[1] = AsyncIO.createTask(Script.steps()
                    .then(x -> Script.await(AsyncIO.sleep(3600)))
                    .handle((x, err) -> log.add("hanging task: " + err)));
            return null;
        }));
        assertThat(log).isEmpty();
        runner.run(AsyncIO.sleep(5));
        assertThat(log).containsExactly("background done@2.0");
        runner.close();
        assertThat(log).containsExactly("background done@2.0", "hanging task: CancelledError()");
        assertThat(bg[1].done()).isTrue();
    }

    @Test
    void aFailedRunLeavesTheRunnerUsable() {
        try (Runner runner = new Runner(this::virtualLoop)) {
            assertThatThrownBy(() -> runner.run(Script.call(() -> {
                        throw new java.io.IOException("io");
                    })))
                    .isInstanceOf(java.io.IOException.class);
            assertThat(runner.run(AsyncIO.done("again"))).isEqualTo("again");
        }
    }

    @Test
    void runIsARunnerUsedOnce() {
        // asyncio.run is `with Runner(...) as runner: return runner.run(main)`: the same shutdown
        EventLoop[] loop = new EventLoop[1];
        AsyncIO.run(Script.call(() -> loop[0] = AsyncIO.getRunningLoop()), this::virtualLoop);
        assertThat(loop[0].isClosed()).isTrue();
        assertThat(new Runner().toString()).isEqualTo("<Runner created>");
    }
}
