package io.jasyncio;

import java.util.ArrayDeque;

/**
 * asyncio.Event: a flag tasks can wait for. {@link #set()} wakes every waiting task; waiting on a
 * set event returns at once. {@code Event.wait()} is {@link #waitSet()} in Java ({@code wait} is
 * final on {@code Object}).
 *
 * <p>Bound to the loop it is first waited on. Not thread-safe: use it from its loop's thread only
 * (other threads set it through {@link EventLoop#callSoonThreadsafe}).
 */
public final class Event extends LoopBound {
    private boolean value;
    /** Futures of the waiting tasks, oldest first; null until someone first waits. */
    ArrayDeque<Future<Boolean>> waiters;

    /** An event that is not set. */
    public Event() {}

    /** True once {@link #set()} was called (and not {@link #clear() cleared} since). */
    public boolean isSet() {
        return value;
    }

    /** Sets the flag and wakes every waiting task (in the order they started waiting). */
    public void set() {
        if (value) {
            return;
        }
        value = true;
        ArrayDeque<Future<Boolean>> w = waiters;
        if (w != null) {
            for (Future<Boolean> f : w) {
                if (!f.done()) {
                    f.setResult(Boolean.TRUE);
                }
            }
        }
    }

    /** Clears the flag: later waiters wait for the next {@link #set()}. */
    public void clear() {
        value = false;
    }

    /**
     * asyncio's {@code Event.wait()}: waits until the flag is set; the awaited value is
     * {@code true}. On a set event the result is a future that is already done (nothing is
     * allocated); otherwise a lazy coroutine that, once awaited, waits for {@link #set()} (unless
     * the event was set meanwhile). Must be called on a running loop.
     */
    public Awaitable<Boolean> waitSet() {
        if (value) {
            return readyTrue();
        }
        return new WaitSet(this);
    }

    @Override
    public String toString() {
        String extra = value ? "set" : "unset";
        if (waiters != null && !waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return "<Event [" + extra + "]>";
    }

    /** The waiting path of {@link #waitSet()}. */
    private static final class WaitSet extends Coroutine<Boolean> {
        private final Event event;
        private Future<Boolean> fut;

        WaitSet(Event event) {
            this.event = event;
        }

        @Override
        protected Object resume(Task<?> task) throws Throwable {
            Event e = event;
            if (fut == null) {
                if (e.value) {
                    return Boolean.TRUE;
                }
                if (e.waiters == null) {
                    e.waiters = new ArrayDeque<>();
                }
                fut = e.newWaiter();
                e.waiters.add(fut);
                return awaitStep(task, fut);
            }
            try {
                awaitResult(task);
                return Boolean.TRUE;
            } finally {
                e.waiters.remove(fut);
            }
        }

        @Override
        protected StackTraceElement location() {
            return new StackTraceElement(Event.class.getName(), "waitSet", null, -1);
        }
    }
}
