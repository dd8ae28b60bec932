package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** contextvars.Context and the contexts of tasks and callbacks, as asyncio and test_context pin them. */
class ContextTest {
    private static final ContextVar<String> CV = new ContextVar<>("cv", "none");
    private final List<Object> log = Collections.synchronizedList(new ArrayList<>());

    @Test
    void copyContextAndRunKeepWhatTheCodeSetInTheContext() {
        // test_context: ctx.run(var.set, v) leaves v in ctx, not in the caller's context
        Context ctx = Context.copyContext();
        assertThat(ctx.run(() -> CV.get())).isEqualTo("none");
        ctx.run(() -> {
            CV.set("in ctx");
        });
        assertThat(ctx.get(CV)).isEqualTo("in ctx");
        assertThat(ctx.contains(CV)).isTrue();
        assertThat(ctx.size()).isEqualTo(1);
        assertThat(ctx.toMap()).containsEntry(CV, "in ctx");
        assertThat(CV.get()).isEqualTo("none");
        Context copy = ctx.copy();
        copy.run(() -> {
            CV.set("in copy");
        });
        assertThat(ctx.get(CV)).isEqualTo("in ctx");
        assertThat(copy.get(CV)).isEqualTo("in copy");
        assertThat(AsyncIO.copyContext().get(CV)).isNull();
        assertThat(new Context().get(CV, "fallback")).isEqualTo("fallback");
    }

    @Test
    void aContextIsEnteredOnceAtATime() {
        // test_context: ctx.run(ctx.run, ...) raises RuntimeError('cannot enter context: ... is already entered')
        Context ctx = new Context();
        assertThatThrownBy(() -> ctx.run(() -> ctx.run(() -> 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is already entered");
        assertThat(ctx.run(() -> 2)).isEqualTo(2); // left on the way out, also after a failure
    }

    @Test
    void aTokenBelongsToTheContextItWasMadeIn() {
        // test_context: var.reset(token) in another context raises ValueError
        Context ctx = new Context();
        ContextVar.Token<String> token = ctx.run(() -> CV.set("x"));
        assertThatThrownBy(() -> CV.reset(token)).isInstanceOf(IllegalArgumentException.class);
        ctx.run(() -> CV.reset(token));
        assertThat(ctx.contains(CV)).isFalse();
    }

    @Test
    void tasksGivenTheSameContextShareIt() {
        // test_tasks test_context_4/5/6: create_task(coro, context=ctx) runs in ctx and leaves its sets there
        List<Object> ret = VirtualRun.runOnNewLoop(Script.<List<Object>>steps()
                .then(in -> {
                    Context ctx = Context.copyContext();
                    log.add(ctx.get(CV));
                    Task<Object> t1 = AsyncIO.createTask(setAfterYield("1"), null, ctx);
                    assertThat(t1.getContext()).isSameAs(ctx);
                    log.add(ctx);
                    return Script.await(t1);
                })
                .then(in -> {
                    Context ctx = (Context) log.remove(1);
                    log.add(ctx.get(CV));
                    Task<Object> t2 = AsyncIO.getRunningLoop().createTask(setAfterYield("2"), "t2", ctx);
                    log.add(ctx);
                    return Script.await(t2);
                })
                .then(in -> {
                    Context ctx = (Context) log.remove(2);
                    log.add(ctx.get(CV));
                    log.add(CV.get());
                    return new ArrayList<>(log);
                }));
        assertThat(ret).containsExactly(null, "1", "2", "none");
    }

    private static Coroutine<Object> setAfterYield(String value) {
        return Script.steps().then(in -> Script.await(AsyncIO.sleep(0))).then(in -> CV.set(value));
    }

    @Test
    void aTasksContextIsACopyOfItsCreatorsAndGetContextShowsIt() {
        // asyncio: a task runs in contextvars.copy_context() taken at creation; task.get_context() is it
        VirtualRun.runOnNewLoop(Script.steps()
                .then(in -> {
                    CV.set("creator");
                    Task<Object> child = AsyncIO.createTask(Script.steps().then(x -> {
                        CV.set("child");
                        return Script.await(AsyncIO.sleep(1));
                    }));
                    Context childContext = child.getContext();
                    assertThat(childContext.get(CV)).isEqualTo("creator");
                    assertThat(child.getContext()).isSameAs(childContext);
                    log.add(childContext);
                    return Script.await(AsyncIO.sleep(0.5));
                })
                .then(in -> {
                    Context childContext = (Context) log.get(0);
                    log.add(childContext.get(CV)); // the child's set shows in its context
                    childContext.run(() -> {
                        CV.set("set from outside");
                    });
                    log.add(CV.get());
                    return Script.await(AsyncIO.sleep(1));
                }));
        assertThat(log.subList(1, 3)).containsExactly("child", "creator");
    }

    @Test
    void aNamedTaskCancelledWithAMessageKeepsItsContextNameAndMessage() {
        // asyncio: get_name(), get_context() and the cancel message are independent of each other
        // (the task keeps the rarely used name and message beside its context in one field)
        VirtualRun.runOnNewLoop(Script.steps()
                .then(in -> {
                    CV.set("creator");
                    Task<Object> child = AsyncIO.createTask(
                            Script.steps().then(x -> {
                                CV.set("child");
                                return Script.await(AsyncIO.sleep(10));
                            }),
                            "worker");
                    log.add(child);
                    return Script.await(AsyncIO.sleep(1));
                })
                .then(in -> {
                    @SuppressWarnings("unchecked")
                    Task<Object> child = (Task<Object>) log.get(0);
                    child.setName("renamed");
                    Context ctx = child.getContext();
                    log.add(ctx.get(CV));
                    child.cancel("bye");
                    assertThat(child.getContext()).isSameAs(ctx);
                    return Script.await(child);
                })
                .handle((in, error) -> {
                    assertThat(error).isInstanceOf(CancelledError.class);
                    @SuppressWarnings("unchecked")
                    Task<Object> child = (Task<Object>) log.get(0);
                    log.add(child.getName());
                    log.add(error.getMessage());
                    log.add(child.getContext().get(CV));
                    return null;
                }));
        assertThat(log.subList(1, 5)).containsExactly("child", "renamed", "bye", "child");
    }

    @Test
    void doneCallbacksRunInTheContextCurrentWhenTheyWereAdded() {
        // test_tasks test_context_2: a done callback sees the values of the code that added it, and
        // what it sets does not pollute that code's context
        VirtualRun.runOnNewLoop(Script.steps()
                .then(in -> {
                    Future<Object> fut = AsyncIO.getRunningLoop().createFuture();
                    CV.set("at add");
                    fut.addDoneCallback(f -> {
                        log.add("callback sees " + CV.get());
                        CV.set("set by the callback");
                    });
                    CV.set("after add");
                    AsyncIO.getRunningLoop().callSoon(() -> fut.setResult(null));
                    return Script.await(fut);
                })
                .then(in -> Script.await(AsyncIO.sleep(0)))
                .then(in -> log.add("task sees " + CV.get())));
        assertThat(log).containsExactly("callback sees at add", "task sees after add");
    }

    @Test
    void aCallbackGivenAContextRunsInIt() {
        // asyncio: add_done_callback(fn, context=ctx) and call_soon(fn, context=ctx) run fn in ctx
        Context ctx = new Context();
        ctx.run(() -> {
            CV.set("ctx");
        });
        VirtualRun.runOnNewLoop(Script.steps().then(in -> {
            EventLoop loop = AsyncIO.getRunningLoop();
            Future<Object> fut = loop.createFuture();
            fut.addDoneCallback(f -> log.add("done callback " + CV.get()), ctx);
            fut.setResult(null); // its callback is scheduled now, before the callSoon below
            Handle h = loop.callSoon(
                    () -> {
                        log.add("callSoon " + CV.get());
                        CV.set("changed by callSoon");
                    },
                    ctx);
            assertThat(h.getContext()).isSameAs(ctx);
            loop.callLater(1, () -> log.add("callLater " + CV.get()), ctx);
            return Script.await(AsyncIO.sleep(2));
        }));
        assertThat(log).containsExactly("done callback ctx", "callSoon ctx", "callLater changed by callSoon");
        assertThat(ctx.get(CV)).isEqualTo("changed by callSoon");
    }

    @Test
    void callSoonCopiesTheCurrentContext() {
        // asyncio: call_soon(fn) runs fn in copy_context() taken at the call
        VirtualRun.runOnNewLoop(Script.steps()
                .then(in -> {
                    CV.set("scheduling task");
                    Handle h = AsyncIO.getRunningLoop().callSoon(() -> {
                        log.add(CV.get());
                        CV.set("callback's own");
                    });
                    assertThat(h.getContext().get(CV)).isEqualTo("scheduling task");
                    return Script.await(AsyncIO.sleep(0));
                })
                .then(in -> log.add(CV.get())));
        assertThat(log).containsExactly("scheduling task", "scheduling task");
    }

    @Test
    void runCoroutineThreadsafeRunsInTheSubmittingThreadsContext() throws Exception {
        // asyncio: call_soon_threadsafe copies the calling thread's context, so the task that
        // run_coroutine_threadsafe creates in that callback copies it too
        EventLoop loop = EventLoop.withVirtualTime();
        CompletableFuture<String> seen = new CompletableFuture<>();
        Thread submitter = new Thread(() -> new Context().run(() -> {
            CV.set("submitter");
            AsyncIO.runCoroutineThreadsafe(Script.call(CV::get), loop).whenComplete((v, e) -> seen.complete(v));
        }));
        Object r = AsyncIO.run(
                Script.steps().then(in -> {
                    submitter.start();
                    return Script.await(Future.fromCompletionStage(seen));
                }),
                () -> loop);
        submitter.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(r).isEqualTo("submitter");
    }

    @Test
    void toThreadRunsTheFunctionInACopyOfTheTasksContext() {
        // asyncio.to_thread: func runs in the default executor under copy_context() of the caller
        Object r = VirtualRun.runOnNewLoop(Script.steps()
                .then(in -> {
                    CV.set("task value");
                    return Script.await(AsyncIO.toThread(() -> {
                        String v = CV.get() + " on "
                                + (Thread.currentThread().getName().startsWith("jasyncio-executor") ? "executor" : "?");
                        CV.set("changed on the thread");
                        return v;
                    }));
                })
                .then(in -> Arrays.asList(in, CV.get())));
        assertThat(r).isEqualTo(List.of("task value on executor", "task value"));
    }

    @Test
    void toThreadRethrowsAndRunsRunnables() {
        Object r = VirtualRun.runOnNewLoop(Script.steps()
                .then(in -> Script.await(AsyncIO.toThread(() -> log.add("ran"))))
                .then(in -> Script.await(AsyncIO.toThread(() -> {
                    throw new java.io.IOException("disk");
                })))
                .handle((in, err) -> err));
        assertThat(log).containsExactly("ran");
        assertThat((Throwable) r).isInstanceOf(java.io.IOException.class).hasMessage("disk");
    }
}
