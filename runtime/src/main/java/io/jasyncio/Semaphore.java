package io.jasyncio;

import java.util.ArrayDeque;

/**
 * asyncio.Semaphore: a counter of permits; {@link #acquire()} takes one, waiting while none is
 * left, and {@link #release()} gives one back. Waiters are served in FIFO order (a new acquirer
 * queues behind them even when a permit is free), and a waiter woken but cancelled before it ran
 * gives its permit to the next one (asyncio 3.12+ semantics).
 *
 * <pre>{@code
 * Semaphore sem = new Semaphore(10);
 * await(sem.run(fetch(url)));      // at most 10 fetches at a time
 * }</pre>
 *
 * <p>Bound to the loop it first waits on. Not thread-safe: use it from its loop's thread only.
 */
public class Semaphore extends LoopBound implements Acquirable {
    int value;
    /** Futures of the waiting acquirers, oldest first; null until someone first waits. */
    ArrayDeque<Future<Boolean>> waiters;

    /** A semaphore with one permit. */
    public Semaphore() {
        this(1);
    }

    /**
     * A semaphore with {@code value} permits; {@link IllegalArgumentException} (asyncio's
     * ValueError) when {@code value} is negative.
     */
    public Semaphore(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("Semaphore initial value must be >= 0");
        }
        this.value = value;
    }

    /**
     * True when {@link #acquire()} would wait: no permit is left, or a task that is not cancelled
     * waits already (FIFO: it goes first).
     */
    public boolean locked() {
        if (value == 0) {
            return true;
        }
        ArrayDeque<Future<Boolean>> w = waiters;
        if (w != null) {
            for (Future<Boolean> f : w) {
                if (!f.cancelled()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Takes a permit, waiting for one if needed; the awaited value is {@code true}. When a permit
     * is free and nobody waits, it is taken at once and the result is a future that is already
     * done (nothing is allocated); otherwise a lazy coroutine that, once awaited, queues behind
     * the waiters. Must be called on a running loop.
     */
    @Override
    public Awaitable<Boolean> acquire() {
        if (!locked()) {
            Future<Boolean> done = readyTrue();
            value--;
            return done;
        }
        return new Acquire(this);
    }

    /** Gives a permit back and wakes the first waiter, if any. */
    @Override
    public void release() {
        value++;
        wakeUpNext();
    }

    /**
     * asyncio's {@code async with sem: body}: a lazy coroutine that takes a permit, awaits
     * {@code body} and gives the permit back however the body ends.
     */
    public <T> Coroutine<T> run(Awaitable<T> body) {
        return new Held<>(this, body);
    }

    /** Like {@link #run(Awaitable)} with a body made only once the permit is held. */
    public <T> Coroutine<T> run(AsyncSupplier<T> body) {
        return new Held<>(this, body);
    }

    /** Hands a permit to the first waiter not woken yet; false when there is none. */
    private boolean wakeUpNext() {
        ArrayDeque<Future<Boolean>> w = waiters;
        if (w == null) {
            return false;
        }
        for (Future<Boolean> f : w) {
            if (!f.done()) {
                value--;
                f.setResult(Boolean.TRUE);
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        String extra = locked() ? "locked" : "unlocked, value:" + value;
        if (waiters != null && !waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return "<" + getClass().getSimpleName() + " [" + extra + "]>";
    }

    /** The waiting path of {@link #acquire()}. */
    private static final class Acquire extends Coroutine<Boolean> {
        private final Semaphore sem;
        private Future<Boolean> fut;

        Acquire(Semaphore sem) {
            this.sem = sem;
        }

        @Override
        protected Object resume(Task<?> task) throws Throwable {
            Semaphore s = sem;
            if (fut == null) {
                if (!s.locked()) {
                    s.value--;
                    return Boolean.TRUE;
                }
                if (s.waiters == null) {
                    s.waiters = new ArrayDeque<>();
                }
                fut = s.newWaiter();
                s.waiters.add(fut);
                return awaitStep(task, fut);
            }
            try {
                try {
                    awaitResult(task);
                } finally {
                    s.waiters.remove(fut);
                }
            } catch (CancelledError e) {
                if (fut.done() && !fut.cancelled()) {
                    // woken with a permit but cancelled before running: give the permit back
                    s.value++;
                }
                throw e;
            } finally {
                // waiters that queued behind a free permit (FIFO) may go now
                while (s.value > 0) {
                    if (!s.wakeUpNext()) {
                        break;
                    }
                }
            }
            return Boolean.TRUE;
        }

        @Override
        protected StackTraceElement location() {
            return new StackTraceElement(Semaphore.class.getName(), "acquire", null, -1);
        }
    }
}
