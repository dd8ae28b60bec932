package io.jasyncio;

/**
 * The coroutine {@code sleep(delay <= 0)} returns: gives up the loop for exactly one iteration,
 * with no timer and no future. Awaited from a coroutine it takes a fast path in
 * {@code Coroutine.awaitStep}; as a task's root it runs through {@link #resume()}. Kept apart
 * from {@link Sleep} so the most frequent await of a busy loop allocates 24 bytes, not 40.
 */
final class Yield<T> extends Coroutine<T> {
    /** Stands in {@link #result} once the yield happened (the task's slot holds the result then). */
    private static final Object YIELDED = new Object();

    Object result;

    Yield(T result) {
        this.result = result;
    }

    /**
     * Awaited from {@code awaiter}'s body (the fast path of {@code Coroutine.awaitStep}): marks this
     * yield used and gives up the loop for one iteration, after which {@code awaiter} resumes.
     */
    Object startFor(Task<?> t, Coroutine<?> awaiter) {
        task = t;
        caller = this;
        if (NeverAwaited.enabled) {
            NeverAwaited.awaited(this);
        }
        return t.yieldOnce(awaiter, result);
    }

    @Override
    protected Object resume() throws Throwable {
        Object r = result;
        if (r != YIELDED) {
            result = YIELDED;
            return task.yieldOnce(this, r);
        }
        return awaitResult();
    }

    @Override
    protected StackTraceElement location() {
        return new StackTraceElement(AsyncIO.class.getName(), "sleep", "AsyncIO.java", -1);
    }
}
