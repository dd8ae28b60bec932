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
 * What {@link AsyncIO#asCompleted} returns (asyncio.as_completed, CPython 3.13 semantics): every
 * awaitable starts at once (coroutines are wrapped in tasks, duplicates run once). Walk it one of
 * two ways, not both:
 *
 * <ul>
 * <li>the plain way ({@code for (Coroutine<T> next : asCompleted(aws))}): one lazy coroutine per
 *     distinct awaitable; each, when awaited, returns the result (or throws the failure) of the
 *     earliest one not yet handed out, in completion order;
 * <li>asynchronously ({@link #asyncIterator()}, Python's {@code async for}): the futures
 *     themselves, done, in completion order; the very tasks and futures given, and for a
 *     coroutine the task that runs it.
 * </ul>
 *
 * <p>When the timeout passes first, every remaining await of the plain way, and every remaining
 * {@link AsyncIterator#next()} of the asynchronous way, throws {@link TimeoutError}. Single use:
 * {@link #iterator()} returns this same iterator, {@link #asyncIterator()} the same asynchronous one.
 *
 * @param <T> the type of the results
 */
public final class AsCompleted<T> implements Iterable<Coroutine<T>>, Iterator<Coroutine<T>>, AsyncIterable<Future<T>> {
    /** What a timeout puts in the queue, once per future still pending. */
    private static final Object TIMEOUT = new Object();
    /** Completed futures in completion order, or TIMEOUT. */
    private final ArrayDeque<Object> done = new ArrayDeque<>();

    private final ArrayDeque<Future<Boolean>> getters = new ArrayDeque<>();
    private final Set<Future<T>> todo;
    private final Consumer<Future<T>> onCompletion = this::handleCompletion;
    private Runnable cancelTimer;
    private int todoLeft;
    private final EventLoop loop;
    private Async async;

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

    /** This object: the plain iteration (single use). */
    @Override
    public Iterator<Coroutine<T>> iterator() {
        return this;
    }

    /** True while coroutines are left to hand out. */
    @Override
    public boolean hasNext() {
        return todoLeft > 0;
    }

    /** The next lazy coroutine: awaiting it gives the next result in completion order. */
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
            Future<Boolean> getter = getters.poll();
            if (!getter.done()) {
                getter.setResult(Boolean.TRUE);
                break;
            }
        }
    }

    /**
     * The asynchronous iteration (Python's {@code async for} over as_completed, 3.13): the done
     * futures in completion order. The same iterator on every call.
     */
    @Override
    public AsyncIterator<Future<T>> asyncIterator() {
        Async a = async;
        if (a == null) {
            a = new Async();
            async = a;
        }
        return a;
    }

    /**
     * The asynchronous iterator: {@code hasNext()} returns a done future when a future is done
     * already (or none is left), made once; only a wait allocates (one future, as a queue get).
     */
    private final class Async implements AsyncIterator<Future<T>> {
        private Future<Boolean> yes;
        private Future<Boolean> no;

        @Override
        public Awaitable<Boolean> hasNext() {
            if (todoLeft == 0) {
                if (no == null) {
                    no = doneFuture(Boolean.FALSE);
                }
                return no;
            }
            if (!done.isEmpty()) {
                if (yes == null) {
                    yes = doneFuture(Boolean.TRUE);
                }
                return yes;
            }
            Future<Boolean> getter = loop.createFuture();
            getters.add(getter);
            return getter;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Future<T> next() {
            if (todoLeft == 0 || done.isEmpty()) {
                throw new NoSuchElementException(
                        todoLeft == 0 ? "no futures left" : "no future is done yet: await hasNext() first");
            }
            todoLeft--;
            Object f = done.poll();
            if (f == TIMEOUT) {
                throw new TimeoutError();
            }
            return (Future<T>) f;
        }

        private Future<Boolean> doneFuture(Boolean value) {
            Future<Boolean> f = new Future<>(loop != null ? loop : AsyncIO.getRunningLoop());
            f.setResult(value);
            return f;
        }
    }

    /**
     * One element of the iteration: waits for the next completed future and returns its result
     * (asyncio.Queue.get: while the queue is empty, wait on a fresh getter; on failure give the
     * getter up and pass a wakeup on to the next one).
     */
    private final class WaitForOne extends AwaitScope<T> {
        private Future<Boolean> getter;

        @Override
        Object enter() {
            return done.isEmpty() ? newGetter() : NOTHING;
        }

        private Future<Boolean> newGetter() {
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
            for (Future<Boolean> g : getters) {
                if (!g.done()) {
                    g.setResult(Boolean.TRUE);
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
