package io.jasyncio;

/**
 * A hand-written coroutine of the shape
 *
 * <pre>{@code
 * Object aw = enter();                      // sets the scope up; a failure here has nothing to undo
 * Object v;
 * try { v = await(aw); }
 * catch (Throwable e) { throw failed(e); }  // undo, and choose what to throw
 * return succeeded(v);                      // undo, and make the result
 * }</pre>
 *
 * written once: the await may suspend, which splits the {@code try} over two calls of
 * {@link #resume(Task)} ({@code awaitStep}, then {@code awaitResult} when the task resumes it).
 * {@link #succeeded} may also ask to await again under the same guard ({@link #awaitAgain}),
 * as a loop around a guarded await does.
 */
abstract class AwaitScope<T> extends Coroutine<T> {
    /** Returned by {@link #enter()} when there is nothing to wait for: {@code succeeded(null)} follows at once. */
    static final Object NOTHING = new Object();
    /** What {@link #awaitAgain} returns, with the awaitable in {@link #again}. */
    private static final Object AGAIN = new Object();
    /** In place of an awaitable: the await suspended, and the task resumes this coroutine. */
    private static final Object RESUMING = new Object();

    private boolean entered;
    private Object again;

    /** Sets the scope up and returns what to await (or {@link #NOTHING}). */
    abstract Object enter() throws Throwable;

    /** The await failed with {@code error}: undoes what {@link #enter()} set up; returns what to throw. */
    abstract Throwable failed(Throwable error);

    /** The await gave {@code value}: undoes what {@link #enter()} set up; returns the result. */
    abstract Object succeeded(Object value) throws Throwable;

    /** For {@link #succeeded}: awaits {@code awaitable} under the same guard, then calls {@code succeeded} again. */
    final Object awaitAgain(Object awaitable) {
        again = awaitable;
        return AGAIN;
    }

    @Override
    protected final Object resume(Task<?> task) throws Throwable {
        Object aw = RESUMING;
        if (!entered) {
            aw = enter();
            entered = true;
        }
        for (; ; ) {
            Object v = null;
            if (aw != NOTHING) {
                try {
                    v = aw == RESUMING ? awaitResult(task) : awaitStep(task, aw);
                } catch (Throwable e) {
                    throw failed(e);
                }
                if (v == SUSPEND) {
                    return SUSPEND;
                }
            }
            Object r = succeeded(v);
            if (r != AGAIN) {
                return r;
            }
            aw = again;
            again = null;
        }
    }
}
