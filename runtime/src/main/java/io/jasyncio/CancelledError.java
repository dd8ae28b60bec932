package io.jasyncio;

/**
 * The task or future was cancelled. Extends {@link Error} (like {@link ThreadDeath}) so that
 * {@code catch (Exception e)} does not swallow cancellation, as asyncio made
 * {@code CancelledError} a {@code BaseException} in Python 3.8. At
 * {@link java.util.concurrent.CompletionStage} boundaries it becomes a
 * {@link java.util.concurrent.CancellationException}.
 */
public class CancelledError extends Error {
    private static final long serialVersionUID = 1L;

    /** A cancellation without a message. */
    public CancelledError() {
        super();
    }

    /**
     * A cancellation with a message (asyncio: {@code task.cancel(msg)}).
     * @param message the message
     */
    public CancelledError(String message) {
        super(message);
    }

    /**
     * Async frames recorded while the runtime delivers this cancellation (element, then
     * Boolean "unless present", in order), not yet in the stack trace; null when recording is
     * eager. Set only on the CancelledErrors the runtime creates (Task.cancel, Future.cancel):
     * most are never looked at, so their trace is not materialised per awaiting coroutine
     * (docs/RUNTIME.md, "Async stack traces of cancellations").
     */
    private transient java.util.ArrayList<Object> deferred;

    /** Marks a CancelledError the runtime creates: its async frames are applied when first looked at. */
    static CancelledError delivered(String message) {
        CancelledError e;
        DELIVERING.set(Boolean.TRUE);
        try {
            e = new CancelledError(message);
        } finally {
            DELIVERING.set(Boolean.FALSE);
        }
        e.deferred = new java.util.ArrayList<>(4);
        return e;
    }

    /** True on this thread while {@link #delivered} constructs: the Java stack is not captured. */
    private static final ThreadLocal<Boolean> DELIVERING = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /**
     * A delivered cancellation keeps no Java frames (they only say who called cancel(); asyncio
     * shows none either): its trace is its async frames, where each task was. Skipping the walk
     * also keeps a cancelled task's retained error small.
     */
    @Override
    public synchronized Throwable fillInStackTrace() {
        if (DELIVERING.get()) {
            return this;
        }
        return super.fillInStackTrace();
    }

    /** Queues an async frame (TaskStack); false when this error records eagerly. */
    synchronized boolean deferFrame(StackTraceElement where, boolean unlessPresent) {
        java.util.ArrayList<Object> d = deferred;
        if (d == null) {
            return false;
        }
        if (d.size() < 2 * TaskStack.MAX_TRACE) {
            d.add(where);
            d.add(unlessPresent);
        }
        return true;
    }

    /** Applies the queued async frames to the stack trace, in the order they were recorded. */
    private synchronized void applyDeferred() {
        java.util.ArrayList<Object> d = deferred;
        if (d == null) {
            return;
        }
        deferred = null;
        if (d.isEmpty()) {
            return;
        }
        StackTraceElement[] trace = super.getStackTrace();
        StackTraceElement[] start = trace;
        for (int i = 0; i < d.size(); i += 2) {
            trace = TaskStack.withFrame(trace, (StackTraceElement) d.get(i), (Boolean) d.get(i + 1), true);
        }
        if (trace != start) {
            super.setStackTrace(trace);
        }
    }

    @Override
    public StackTraceElement[] getStackTrace() {
        applyDeferred();
        return super.getStackTrace();
    }

    @Override
    public void setStackTrace(StackTraceElement[] stackTrace) {
        synchronized (this) {
            deferred = null; // replaced wholesale: the queued frames belonged to the old trace
        }
        super.setStackTrace(stackTrace);
    }

    @Override
    public void printStackTrace(java.io.PrintStream s) {
        applyDeferred();
        super.printStackTrace(s);
    }

    @Override
    public void printStackTrace(java.io.PrintWriter s) {
        applyDeferred();
        super.printStackTrace(s);
    }

    /** Serialization writes the trace field directly: apply the queued frames first. */
    private Object writeReplace() {
        applyDeferred();
        return this;
    }

    @Override
    public String toString() {
        String m = getMessage();
        return m == null ? "CancelledError()" : "CancelledError('" + m + "')";
    }
}
