package io.jasyncio;

import static io.jasyncio.VirtualRun.after;
import static io.jasyncio.VirtualRun.failAfter;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Behaviours of asyncio's tasks, futures and loop that each pin one case against CPython 3.13/3.14. */
class TaskSemanticsTest {
    private final List<Object> log = Collections.synchronizedList(new ArrayList<>());

    @RegisterExtension
    final CapturedWarnings warnings = new CapturedWarnings();

    @Test
    void currentTaskIsNoneInACallback() {
        // asyncio: current_task() in a call_soon callback is None (a loop runs, no task does)
        VirtualRun.runOnNewLoop(Script.steps().then(in -> {
            AsyncIO.getRunningLoop().callSoon(() -> log.add(String.valueOf(AsyncIO.currentTask())));
            return Script.await(AsyncIO.sleep(0));
        }));
        assertThat(log).containsExactly("null");
    }

    @Test
    void callSoonThreadsafeOnTheLoopThreadIsOrderedWithCallSoon() {
        // asyncio: call_soon(a); call_soon_threadsafe(b); call_soon(c) run a, b, c (one ready queue)
        VirtualRun.runOnNewLoop(Script.steps().then(in -> {
            EventLoop loop = AsyncIO.getRunningLoop();
            loop.callSoon(() -> log.add("a"));
            loop.callSoonThreadsafe(() -> log.add("b"));
            loop.callSoon(() -> log.add("c"));
            return Script.await(AsyncIO.sleep(0));
        }));
        assertThat(log).containsExactly("a", "b", "c");
    }

    @Test
    void runCoroutineThreadsafeFromATaskMakesItsTaskBeforeTheCallersNextStep() {
        // asyncio: after run_coroutine_threadsafe(coro, loop) and one sleep(0) the new task exists
        VirtualRun.runOnNewLoop(Script.steps()
                .then(in -> {
                    log.add(AsyncIO.allTasks().size());
                    AsyncIO.runCoroutineThreadsafe(after(1, "x"), AsyncIO.getRunningLoop());
                    return Script.await(AsyncIO.sleep(0));
                })
                .then(in -> log.add(AsyncIO.allTasks().size())));
        assertThat(log).containsExactly(1, 2);
    }

    @Test
    void aCancelledTasksErrorWithItsMessageGoesToTheFirstRetrievalOnly() {
        // asyncio: Future._make_cancelled_error hands the task's CancelledError('msg') out once;
        // later awaits and result() get a new CancelledError() without the message. A cancelled
        // plain future gives a new CancelledError('msg') every time.
        List<Object> seen = VirtualRun.runOnNewLoop(Script.<List<Object>>steps()
                .then(in -> {
                    Task<Object> t = AsyncIO.createTask(after(10, "never"));
                    log.add(t);
                    return Script.await(AsyncIO.sleep(0));
                })
                .then(in -> {
                    Task<?> t = (Task<?>) log.get(0);
                    t.cancel("msg");
                    return Script.await(t);
                })
                .handle((in, err) -> {
                    List<Object> r = new ArrayList<>();
                    r.add(err.getMessage());
                    Task<?> t = (Task<?>) log.get(0);
                    r.add(retrieve(t).getMessage());
                    r.add(retrieve(t) != retrieve(t));
                    Future<Object> f = AsyncIO.getRunningLoop().createFuture();
                    f.cancel("fm");
                    CancelledError e1 = retrieve(f);
                    CancelledError e2 = retrieve(f);
                    r.add(e1.getMessage());
                    r.add(e2.getMessage());
                    r.add(e1 != e2);
                    return r;
                }));
        assertThat(seen).containsExactly("msg", null, true, "fm", "fm", true);
    }

    private static CancelledError retrieve(Future<?> f) {
        try {
            f.result();
        } catch (CancelledError e) {
            return e;
        }
        throw new AssertionError("not cancelled: " + f);
    }

    @Test
    void aCancelledGatherRaisesTheErrorOfTheLastChildInArgumentOrder() {
        // asyncio 3.14 _done_callback: once every child is done, exc = fut._make_cancelled_error()
        // with fut the last child of the argument list, not the child that finished last
        Object r = VirtualRun.runOnNewLoop(Script.steps()
                .then(in -> {
                    Task<Object> slow = AsyncIO.createTask(Script.steps()
                            .then(x -> Script.await(AsyncIO.sleep(10)))
                            .handle((x, err) -> {
                                // takes a second to give in, then fails with its own message
                                return Script.await(AsyncIO.sleep(1));
                            })
                            .then(x -> {
                                throw new CancelledError("slow");
                            }));
                    Task<Object> quick = AsyncIO.createTask(after(10, "never"));
                    Future<List<Object>> g = AsyncIO.gather(slow, quick);
                    log.add(g);
                    return Script.await(AsyncIO.sleep(0));
                })
                .then(in -> {
                    @SuppressWarnings("unchecked")
                    Future<List<Object>> g = (Future<List<Object>>) log.get(0);
                    g.cancel("outer");
                    return Script.await(g);
                })
                .handle((in, err) -> err));
        assertThat((Throwable) r).isInstanceOf(CancelledError.class).hasMessage("outer");
    }

    @Test
    void shieldReportsAFailureOfTheInnerAfterTheOuterWasCancelled() {
        // asyncio 3.14: _log_on_exception: "<Type> exception in shielded future" to the exception handler
        EventLoop loop = EventLoop.withVirtualTime();
        List<ExceptionContext> reports = new ArrayList<>();
        loop.setExceptionHandler((l, c) -> reports.add(c));
        Task<?>[] inner = new Task<?>[1];
        AsyncIO.run(
                Script.steps().then(in -> {
                    inner[0] = AsyncIO.createTask(failAfter(1, new IllegalStateException("late")));
                    Future<?> outer = AsyncIO.shield(inner[0]);
                    outer.cancel();
                    return Script.await(AsyncIO.sleep(2));
                }),
                () -> loop);
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).message()).isEqualTo("IllegalStateException exception in shielded future");
        assertThat(reports.get(0).exception()).hasMessage("late");
        assertThat(reports.get(0).future()).isSameAs(inner[0]);
    }

    @Test
    void shieldDoesNotReportWhenTheInnerSucceedsOrTheOuterWasNotCancelled() {
        EventLoop loop = EventLoop.withVirtualTime();
        List<ExceptionContext> reports = new ArrayList<>();
        loop.setExceptionHandler((l, c) -> reports.add(c));
        Object r = AsyncIO.run(
                Script.steps()
                        .then(in -> {
                            Future<?> cancelledOuter = AsyncIO.shield(after(1, "fine"));
                            cancelledOuter.cancel();
                            return Script.await(AsyncIO.shield(failAfter(1, new IllegalStateException("seen"))));
                        })
                        .handle((in, err) -> err.getMessage()),
                () -> loop);
        assertThat(r).isEqualTo("seen");
        assertThat(reports).isEmpty();
    }

    @Test
    void cancelOnADoneFutureClearsItsNeverRetrievedReport() {
        // asyncio: Future.cancel()/Task.cancel() set _log_traceback = False before checking done()
        EventLoop loop = EventLoop.withVirtualTime();
        List<ExceptionContext> reports = Collections.synchronizedList(new ArrayList<>());
        loop.setExceptionHandler((l, c) -> reports.add(c));
        AsyncIO.run(
                Script.of("main", s -> {
                    if (s.pc == 0) {
                        failedAndDropped(loop, "cancelled after failing", true);
                        failedAndDropped(loop, "left alone", false);
                        return s.await(1, AsyncIO.sleep(0));
                    }
                    s.value();
                    if (s.pc < 200 && reports.isEmpty()) {
                        System.gc();
                        return s.await(s.pc + 1, AsyncIO.sleep(0));
                    }
                    // a few more collections for the cancelled one, had it been reported
                    if (s.pc < 205) {
                        System.gc();
                        return s.await(s.pc + 1, AsyncIO.sleep(0));
                    }
                    return null;
                }),
                () -> loop);
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).exception()).hasMessage("left alone");
    }

    private static void failedAndDropped(EventLoop loop, String message, boolean cancel) {
        Future<Object> f = loop.createFuture();
        f.setException(new IllegalStateException(message));
        if (cancel) {
            assertThat(f.cancel()).isFalse();
        }
    }

    @Test
    void debugModeAwaitedSleepZeroIsNotReportedAsNeverAwaited() {
        // asyncio: an awaited asyncio.sleep(0) is awaited; only the dropped coroutine is reported
        EventLoop loop = EventLoop.withVirtualTime();
        loop.setDebug(true);
        AsyncIO.run(
                Script.of("main", s -> {
                    if (s.pc == 0) {
                        Script.of("dropped", x -> null);
                    } else {
                        s.value();
                    }
                    if (s.pc < 50) {
                        return s.await(s.pc + 1, AsyncIO.sleep(0));
                    }
                    return null;
                }),
                () -> loop);
        warnings.collectUntil(w -> w.contains("'Script' was never awaited"));
        warnings.collect(3);
        assertThat(warnings.messages()).anyMatch(w -> w.contains("'Script' was never awaited"));
        assertThat(warnings.messages()).noneMatch(w -> w.contains("'Yield' was never awaited"));
    }

    @Test
    void debugModeShowsWhereANeverRetrievedFutureWasCreated() {
        // asyncio: in debug mode futures keep _source_traceback; the report and repr show it
        EventLoop loop = EventLoop.withVirtualTime();
        loop.setDebug(true);
        List<ExceptionContext> reports = Collections.synchronizedList(new ArrayList<>());
        loop.setExceptionHandler((l, c) -> reports.add(c));
        String[] repr = new String[1];
        AsyncIO.run(
                Script.of("main", s -> {
                    if (s.pc == 0) {
                        repr[0] = createAndFail(loop);
                        return s.await(1, AsyncIO.sleep(0));
                    }
                    s.value();
                    if (s.pc < 200 && reports.isEmpty()) {
                        System.gc();
                        return s.await(s.pc + 1, AsyncIO.sleep(0));
                    }
                    return null;
                }),
                () -> loop);
        assertThat(repr[0]).contains("created at TaskSemanticsTest.java:");
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).message())
                .startsWith("Future exception was never retrieved")
                .contains("Object created at (most recent call first):")
                .contains("TaskSemanticsTest.createAndFail(TaskSemanticsTest.java:");
    }

    private static String createAndFail(EventLoop loop) {
        Future<Object> f = loop.createFuture();
        f.setException(new IllegalStateException("lost"));
        return f.toString();
    }
}
