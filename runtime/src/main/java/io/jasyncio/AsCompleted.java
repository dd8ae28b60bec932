package io.jasyncio;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * asyncio.as_completed (CPython 3.13 semantics), iterated the plain way: every awaitable starts
 * at once (coroutines are wrapped in tasks, duplicates run once); the iterator yields one lazy
 * coroutine per distinct awaitable, and each, when awaited, returns the result (or throws the
 * failure) of the earliest one not yet handed out, in completion order. When the timeout passes
 * first, every remaining await throws {@link TimeoutError}. Single use: {@link #iterator()}
 * returns this same iterator.
 */
final class AsCompleted<T> implements Iterable<Coroutine<T>>, Iterator<Coroutine<T>> {
    /** What a timeout puts in the queue, once per future still pending. */
    private static final Object TIMEOUT = new Object();
    /** Completed futures in completion order, or TIMEOUT. */
    private final ArrayDeque<Object> done = new ArrayDeque<>();
    private final ArrayDeque<Future<Object>> getters = new ArrayDeque<>();
    private final Set<Future<T>> todo;
    private final Consumer<Future<T>> onCompletion = this::handleCompletion;
    private Runnable cancelTimer;
    private int todoLeft;
    private final EventLoop loop;

    @SuppressWarnings("unchecked")
    AsCompleted(Collection<? extends Awaitable<? extends T>> aws, Double timeout) {
        Objects.requireNonNull(aws, "awaitables");
        // The loop of the first future given, else the running one (needed to start coroutines).
        EventLoop first = null;
        for (Awaitable<? extends T> aw : aws) {
            if (aw instanceof Future<?> f) {
                first = f.getLoop();
                break;
            }
        }
        loop = first != null || aws.isEmpty() ? first : AsyncIO.getRunningLoop();
        Set<Awaitable<?>> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        todo = new LinkedHashSet<>();
        for (Awaitable<? extends T> aw : aws) {
            if (seen.add(Objects.requireNonNull(aw, "asCompleted() element"))) {
                todo.add(Futures.ensure((Awaitable<T>) aw, loop));
            }
        }
        for (Future<T> f : todo) {
            f.addDoneCallback(onCompletion);
        }
        if (!todo.isEmpty() && timeout != null) {
            cancelTimer = loop.callLater(timeout, this::handleTimeout)::cancel;
        }
        todoLeft = todo.size();
    }

    @Override
    public Iterator<Coroutine<T>> iterator() {
        return this;
    }

    @Override
    public boolean hasNext() {
        return todoLeft > 0;
    }

    @Override
    public Coroutine<T> next() {
        if (todoLeft == 0) {
            throw new NoSuchElementException();
        }
        todoLeft--;
        return new WaitForOne();
    }

    private void handleTimeout() {
        List<Future<T>> left = new ArrayList<>(todo);
        todo.clear();
        for (Future<T> f : left) {
            f.removeDoneCallback(onCompletion);
            put(TIMEOUT);
        }
    }

    private void handleCompletion(Future<T> f) {
        if (todo.isEmpty()) {
            return; // the timeout came first
        }
        todo.remove(f);
        put(f);
        if (todo.isEmpty() && cancelTimer != null) {
            cancelTimer.run();
        }
    }

    /** A queue put: wakes the first getter still waiting (asyncio.Queue.put_nowait). */
    private void put(Object f) {
        done.add(f);
        while (!getters.isEmpty()) {
            Future<Object> getter = getters.poll();
            if (!getter.done()) {
                getter.setResult(null);
                break;
            }
        }
    }

    /**
     * One element of the iteration: waits for the next completed future and returns its result
     * (asyncio.Queue.get: while the queue is empty, wait on a fresh getter; on failure give the
     * getter up and pass a wakeup on to the next one).
     */
    private final class WaitForOne extends AwaitScope<T> {
        private Future<Object> getter;

        @Override
        Object enter() {
            return done.isEmpty() ? newGetter() : NOTHING;
        }

        private Future<Object> newGetter() {
            getter = loop.createFuture();
            getters.add(getter);
            return getter;
        }

        @Override
        Throwable failed(Throwable error) {
            getter.cancel();
            getters.remove(getter);
            if (!done.isEmpty() && !getter.cancelled()) {
                wakeNext();
            }
            return error;
        }

        @Override
        Object succeeded(Object value) {
            if (done.isEmpty()) {
                return awaitAgain(newGetter());
            }
            Object f = done.poll();
            if (f == TIMEOUT) {
                throw new TimeoutError();
            }
            return ((Future<?>) f).result();
        }

        private void wakeNext() {
            for (Future<Object> g : getters) {
                if (!g.done()) {
                    g.setResult(null);
                    return;
                }
            }
        }

        @Override
        protected StackTraceElement location() {
            return new StackTraceElement("io.jasyncio.AsyncIO", "asCompleted", null, -1);
        }
    }
}
