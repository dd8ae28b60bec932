package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Task cancellation, checked against python3 3.11 (asyncio) scenario by scenario. */
class CancellationTest {
    private final EventLoop loop = EventLoop.withVirtualTime();
    private final List<String> log = new ArrayList<>();

    private void spin(int iterations) {
        VirtualRun.iterate(loop, iterations);
    }

    /** E23's cancel_me: sleeps an hour; logs the cancellation, re-raises; logs in finally. */
    private Coroutine<Object> cancelMe() {
        return Script.steps()
                .then(in -> {
                    log.add("before sleep");
                    return Script.await(AsyncIO.sleep(3600));
                })
                .handle((in, err) -> {
                    if (err instanceof CancelledError) {
                        log.add("cancel sleep");
                    }
                    log.add("after sleep");
                    if (err != null) {
                        throw err;
                    }
                    return null;
                });
    }

    @Test
    void cancelWhileWaitingThrowsAtTheAwaitOnALaterStep() {
        Object r = loop.runUntilComplete(Script.steps()
                .then(in -> {
                    Task<Object> t = AsyncIO.createTask(cancelMe());
                    return Script.await(AsyncIO.sleep(1, t));
                })
                .then(t -> {
                    assertThat(((Task<?>) t).cancel()).isTrue();
                    log.add("cancel requested");
                    assertThat(((Task<?>) t).cancelled()).isFalse();
                    return Script.await(t);
                })
                .handle((in, err) -> {
                    assertThat(err).isInstanceOf(CancelledError.class);
                    log.add("main: cancelled now");
                    return "done";
                }));
        assertThat(r).isEqualTo("done");
        assertThat(log)
                .containsExactly(
                        "before sleep", "cancel requested", "cancel sleep", "after sleep", "main: cancelled now");
        assertThat(loop.time()).isEqualTo(1.0);
        assertThat(loop.pendingTimers()).isZero();
    }

    @Test
    void cancelCancelsTheAwaitedFuture() {
        Future<Object> f = loop.createFuture();
        Task<Object> t = loop.createTask(Script.steps().then(in -> Script.await(f)));
        spin(1);
        t.cancel("stop");
        assertThat(f.cancelled()).isTrue();
        spin(1);
        assertThat(t.cancelled()).isTrue();
        assertThatThrownBy(t::result).isInstanceOf(CancelledError.class).hasMessage("stop");
        assertThatThrownBy(t::exception).isInstanceOf(CancelledError.class);
    }

    @Test
    void cancelBeforeStartMeansTheBodyNeverRuns() {
        Task<Object> t = loop.createTask(Script.call(() -> log.add("ran")));
        assertThat(t.cancel()).isTrue();
        assertThat(t.cancel()).isTrue();
        assertThat(t.cancelling()).isEqualTo(2);
        assertThatThrownBy(() -> loop.runUntilComplete(t)).isInstanceOf(CancelledError.class);
        assertThat(log).isEmpty();
        assertThat(t.cancelled()).isTrue();
        assertThat(t.getCoro().isFinished()).isTrue();
    }

    @Test
    void cancellingADoneTaskReturnsFalse() {
        Task<Integer> t = loop.createTask(AsyncIO.done(1));
        loop.runUntilComplete(t);
        assertThat(t.cancel()).isFalse();
        assertThat(t.cancelled()).isFalse();
        assertThat(t.cancelling()).isZero();
        assertThat(t.result()).isEqualTo(1);
    }

    @Test
    void aCoroutineMaySuppressCancellation() {
        Task<Object> t = loop.createTask(
                Script.steps().then(in -> Script.await(AsyncIO.sleep(10))).handle((in, err) -> {
                    assertThat(err).isInstanceOf(CancelledError.class).hasMessage("x");
                    return 7;
                }));
        spin(1);
        t.cancel("x");
        assertThat(loop.runUntilComplete(t)).isEqualTo(7);
        assertThat(t.cancelled()).isFalse();
        assertThat(t.cancelling()).isEqualTo(1);
    }

    @Test
    void uncancelWithdrawsTheRequestCount() {
        Task<Object> t = loop.createTask(Script.steps()
                .then(in -> Script.await(AsyncIO.sleep(10)))
                .handle((in, err) -> {
                    assertThat(AsyncIO.currentTask().uncancel()).isZero();
                    return Script.await(AsyncIO.sleep(0));
                })
                .then(in -> "ok"));
        spin(1);
        t.cancel();
        assertThat(loop.runUntilComplete(t)).isEqualTo("ok");
        assertThat(t.cancelling()).isZero();
        assertThat(t.uncancel()).isZero();
    }

    @Test
    void uncancelToZeroWithdrawsAnUndeliveredCancellation() {
        // asyncio 3.13 semantics (3.11 would still deliver it)
        Task<Object> t = loop.createTask(Script.call(() -> "ran"));
        t.cancel();
        assertThat(t.uncancel()).isZero();
        assertThat(loop.runUntilComplete(t)).isEqualTo("ran");
    }

    @Test
    void cancelWhileYieldedThrowsAtTheSleepZero() {
        Task<Object> t = loop.createTask(
                Script.steps().then(in -> Script.await(AsyncIO.sleep(0))).handle((in, err) -> {
                    log.add(err == null ? "not here" : "cancel at sleep0");
                    throw err;
                }));
        spin(1);
        t.cancel();
        spin(2);
        assertThat(log).containsExactly("cancel at sleep0");
        assertThat(t.cancelled()).isTrue();
    }

    @Test
    void cancellingATaskCancelsTheTaskItAwaits() {
        Task<Object> outer = loop.createTask(Script.steps()
                .then(in -> Script.await(AsyncIO.createTask(Script.steps()
                        .then(x -> Script.await(AsyncIO.sleep(10)))
                        .handle((x, err) -> {
                            log.add("inner " + err);
                            throw err;
                        }))))
                .handle((in, err) -> {
                    log.add("outer " + err);
                    throw err;
                }));
        spin(2);
        outer.cancel("why");
        assertThatThrownBy(() -> loop.runUntilComplete(outer))
                .isInstanceOf(CancelledError.class)
                .hasMessage("why");
        assertThat(log).containsExactly("inner CancelledError('why')", "outer CancelledError('why')");
    }

    @Test
    void aTaskCancelledRightBeforeItReturnsIsCancelled() {
        Task<Object> t = loop.createTask(Script.call(() -> {
            AsyncIO.currentTask().cancel();
            return 5;
        }));
        assertThatThrownBy(() -> loop.runUntilComplete(t)).isInstanceOf(CancelledError.class);
        assertThat(t.cancelled()).isTrue();
    }

    @Test
    void aCancelledErrorRaisedByTheCoroutineCancelsTheTask() {
        Task<Object> t = loop.createTask(Script.call(() -> {
            throw new CancelledError("self");
        }));
        assertThatThrownBy(() -> loop.runUntilComplete(t))
                .isInstanceOf(CancelledError.class)
                .hasMessage("self");
        assertThat(t.cancelled()).isTrue();
    }

    @Test
    void cancelledIsTrueOnlyWhenCancellationPropagated() {
        Task<Object> t = loop.createTask(
                Script.steps().then(in -> Script.await(AsyncIO.sleep(10))).handle((in, err) -> {
                    throw new IllegalStateException("replaced");
                }));
        spin(1);
        t.cancel();
        assertThatThrownBy(() -> loop.runUntilComplete(t)).hasMessage("replaced");
        assertThat(t.cancelled()).isFalse();
        assertThat(t.exception()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCancelledErrorIsNotCaughtAsAnException() {
        assertThat(Exception.class.isAssignableFrom(CancelledError.class)).isFalse();
        assertThat(new CancelledError("m").toString()).isEqualTo("CancelledError('m')");
        assertThat(new CancelledError().toString()).isEqualTo("CancelledError()");
    }
}
