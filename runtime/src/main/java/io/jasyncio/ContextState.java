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
}
