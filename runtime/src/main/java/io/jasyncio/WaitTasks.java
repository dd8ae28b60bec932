package io.jasyncio;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * asyncio.wait (Java name {@code waitTasks}, since {@code wait} is final on Object), CPython 3.11+
 * semantics: waits until {@code returnWhen} holds or the timeout passes, and returns the
 * {@code (done, pending)} sets. A timeout never raises and never cancels anything. Bare coroutines
 * are rejected (asyncio wrapped them in tasks the caller could not see, so {@code coro in done}
 * was never true); an empty collection is an error. Lazy: nothing is checked or started until it
 * is awaited.
 */
final class WaitTasks<T> extends AwaitScope<WaitResult<T>> {
    private final Collection<? extends Awaitable<? extends T>> aws;
    private final Double timeout;
    private final ReturnWhen returnWhen;
    private List<Future<T>> fs;
    private Runnable cancelTimer;
    private Consumer<Future<T>> onCompletion;

    WaitTasks(Collection<? extends Awaitable<? extends T>> aws, Double timeout, ReturnWhen returnWhen) {
        this.aws = Objects.requireNonNull(aws, "awaitables");
        this.timeout = timeout;
        this.returnWhen = Objects.requireNonNull(returnWhen, "returnWhen");
    }

    @Override
    @SuppressWarnings("unchecked")
    Object enter() {
        if (aws.isEmpty()) {
            throw new IllegalArgumentException("Set of Tasks/Futures is empty.");
        }
        Set<Future<T>> unique = new LinkedHashSet<>();
        for (Awaitable<? extends T> aw : aws) {
            if (aw instanceof Coroutine<?> coro) {
                throw new IllegalArgumentException("Passing coroutines is forbidden, use tasks explicitly: wrap "
                        + coro + " with createTask(...) first and wait for the task, so the task you hold is"
                        + " the one reported in done/pending");
            }
            unique.add((Future<T>) Objects.requireNonNull(aw, "waitTasks() element"));
        }
        fs = new ArrayList<>(unique);
        EventLoop loop = AsyncIO.getRunningLoop();
        Future<Object> waiter = loop.createFuture();
        if (timeout != null) {
            cancelTimer = loop.callLater(timeout, () -> Futures.release(waiter))::cancel;
        }
        int[] counter = {fs.size()};
        onCompletion = f -> {
            counter[0]--;
            if (counter[0] <= 0
                    || returnWhen == ReturnWhen.FIRST_COMPLETED
                    || returnWhen == ReturnWhen.FIRST_EXCEPTION && !f.cancelled() && f.exception() != null) {
                if (cancelTimer != null) {
                    cancelTimer.run();
                }
                Futures.release(waiter);
            }
        };
        for (Future<T> f : fs) {
            f.addDoneCallback(onCompletion);
        }
        return waiter;
    }

    @Override
    Throwable failed(Throwable error) {
        cleanup();
        return error;
    }

    @Override
    Object succeeded(Object value) {
        cleanup();
        Set<Future<T>> done = new LinkedHashSet<>();
        Set<Future<T>> pending = new LinkedHashSet<>();
        for (Future<T> f : fs) {
            (f.done() ? done : pending).add(f);
        }
        return new WaitResult<>(done, pending);
    }

    private void cleanup() {
        if (cancelTimer != null) {
            cancelTimer.run();
        }
        for (Future<T> f : fs) {
            f.removeDoneCallback(onCompletion);
        }
    }

    @Override
    protected StackTraceElement location() {
        return new StackTraceElement("io.jasyncio.AsyncIO", "waitTasks", null, -1);
    }
}
