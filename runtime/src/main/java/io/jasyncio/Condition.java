package io.jasyncio;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * asyncio.Condition: tasks wait until another task notifies them, holding a {@link Lock} around
 * the state they check. Java names (the asyncio ones are final methods of {@code Object}):
 * {@code wait()} is {@link #waitNotified()}, {@code notify(n)} is {@link #notifyWaiters(int)},
 * {@code notify_all()} is {@link #notifyAllWaiters()}; {@code wait_for} is {@link #waitFor}.
 *
 * <pre>{@code
 * await(cond.acquire());
 * try {
 *     await(cond.waitFor(() -> !items.isEmpty()));
 *     ...
 * } finally {
 *     cond.release();
 * }
 * }</pre>
 *
 * <p>Bound to the loop it is first waited on. Not thread-safe: use it from its loop's thread only.
 */
public final class Condition extends LoopBound implements Acquirable {
    private final Lock lock;
    /** Futures of the waiting tasks, oldest first. */
    final ArrayDeque<Future<Boolean>> waiters = new ArrayDeque<>();

    /** A condition with a lock of its own. */
    public Condition() {
        this(new Lock());
    }

    /** A condition over {@code lock} (several conditions may share one lock). */
    public Condition(Lock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /** True while the underlying lock is held. */
    public boolean locked() {
        return lock.locked();
    }

    /** Acquires the underlying lock: see {@link Lock#acquire()}. */
    @Override
    public Awaitable<Boolean> acquire() {
        return lock.acquire();
    }

    /** Releases the underlying lock: see {@link Lock#release()}. */
    @Override
    public void release() {
        lock.release();
    }

    /** asyncio's {@code async with cond: body}: see {@link Lock#run(Awaitable)}. */
    public <T> Coroutine<T> run(Awaitable<T> body) {
        return new Held<>(this, body);
    }

    /** asyncio's {@code async with cond: body} with a body made once the lock is held. */
    public <T> Coroutine<T> run(AsyncSupplier<T> body) {
        return new Held<>(this, body);
    }

    /**
     * asyncio's {@code Condition.wait()}: releases the lock, waits until notified, then takes the
     * lock again before it returns {@code true} or throws, even when cancelled (a cancellation
     * during the re-acquire is kept and thrown once the lock is held). A waiter that ends with an
     * error (a cancellation) wakes another waiter in its place, so a notification is never lost to
     * a cancelled task; that may be a spurious wake-up, as the protocol allows: check the state
     * again after waking, or use {@link #waitFor}. A lazy coroutine; awaiting it without holding
     * the lock fails with {@link IllegalStateException} (asyncio's RuntimeError).
     */
    public Coroutine<Boolean> waitNotified() {
        return new WaitNotified(this);
    }

    /**
     * asyncio's {@code wait_for(predicate)}: calls {@code predicate} and, until it holds,
     * {@link #waitNotified() waits} and calls it again; the awaited value is {@code true}. The
     * lock must be held unless the predicate holds at once.
     */
    public Coroutine<Boolean> waitFor(BooleanSupplier predicate) {
        return new WaitFor(this, Objects.requireNonNull(predicate, "predicate"));
    }

    /** asyncio's {@code notify()}: wakes one waiting task; the lock must be held. */
    public void notifyWaiters() {
        notifyWaiters(1);
    }

    /**
     * asyncio's {@code notify(n)}: wakes up to {@code n} waiting tasks, oldest first; the lock
     * must be held ({@link IllegalStateException} otherwise). A woken task returns from its wait
     * only once it got the lock back, so the caller should release it.
     */
    public void notifyWaiters(int n) {
        if (!locked()) {
            throw new IllegalStateException("cannot notify on un-acquired lock");
        }
        wake(n);
    }

    /** asyncio's {@code notify_all()}: wakes every waiting task; the lock must be held. */
    public void notifyAllWaiters() {
        notifyWaiters(waiters.size());
    }

    private void wake(int n) {
        int woken = 0;
        for (Future<Boolean> f : waiters) {
            if (woken >= n) {
                break;
            }
            if (!f.done()) {
                woken++;
                f.setResult(Boolean.FALSE);
            }
        }
    }

    @Override
    public String toString() {
        String extra = locked() ? "locked" : "unlocked";
        if (!waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return "<Condition [" + extra + "]>";
    }

    /** The coroutine of {@link #waitNotified()}. */
    private static final class WaitNotified extends Coroutine<Boolean> {
        private static final int START = 0;
        private static final int WAITING = 1;
        private static final int REACQUIRING = 2;

        private final Condition cond;
        private int state = START;
        private Future<Boolean> fut;
        /** How the wait itself ended: null when notified, else its failure. */
        private Throwable outcome;
        /** The latest cancellation that hit a re-acquire. */
        private CancelledError reacquireCancelled;

        WaitNotified(Condition cond) {
            this.cond = cond;
        }

        @Override
        protected Object resume(Task<?> task) throws Throwable {
            Condition c = cond;
            try {
                if (state == START) {
                    if (!c.locked()) {
                        throw new IllegalStateException("cannot wait on un-acquired lock");
                    }
                    fut = c.newWaiter();
                    c.release();
                    c.waiters.add(fut);
                    state = WAITING;
                    return awaitStep(task, fut);
                }
                if (state == WAITING) {
                    try {
                        awaitResult(task);
                    } catch (Throwable e) {
                        outcome = e;
                    }
                    c.waiters.remove(fut);
                    state = REACQUIRING;
                } else {
                    boolean held = false;
                    try {
                        awaitResult(task);
                        held = true;
                    } catch (CancelledError e) {
                        reacquireCancelled = e;
                    }
                    if (held) {
                        return reacquired();
                    }
                }
                // the lock must be held again whatever happened: retry until an acquire succeeds
                for (; ; ) {
                    try {
                        if (awaitStep(task, c.acquire()) == SUSPEND) {
                            return SUSPEND;
                        }
                        break;
                    } catch (CancelledError e) {
                        reacquireCancelled = e;
                    }
                }
                return reacquired();
            } catch (Throwable e) {
                if (state != START) {
                    c.wake(1);
                }
                throw e;
            }
        }

        /** The lock is held again: return, or throw what ended the wait (the latest cancellation first). */
        private Object reacquired() throws Throwable {
            Throwable e = reacquireCancelled != null ? reacquireCancelled : outcome;
            if (e != null) {
                reacquireCancelled = null;
                outcome = null;
                throw e;
            }
            return Boolean.TRUE;
        }

        @Override
        protected StackTraceElement location() {
            return new StackTraceElement(Condition.class.getName(), "waitNotified", null, -1);
        }
    }

    /** The coroutine of {@link #waitFor}. */
    private static final class WaitFor extends Coroutine<Boolean> {
        private final Condition cond;
        private final BooleanSupplier predicate;
        private boolean waiting;

        WaitFor(Condition cond, BooleanSupplier predicate) {
            this.cond = cond;
            this.predicate = predicate;
        }

        @Override
        protected Object resume(Task<?> task) throws Throwable {
            if (waiting) {
                waiting = false;
                awaitResult(task);
            }
            while (!predicate.getAsBoolean()) {
                if (awaitStep(task, cond.waitNotified()) == SUSPEND) {
                    waiting = true;
                    return SUSPEND;
                }
            }
            return Boolean.TRUE;
        }

        @Override
        protected StackTraceElement location() {
            return new StackTraceElement(Condition.class.getName(), "waitFor", null, -1);
        }
    }
}
