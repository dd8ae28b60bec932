package io.jasyncio;

/**
 * Which context code on a thread runs in: the owner whose values {@link ContextVar#get} reads and
 * {@link ContextVar#set} replaces. A task step makes its task the owner, a callback its handle,
 * {@link Context#run} the context; outside of all that, the thread's own context. One object per
 * thread; the loop keeps its thread's at hand so a task step needs no thread-local lookup.
 */
final class ContextState {
    private static final ThreadLocal<ContextState> STATE = ThreadLocal.withInitial(ContextState::new);

    /** A {@link Task}, a {@link Handle} or a {@link Context}. */
    Object owner = new Context();

    /** How many times {@code sleep(0)} returned its shared object on this thread minus its awaits (see {@link Yield}). */
    int sharedYields;

    private ContextState() {}

    static ContextState current() {
        return STATE.get();
    }

    /**
     * The thread of the loop that started last, with its state: lets {@code sleep(0)} find its
     * thread's state without a thread-local lookup when it runs there (most programs run one
     * loop at a time). Immutable, so other threads read it without sharing a written cache line.
     */
    private static final class LoopThread {
        final Thread thread;
        final ContextState state;

        LoopThread(Thread thread, ContextState state) {
            this.thread = thread;
            this.state = state;
        }
    }

    private static LoopThread lastLoop;

    /**
     * This thread and its state as {@link #lastLoop}, made once per thread (kept out of the
     * state itself so that a loop does not reach its thread's object graph).
     */
    private static final ThreadLocal<LoopThread> LOOP_THREAD =
            ThreadLocal.withInitial(() -> new LoopThread(Thread.currentThread(), current()));

    /** From the thread of a loop that starts running. */
    static void loopStarted() {
        lastLoop = LOOP_THREAD.get();
    }

    /** From the thread of a loop that stops running, with its state. */
    static void loopStopped(ContextState state) {
        LoopThread l = lastLoop;
        if (l != null && l.state == state) {
            lastLoop = null;
        }
    }

    /**
     * This thread's state when this thread runs the loop that started last; null otherwise (no
     * loop runs here, or another loop started since: the caller then does without).
     */
    static ContextState ofLastLoop() {
        LoopThread l = lastLoop;
        return l != null && l.thread == Thread.currentThread() ? l.state : null;
    }
}
