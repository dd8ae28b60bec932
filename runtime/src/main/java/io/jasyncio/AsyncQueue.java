package io.jasyncio;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * asyncio.Queue: a first-in, first-out queue for tasks of one loop, optionally bounded. Named
 * {@code AsyncQueue} so that it does not hide {@code java.util.Queue};
 * {@link AsyncPriorityQueue} and {@link AsyncLifoQueue} change the order in which items come out.
 *
 * <p>{@link #put} waits while the queue is full and {@link #get} while it is empty; waiters are
 * served in FIFO order. A getter woken for an item but cancelled before it ran leaves the item in
 * the queue and wakes the next getter; a putter cancelled while it waits puts nothing. The
 * {@code Nowait} forms never wait: they throw {@link QueueFull} and {@link QueueEmpty}.
 * {@link #taskDone()} and {@link #join()} track the items put and not yet processed, and
 * {@link #shutdown(boolean)} (asyncio 3.13) stops the queue with {@link QueueShutDown}. Items may
 * be {@code null} (except in a priority queue).
 *
 * <pre>{@code
 * AsyncQueue<String> queue = new AsyncQueue<>(10);
 * await(queue.put("job"));              // waits while 10 items are queued
 * String job = await(queue.get());      // waits while the queue is empty
 * queue.taskDone();
 * }</pre>
 *
 * <p>Bound to the loop it first waits on. Not thread-safe: use it from its loop's thread only.
 *
 * @param <T> the type of the items
 */
public class AsyncQueue<T> extends LoopBound {
    private final int maxsize;
    /** The items: a ring buffer from {@link #head} (subclasses order it their own way). */
    Object[] items;

    int head;
    int size;
    /** Futures of the waiting getters and putters, oldest first; null until someone first waits. */
    private ArrayDeque<Future<Void>> getters;

    private ArrayDeque<Future<Void>> putters;
    private int unfinishedTasks;
    private final Event finished = new Event();
    private boolean isShutdown;

    /** An unbounded queue. */
    public AsyncQueue() {
        this(0);
    }

    /** A queue holding at most {@code maxsize} items; {@code maxsize <= 0} means unbounded. */
    public AsyncQueue(int maxsize) {
        this.maxsize = maxsize;
        this.items = new Object[maxsize > 0 ? Math.min(maxsize, 64) : 16];
        finished.set();
    }

    /** The number of items the queue holds at most (0 or less: unbounded). */
    public int maxsize() {
        return maxsize;
    }

    /** The number of items in the queue. */
    public int qsize() {
        return size;
    }

    /** True when the queue holds no item. */
    public boolean empty() {
        return size == 0;
    }

    /** True when the queue holds {@link #maxsize()} items (never for an unbounded queue). */
    public boolean full() {
        return maxsize > 0 && size >= maxsize;
    }

    /**
     * Puts {@code item} into the queue, waiting while the queue is full; {@link QueueShutDown}
     * once the queue is shut down (also for a putter that was waiting). A lazy coroutine: nothing
     * is put until it is awaited, and a putter cancelled while it waits puts nothing.
     */
    public Coroutine<Void> put(T item) {
        return new Waiting<>(this, true, item);
    }

    /**
     * Puts {@code item} without waiting: {@link QueueFull} when the queue is full,
     * {@link QueueShutDown} when it is shut down. Wakes the first waiting getter.
     */
    public void putNowait(T item) {
        if (isShutdown) {
            throw new QueueShutDown();
        }
        if (full()) {
            throw new QueueFull();
        }
        store(item);
        unfinishedTasks++;
        finished.clear();
        wake(getters, false);
    }

    /**
     * Removes and returns an item, waiting while the queue is empty; {@link QueueShutDown} when
     * the queue is shut down and empty. A lazy coroutine: no item is taken until it is awaited, and
     * a getter cancelled after it was woken leaves the item for the next one.
     */
    public Coroutine<T> get() {
        return new Waiting<>(this, false, null);
    }

    /**
     * Removes and returns an item without waiting: {@link QueueEmpty} when the queue is empty
     * ({@link QueueShutDown} when it is also shut down). Wakes the first waiting putter.
     */
    @SuppressWarnings("unchecked")
    public T getNowait() {
        if (size == 0) {
            if (isShutdown) {
                throw new QueueShutDown();
            }
            throw new QueueEmpty();
        }
        T item = (T) take();
        wake(putters, false);
        return item;
    }

    /**
     * Tells the queue that the processing of an item taken from it is complete; once every item
     * put was done, {@link #join()} returns. {@link IllegalArgumentException} (asyncio's
     * ValueError) when called more times than items were put.
     */
    public void taskDone() {
        if (unfinishedTasks <= 0) {
            throw new IllegalArgumentException("taskDone() called too many times");
        }
        unfinishedTasks--;
        if (unfinishedTasks == 0) {
            finished.set();
        }
    }

    /**
     * Waits until every item put into the queue was taken and marked done with
     * {@link #taskDone()} (or dropped by {@link #shutdown(boolean) shutdown(true)}). A lazy
     * coroutine.
     */
    public Coroutine<Void> join() {
        return new Join(this);
    }

    /** {@link #shutdown(boolean) shutdown(false)}. */
    public void shutdown() {
        shutdown(false);
    }

    /**
     * asyncio 3.13: shuts the queue down. {@link #put} and {@link #putNowait} then fail with
     * {@link QueueShutDown}, and the blocked putters are woken to fail so. Gets still drain the
     * items left, then fail too; blocked getters are woken (they fail once the queue is empty).
     * With {@code immediate} the items left are dropped (each counts as done for
     * {@link #join()}, which returns once nothing is unfinished) and every get fails at once.
     */
    public void shutdown(boolean immediate) {
        isShutdown = true;
        if (immediate) {
            while (size > 0) {
                take();
                if (unfinishedTasks > 0) {
                    unfinishedTasks--;
                }
            }
            if (unfinishedTasks == 0) {
                finished.set();
            }
        }
        // every waiter re-checks the queue, and fails as it is shut down
        wake(getters, true);
        wake(putters, true);
    }

    /**
     * Wakes the first waiter that is not done yet, or with {@code all} every one (cancelled or
     * already woken ones are dropped).
     */
    private static void wake(ArrayDeque<Future<Void>> waiters, boolean all) {
        if (waiters == null) {
            return;
        }
        Future<Void> f;
        while ((f = waiters.pollFirst()) != null) {
            if (!f.done()) {
                f.setResult(null);
                if (!all) {
                    return;
                }
            }
        }
    }

    // ---- the storage, which subclasses order their own way ---------------------------------

    /** Adds {@code item} (FIFO: at the tail). */
    void store(Object item) {
        if (size == items.length) {
            grow();
        }
        Object[] a = items;
        a[(head + size) % a.length] = item;
        size++;
    }

    /** Removes the next item (FIFO: the head); only called when not empty. */
    Object take() {
        Object[] a = items;
        Object item = a[head];
        a[head] = null;
        head = (head + 1) % a.length;
        size--;
        return item;
    }

    /** Doubles the storage, moving the items to the front in their order. */
    final void grow() {
        Object[] a = items;
        Object[] b = new Object[Math.max(16, a.length * 2)];
        for (int i = 0; i < size; i++) {
            b[i] = a[(head + i) % a.length];
        }
        items = b;
        head = 0;
    }

    /** The items in storage order, for {@link #toString()}. */
    final List<Object> contents() {
        List<Object> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(items[(head + i) % items.length]);
        }
        return list;
    }

    /** Like asyncio's repr: {@code <AsyncQueue maxsize=2 _queue=[1, 2] _getters[1] _putters[1] tasks=2 shutdown>}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<")
                .append(getClass().getSimpleName())
                .append(" maxsize=")
                .append(maxsize);
        if (size > 0) {
            sb.append(" _queue=").append(contents());
        }
        if (getters != null && !getters.isEmpty()) {
            sb.append(" _getters[").append(getters.size()).append(']');
        }
        if (putters != null && !putters.isEmpty()) {
            sb.append(" _putters[").append(putters.size()).append(']');
        }
        if (unfinishedTasks != 0) {
            sb.append(" tasks=").append(unfinishedTasks);
        }
        if (isShutdown) {
            sb.append(" shutdown");
        }
        return sb.append('>').toString();
    }

    // ---- the waiting operations ------------------------------------------------------------

    /**
     * The coroutine of {@link #put} and of {@link #get}, as asyncio's two loops: while the
     * operation cannot proceed (the queue is full for a put, empty for a get), wait in its FIFO
     * of waiters; a waiter that fails or is cancelled after it was woken passes the wake-up on to
     * the next one of its kind.
     */
    private static final class Waiting<T, R> extends Coroutine<R> {
        private final AsyncQueue<T> queue;
        private final boolean put;
        private final T item; // what a put puts
        private Future<Void> waiter;

        Waiting(AsyncQueue<T> queue, boolean put, T item) {
            this.queue = queue;
            this.put = put;
            this.item = item;
        }

        private boolean mustWait() {
            return put ? queue.full() : queue.size == 0;
        }

        /** The queue's putters or getters, created on first use. */
        private ArrayDeque<Future<Void>> waiters() {
            AsyncQueue<T> q = queue;
            if (put) {
                return q.putters != null ? q.putters : (q.putters = new ArrayDeque<>());
            }
            return q.getters != null ? q.getters : (q.getters = new ArrayDeque<>());
        }

        @Override
        protected Object resume(Task<?> task) throws Throwable {
            Future<Void> w = waiter;
            if (w != null) {
                waiter = null;
                try {
                    awaitResult(task);
                } catch (Throwable e) {
                    w.cancel(); // in case it is not done yet
                    waiters().remove(w); // may be gone already (taken by the other side or a shutdown)
                    if (!mustWait() && !w.cancelled()) {
                        // woken for a free slot or an item but cannot take it: wake the next one instead
                        wake(waiters(), false);
                    }
                    throw e;
                }
            }
            while (mustWait()) {
                if (queue.isShutdown) {
                    throw new QueueShutDown();
                }
                w = queue.newWaiter();
                waiters().add(w);
                waiter = w;
                if (awaitStep(task, w) == SUSPEND) {
                    return SUSPEND;
                }
                waiter = null;
            }
            if (put) {
                queue.putNowait(item);
                return null;
            }
            return queue.getNowait();
        }

        @Override
        protected StackTraceElement location() {
            return new StackTraceElement(AsyncQueue.class.getName(), put ? "put" : "get", null, -1);
        }
    }

    /** The coroutine of {@link #join}. */
    private static final class Join extends Coroutine<Void> {
        private final AsyncQueue<?> queue;
        private boolean waiting;

        Join(AsyncQueue<?> queue) {
            this.queue = queue;
        }

        @Override
        protected Object resume(Task<?> task) throws Throwable {
            if (waiting) {
                awaitResult(task);
                return null;
            }
            if (queue.unfinishedTasks > 0) {
                waiting = true;
                if (awaitStep(task, queue.finished.waitSet()) == SUSPEND) {
                    return SUSPEND;
                }
            }
            return null;
        }

        @Override
        protected StackTraceElement location() {
            return new StackTraceElement(AsyncQueue.class.getName(), "join", null, -1);
        }
    }
}
