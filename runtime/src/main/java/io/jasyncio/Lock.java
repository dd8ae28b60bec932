package io.jasyncio;

import java.util.ArrayDeque;

/**
 * asyncio.Lock: a mutual-exclusion lock for tasks of one loop, not owned by the task that took
 * it. Waiters are served in FIFO order; a waiter woken by {@link #release()} but cancelled
 * before it ran passes its turn on to the next one (asyncio 3.13 semantics).
 *
 * <pre>{@code
 * await(lock.acquire());
 * try {
 *     ...
 * } finally {
 *     lock.release();
 * }
 * // or, asyncio's "async with lock:"
 * await(lock.run(body()));
 * }</pre>
 *
 * <p>Bound to the loop it first waits on (see {@link #acquire()}). Not thread-safe: use it from
 * its loop's thread only.
 */
public final class Lock extends LoopBound implements Acquirable {
    private boolean locked;
    /** Futures of the waiting acquirers, oldest first; null until someone first waits. */
    ArrayDeque<Future<Boolean>> waiters;

    /** An unlocked lock. */
    public Lock() {}

    /** True while the lock is held. */
    public boolean locked() {
        return locked;
    }

    /**
     * Takes the lock, waiting for it if needed; the awaited value is {@code true}. When the lock is
     * free and nobody waits for it, it is taken at once and the result is a future that is already
     * done (nothing is allocated); otherwise the result is a lazy coroutine that, once awaited,
     * queues behind the waiters (binding the lock to the running loop). Must be called on a
     * running loop.
     */
    @Override
    public Awaitable<Boolean> acquire() {
        if (!locked && noLiveWaiter()) {
            Future<Boolean> done = readyTrue();
            locked = true;
            return done;
        }
        return new Acquire(this);
    }

    /**
     * Releases the lock and wakes the first waiter; {@link IllegalStateException} (asyncio's
     * RuntimeError) when the lock is not held.
     */
    @Override
    public void release() {
        if (!locked) {
            throw new IllegalStateException("Lock is not acquired.");
        }
        locked = false;
        wakeUpFirst();
    }

    /**
     * asyncio's {@code async with lock: body}: a lazy coroutine that acquires the lock, awaits
     * {@code body} (an {@code @Async} method's coroutine runs inline) and releases the lock however
     * the body ends; its value is the body's.
     */
    public <T> Coroutine<T> run(Awaitable<T> body) {
        return new Held<>(this, body);
    }

    /**
     * Like {@link #run(Awaitable)} with a body made only once the lock is held: an async lambda or
     * a method reference to an {@code @Async} method.
     */
    public <T> Coroutine<T> run(AsyncSupplier<T> body) {
        return new Held<>(this, body);
    }

    /** asyncio's fairness rule: the lock may be taken at once only if no waiter is still live. */
    private boolean noLiveWaiter() {
        ArrayDeque<Future<Boolean>> w = waiters;
        if (w == null || w.isEmpty()) {
            return true;
        }
        for (Future<Boolean> f : w) {
            if (!f.cancelled()) {
                return false;
            }
        }
        return true;
    }

    /** Makes sure the first waiter wakes up (a done one is already on its way). */
    private void wakeUpFirst() {
        ArrayDeque<Future<Boolean>> w = waiters;
        if (w == null) {
            return;
        }
        Future<Boolean> first = w.peekFirst();
        if (first != null && !first.done()) {
            first.setResult(Boolean.TRUE);
        }
    }

    @Override
    public String toString() {
        String extra = locked ? "locked" : "unlocked";
        if (waiters != null && !waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return "<Lock [" + extra + "]>";
    }

    /** The waiting path of {@link #acquire()}. */
    private static final class Acquire extends Coroutine<Boolean> {
        private final Lock lock;
        private Future<Boolean> fut;

        Acquire(Lock lock) {
            this.lock = lock;
        }

        @Override
        protected Object resume(Task<?> task) throws Throwable {
            Lock l = lock;
            if (fut == null) {
                if (!l.locked && l.noLiveWaiter()) {
                    l.locked = true;
                    return Boolean.TRUE;
                }
                if (l.waiters == null) {
                    l.waiters = new ArrayDeque<>();
                }
                fut = l.newWaiter();
                l.waiters.add(fut);
                return awaitStep(task, fut);
            }
            try {
                awaitResult(task);
            } catch (CancelledError e) {
                l.waiters.remove(fut);
                if (!l.locked) {
                    // keep the invariant: a free lock with waiters always has one on its way
                    l.wakeUpFirst();
                }
                throw e;
            } catch (Throwable e) {
                l.waiters.remove(fut);
                throw e;
            }
            l.waiters.remove(fut);
            l.locked = true;
            return Boolean.TRUE;
        }

        @Override
        protected StackTraceElement location() {
            return new StackTraceElement(Lock.class.getName(), "acquire", null, -1);
        }
    }
}
