package io.jasyncio;

/**
 * The coroutine {@code sleep(delay <= 0)} returns: gives up the loop for exactly one iteration,
 * with no timer and no future. Awaited from a coroutine it takes a fast path in
 * {@code Coroutine.awaitStep}; as a task's root it runs through {@link #resume(Task)}. Kept apart
 * from {@link Sleep} so the most frequent await of a busy loop allocates 24 bytes, not 40.
 *
 * <p>On the thread running the loop that started last (most programs run one), with debug mode
 * off, {@code sleep(0)} allocates nothing: it
 * returns {@link #SHARED} and counts it in the thread's {@link ContextState#sharedYields}; an
 * await of the shared object takes one back. So awaiting a {@code sleep(0)} object a second time
 * still fails as a reuse ("cannot reuse already awaited coroutine") unless other {@code sleep(0)}
 * objects are outstanding on that thread; a task made from it gets a fresh {@code Yield} of its
 * own. Debug mode (where every coroutine is tracked for the "never awaited" report) and
 * {@code sleep(0, result)} keep one object per call. The count is per thread: a shared
 * {@code sleep(0)} made on one loop's thread and awaited directly (not through a task) by a
 * coroutine of another loop's thread is checked against that thread's count.
 */
final class Yield<T> extends Coroutine<T> {
    /** Stands in {@link #result} once the yield happened (the task's slot holds the result then). */
    private static final Object YIELDED = new Object();

    /** What {@code sleep(0)} returns on a loop's thread with debug mode off: never claimed, never mutated. */
    static final Yield<Object> SHARED = new Yield<>(null);

    Object result;

    private Yield(T result) {
        this.result = result;
    }

    /** The coroutine of {@code sleep(0, result)}: the shared one when it can be, else a fresh one. */
    @SuppressWarnings("unchecked")
    static <T> Coroutine<T> of(T result) {
        if (result == null && !NeverAwaited.enabled) {
            ContextState state = ContextState.ofLastLoop();
            if (state != null) {
                state.sharedYields++;
                return (Coroutine<T>) SHARED;
            }
        }
        return new Yield<>(result);
    }

    /**
     * {@code coro}, or a fresh {@code Yield} for a task (or a closing) of the shared one, which
     * then counts as used.
     */
    @SuppressWarnings("unchecked")
    static <T> Coroutine<T> unshared(Coroutine<T> coro) {
        if (coro != SHARED) {
            return coro;
        }
        EventLoop loop = EventLoop.RUNNING.get();
        if (loop != null && loop.contextState.sharedYields > 0) {
            loop.contextState.sharedYields--;
        }
        return (Coroutine<T>) new Yield<>(null);
    }

    /**
     * Awaited from {@code awaiter}'s body (the fast path of {@code Coroutine.awaitStep}): marks this
     * yield used and gives up the loop for one iteration, after which {@code awaiter} resumes.
     */
    Object startFor(Task<?> t, Coroutine<?> awaiter) {
        if (this == SHARED) {
            ContextState state = t.loop.contextState;
            if (state.sharedYields == 0) {
                // more awaits of sleep(0) objects than sleep(0) calls: this one was awaited before
                throw new IllegalStateException("cannot reuse already awaited coroutine " + this);
            }
            state.sharedYields--;
        } else {
            caller = this;
            if (NeverAwaited.enabled) {
                NeverAwaited.awaited(this);
            }
        }
        return t.yieldOnce(awaiter, result);
    }

    @Override
    protected Object resume(Task<?> task) throws Throwable {
        Object r = result;
        if (r != YIELDED) {
            result = YIELDED;
            return task.yieldOnce(this, r);
        }
        return awaitResult(task);
    }

    @Override
    protected StackTraceElement location() {
        return new StackTraceElement(AsyncIO.class.getName(), "sleep", "AsyncIO.java", -1);
    }
}
