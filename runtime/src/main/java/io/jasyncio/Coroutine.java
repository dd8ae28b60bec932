package io.jasyncio;

import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * A coroutine object: what calling an {@link Async} method returns. It is lazy: no line of
 * its body runs until it is awaited (then it runs inline in the awaiting task) or wrapped in a
 * {@link Task}. It can be awaited once.
 *
 * <p>Rewritten {@code @Async} methods produce {@link io.jasyncio.internal.Frame} instances.
 * A coroutine can also be written by hand (the counterpart of asyncio's generator-based
 * coroutines): subclass this class and implement {@link #resume(Task)} as a small state machine
 * that calls {@link #awaitStep(Task, Object)} and {@link #awaitResult(Task)} with the task it was
 * resumed by. A coroutine does not keep its task: the task passes itself on every resume. See
 * docs/REWRITER.md and the {@code Countdown} example in the runtime's tests.
 *
 * @param <T> the type of the coroutine's result
 */
public abstract non-sealed class Coroutine<T> implements Awaitable<T> {

    /** Returned by {@link #resume(Task)} when the body suspended at an await. */
    protected static final Object SUSPEND = Suspend.SUSPEND;

    /**
     * How many coroutines may run nested on the Java stack, each awaiting the next, before
     * the runtime trampolines the next one through the task's step loop.
     */
    static final int MAX_INLINE_DEPTH = 64;

    /**
     * Who took this coroutine, in one field: null while fresh (never awaited nor given to a
     * task); the {@link Task} whose root coroutine it is; the {@code Coroutine} awaiting it; or
     * {@code this} once it finished. The running task is not kept: it is passed to every
     * {@link #resume(Task)}, and a slow path that needs it walks up to the root ({@link #task()}).
     */
    Object caller;

    /** For the rewriter and the runtime: user code makes coroutines by calling {@link Async} methods. */
    protected Coroutine() {
        if (NeverAwaited.enabled) {
            NeverAwaited.created(this);
        }
    }

    /**
     * Runs the body from where it last stopped until it completes (return the result value),
     * fails (throw), or suspends (return {@link #SUSPEND}, only right after
     * {@link #awaitStep(Task, Object)} returned {@code SUSPEND}). Called by the runtime only.
     * @param task the task running this coroutine: pass it to every {@code awaitStep} and
     *     {@code awaitResult} of this resume, and keep it nowhere
     * @return the result, or {@link #SUSPEND}
     * @throws Throwable the failure of the body
     */
    protected abstract Object resume(Task<?> task) throws Throwable;

    /**
     * Starts awaiting {@code awaitable} (an {@link Awaitable} or a
     * {@link java.util.concurrent.CompletionStage}) from this coroutine's body. Returns the
     * awaited value at once when it is available without suspending (a done future, a
     * coroutine that completed inline), or throws its failure. Otherwise returns
     * {@link #SUSPEND}: the body must then save its state and return {@code SUSPEND} from
     * {@link #resume(Task)}; on the next {@code resume} it calls {@link #awaitResult(Task)}.
     * @param task the task this coroutine's {@code resume} was given
     * @param awaitable what to await
     * @return the value now, or {@link #SUSPEND}
     * @throws Throwable the failure of {@code awaitable} when it already failed
     * @throws IllegalStateException when this coroutine is not running, or {@code task} is not
     *     the task running now
     */
    protected final Object awaitStep(Task<?> task, Object awaitable) throws Throwable {
        Object by = caller;
        if (by == null || by == this || task == null || task.loop.currentTask != task) {
            throw notRunning("awaitStep", task);
        }
        Task<?> t = task;
        if (awaitable instanceof Future<?> f) {
            return awaitFuture(t, f);
        }
        if (awaitable instanceof Yield<?> y && y.caller == null) {
            return y.startFor(t, this); // sleep(0): give up the loop for exactly one iteration
        }
        if (awaitable instanceof Sleep<?> s && s.caller == null) {
            return s.startFor(t, this); // this coroutine waits on the timer itself
        }
        if (awaitable instanceof Coroutine<?> c) {
            return awaitCoroutine(t, c);
        }
        return awaitOther(t, awaitable);
    }

    /** Awaits what is not one of the runtime's awaitables: a {@link CompletionStage}, else fails clearly. */
    private Object awaitOther(Task<?> t, Object awaitable) throws Throwable {
        if (awaitable instanceof CompletionStage<?> stage) {
            return awaitFuture(t, Future.fromCompletionStage(stage, t.loop));
        }
        Objects.requireNonNull(awaitable, "await(null): expected a Coroutine, a Future or a CompletionStage");
        throw new IllegalArgumentException("cannot await "
                + awaitable.getClass().getName() + ": expected a Coroutine, a Future or a CompletionStage");
    }

    /** A done future's value (or its failure thrown, with this awaiter recorded), else park the task on it. */
    private Object awaitFuture(Task<?> t, Future<?> f) throws Throwable {
        Object o = f.outcome;
        if (o == Pending.PENDING) {
            return t.park(this, f);
        }
        if (o instanceof Failure failure) {
            failure.retrieved = true;
            Throwable e = failure.take();
            TaskStack.recordRunningAwaiter(e, this);
            throw e;
        }
        return o;
    }

    /** Runs {@code c} inline on this Java stack, or hands it to the task's step loop when the stack is deep. */
    private Object awaitCoroutine(Task<?> t, Coroutine<?> c) throws Throwable {
        c.claim(this);
        EventLoop loop = t.loop;
        if (loop.inlineDepth >= MAX_INLINE_DEPTH) {
            return t.trampoline(c);
        }
        loop.inlineDepth++;
        Object r;
        try {
            r = c.resume(t);
        } catch (Throwable e) {
            c.finish();
            TaskStack.recordRunningAwaiter(e, this);
            throw e;
        } finally {
            loop.inlineDepth--;
        }
        if (r != SUSPEND) {
            c.finish();
        }
        return r;
    }

    /**
     * After a suspension: the awaited value, or throws the awaited failure (a
     * {@link CancelledError} when the task was cancelled while suspended here).
     * @param task the task this coroutine's {@code resume} was given
     * @return the awaited value
     * @throws Throwable the failure of the awaited awaitable
     * @throws IllegalStateException when this coroutine is not running, or {@code task} is not
     *     the task running now
     */
    protected final Object awaitResult(Task<?> task) throws Throwable {
        Object by = caller;
        if (by == null || by == this || task == null || task.loop.currentTask != task) {
            throw notRunning("awaitResult", task);
        }
        Object in = task.slot;
        task.slot = null;
        if (in instanceof Failure failure) {
            throw failure.error;
        }
        return in;
    }

    /** The error of an await outside the running body, or with a task that is not the one running. */
    private IllegalStateException notRunning(String what, Task<?> task) {
        Object by = caller;
        if (by == null || by == this || task == null) {
            return new IllegalStateException(what + "() called outside the running body of " + this);
        }
        return new IllegalStateException(what + "() of " + this + " given " + task
                + ", which is not the task running now (pass the task resume() was given)");
    }

    /**
     * Takes this fresh coroutine: for {@code by}, the task it becomes the root of, or the
     * coroutine awaiting it. A used one fails clearly.
     */
    final void claim(Object by) {
        Object c = caller;
        if (c != null) {
            throw new IllegalStateException(
                    c == this
                            ? "cannot reuse already awaited coroutine " + this
                            : "coroutine is being awaited already: " + this);
        }
        caller = by;
        if (NeverAwaited.enabled) {
            NeverAwaited.awaited(this);
        }
    }

    /**
     * Closes a coroutine that never started (asyncio's {@code coro.close()} of a fresh coroutine):
     * its body never runs, the debug-mode "never awaited" report does not count it, and awaiting
     * it later fails as a reuse. A coroutine already awaited or given to a task is left alone.
     */
    final void closeUnstarted() {
        if (this == Yield.SHARED) {
            Yield.unshared(this);
        } else if (caller == null) {
            finish();
            if (NeverAwaited.enabled) {
                NeverAwaited.awaited(this);
            }
        }
    }

    /** Marks this coroutine as finished and lets go of what it still holds. */
    final void finish() {
        caller = this;
        releaseState();
    }

    /**
     * Called once when the coroutine has run to its end (returned or thrown): lets go of the
     * values it kept across suspensions, so that a finished coroutine someone still references
     * keeps nothing else alive. A rewritten frame clears its slots; by default nothing.
     */
    protected void releaseState() {}

    /** True once the coroutine ran to its end (returned or threw). */
    final boolean isFinished() {
        return caller == this;
    }

    /** The coroutine awaiting this one; null for a task's root, a fresh or a finished coroutine. */
    final Coroutine<?> awaiter() {
        Object c = caller;
        return c instanceof Coroutine<?> k && k != this ? k : null;
    }

    /**
     * The task this coroutine runs in, found by walking up the awaiting coroutines to the task's
     * root (for slow paths: stacks, dumps, debugging); null when fresh, finished, or awaited by a
     * coroutine that is not in a task (yet).
     */
    final Task<?> task() {
        Coroutine<?> c = this;
        for (Coroutine<?> up; (up = c.awaiter()) != null; ) {
            c = up;
        }
        return c.caller instanceof Task<?> t ? t : null;
    }

    /**
     * Where this coroutine is (for task stacks and {@code toString}); hand-written ones may override.
     * @return the location
     */
    protected StackTraceElement location() {
        return new StackTraceElement(getClass().getName(), "resume", null, -1);
    }

    /**
     * Where this coroutine's body is while it runs, asked when an await in it failed at once (for
     * the async stack trace; null records nothing). By default {@link #location()}; a rewritten
     * frame answers with its method's frame on the Java stack, at the line of that await.
     */
    protected StackTraceElement runningLocation() {
        return location();
    }

    /**
     * The coroutine's name in debug-mode warnings ("coroutine '…' was never awaited"), given
     * {@code creator}, the code that created it (null when unknown). Asked while the coroutine
     * is being constructed, so it must not read the coroutine's fields. By default the simple
     * class name; a rewritten frame answers with its {@code @Async} method, its creator.
     */
    protected String nameAtCreation(StackTraceElement creator) {
        return getClass().getSimpleName();
    }

    /** The coroutine's name: the method of a rewritten one, the class of a hand-written one. */
    String coroutineName() {
        StackTraceElement where = location();
        return "resume".equals(where.getMethodName()) ? getClass().getSimpleName() : where.getMethodName();
    }

    @Override
    public String toString() {
        return "<coroutine object " + coroutineName() + " at 0x" + Integer.toHexString(System.identityHashCode(this))
                + ">";
    }
}
