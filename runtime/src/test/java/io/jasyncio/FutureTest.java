package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class FutureTest {
    private final EventLoop loop = EventLoop.withVirtualTime();
    private final List<Object> log = new ArrayList<>();

    @Test
    void aNewFutureIsPending() {
        Future<Integer> f = loop.createFuture();
        assertThat(f.done()).isFalse();
        assertThat(f.cancelled()).isFalse();
        assertThat(f.getLoop()).isSameAs(loop);
        assertThat(f).hasToString("<Future pending>");
    }

    @Test
    void invalidStateErrorExactlyWhereAsyncioRaisesIt() {
        Future<Integer> f = loop.createFuture();
        assertThatThrownBy(f::result).isInstanceOf(InvalidStateError.class).hasMessage("Result is not set.");
        assertThatThrownBy(f::exception).isInstanceOf(InvalidStateError.class).hasMessage("Exception is not set.");
        f.setResult(1);
        assertThatThrownBy(() -> f.setResult(2))
                .isInstanceOf(InvalidStateError.class)
                .hasMessage("invalid state: <Future finished result=1>");
        assertThatThrownBy(() -> f.setException(new RuntimeException())).isInstanceOf(InvalidStateError.class);
        assertThat(f.cancel()).isFalse();
        assertThat(f.result()).isEqualTo(1);
        assertThat(f.exception()).isNull();

        Future<Integer> c = loop.createFuture();
        assertThat(c.cancel("m")).isTrue();
        assertThatThrownBy(() -> c.setResult(1)).isInstanceOf(InvalidStateError.class);
        assertThatThrownBy(c::result).isInstanceOf(CancelledError.class).hasMessage("m");
        assertThatThrownBy(c::exception).isInstanceOf(CancelledError.class).hasMessage("m");
        assertThat(c).hasToString("<Future cancelled>");
    }

    @Test
    void anExceptionIsStoredAndRethrownAsIs() {
        Future<Integer> f = loop.createFuture();
        java.io.IOException io = new java.io.IOException("io");
        f.setException(io);
        assertThat(f.done()).isTrue();
        assertThat(f.exception()).isSameAs(io);
        assertThatThrownBy(f::result).isSameAs(io);
        assertThat(f).hasToString("<Future finished exception=java.io.IOException: io>");
        assertThatThrownBy(() -> loop.createFuture().setException(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void doneCallbacksAreScheduledThroughTheLoopInRegistrationOrder() {
        // python3: ['after set', 1, 2]
        Future<Integer> f = loop.createFuture();
        f.addDoneCallback(x -> log.add("cb1 " + x.result()));
        f.addDoneCallback(x -> log.add("cb2"));
        f.addDoneCallback(x -> log.add("cb3"));
        loop.callSoon(() -> log.add("earlier callSoon"));
        f.setResult(5);
        log.add("after set");
        VirtualRun.iterate(loop, 1);
        assertThat(log).containsExactly("after set", "earlier callSoon", "cb1 5", "cb2", "cb3");
    }

    @Test
    void aCallbackAddedToADoneFutureIsScheduledSoon() {
        Future<Integer> f = loop.createFuture();
        f.setResult(1);
        f.addDoneCallback(x -> log.add("late"));
        assertThat(log).isEmpty();
        VirtualRun.iterate(loop, 1);
        assertThat(log).containsExactly("late");
    }

    @Test
    void removeDoneCallbackRemovesEveryRegistration() {
        Future<Integer> f = loop.createFuture();
        Consumer<Future<Integer>> a = x -> log.add("a");
        Consumer<Future<Integer>> b = x -> log.add("b");
        assertThat(f.removeDoneCallback(a)).isZero();
        f.addDoneCallback(a);
        assertThat(f.removeDoneCallback(a)).isEqualTo(1);
        f.addDoneCallback(a);
        f.addDoneCallback(b);
        f.addDoneCallback(a);
        assertThat(f.removeDoneCallback(a)).isEqualTo(2);
        f.cancel();
        VirtualRun.iterate(loop, 1);
        assertThat(log).containsExactly("b");
    }

    @Test
    void aNoArgFutureNeedsARunningLoop() {
        assertThatThrownBy(() -> new Future<>())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no running event loop");
        Object loopOfFuture = loop.runUntilComplete(Script.call(() -> new Future<>().getLoop()));
        assertThat(loopOfFuture).isSameAs(loop);
    }

    @Test
    void toCompletableFutureMirrorsTheOutcome() throws Exception {
        Future<Integer> ok = loop.createFuture();
        CompletableFuture<Integer> okCf = ok.toCompletableFuture();
        Future<Integer> failed = loop.createFuture();
        CompletableFuture<Integer> failedCf = failed.toCompletableFuture();
        Future<Integer> cancelled = loop.createFuture();
        CompletableFuture<Integer> cancelledCf = cancelled.toCompletableFuture();
        ok.setResult(3);
        failed.setException(new ArithmeticException("x"));
        cancelled.cancel("no longer needed");
        assertThat(okCf).isNotDone();
        VirtualRun.iterate(loop, 1);
        assertThat(okCf.get()).isEqualTo(3);
        assertThatThrownBy(failedCf::get)
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ArithmeticException.class);
        assertThat(cancelledCf.isCancelled()).isTrue();
        assertThatThrownBy(cancelledCf::get).isInstanceOf(CancellationException.class);
        // the stored exception (JDK 25's get() wraps it in another CancellationException)
        assertThat(cancelledCf.handle((v, e) -> e).join())
                .isInstanceOf(CancellationException.class)
                .hasMessage("no longer needed")
                .hasCauseInstanceOf(CancelledError.class);
        Future<Integer> done = loop.createFuture();
        done.setResult(9);
        assertThat(done.toCompletableFuture().getNow(null)).isEqualTo(9);
    }

    @Test
    void cancellingTheCompletableFutureCancelsTheLoopFuture() {
        Future<Integer> f = loop.createFuture();
        CompletableFuture<Integer> cf = f.toCompletableFuture();
        assertThat(cf.cancel(true)).isTrue();
        VirtualRun.iterate(loop, 1);
        assertThat(f.cancelled()).isTrue();
    }

    @Test
    void fromCompletionStageMapsResultsFailuresAndCancellation() {
        CompletableFuture<String> ok = CompletableFuture.completedFuture("v");
        assertThat(Future.fromCompletionStage(ok, loop).result()).isEqualTo("v");

        CompletableFuture<String> failing = new CompletableFuture<>();
        Future<String> f1 = Future.fromCompletionStage(failing, loop);
        failing.completeExceptionally(new ArithmeticException("bad"));
        VirtualRun.iterate(loop, 1);
        assertThat(f1.exception()).isInstanceOf(ArithmeticException.class).hasMessage("bad");

        CompletableFuture<String> cancelled = new CompletableFuture<>();
        Future<String> f2 = Future.fromCompletionStage(cancelled, loop);
        cancelled.cancel(false);
        VirtualRun.iterate(loop, 1);
        assertThat(f2.cancelled()).isTrue();

        CompletableFuture<String> dependent = new CompletableFuture<>();
        Future<String> f3 = Future.fromCompletionStage(dependent.thenApply(s -> s + "!"), loop);
        dependent.complete("chained");
        VirtualRun.iterate(loop, 1);
        assertThat(f3.result()).isEqualTo("chained!");
    }

    @Test
    void cancellingTheLoopFutureCancelsTheStage() {
        CompletableFuture<String> source = new CompletableFuture<>();
        Future<String> f = Future.fromCompletionStage(source, loop);
        f.cancel();
        VirtualRun.iterate(loop, 1);
        assertThat(source.isCancelled()).isTrue();
    }

    @Test
    void awaitingAStageThatIsCancelledRaisesCancelledError() {
        CompletableFuture<String> cancelled = new CompletableFuture<>();
        cancelled.cancel(false);
        assertThatThrownBy(() -> loop.runUntilComplete(Script.steps().then(in -> Script.await(cancelled))))
                .isInstanceOf(CancelledError.class);
    }
}
