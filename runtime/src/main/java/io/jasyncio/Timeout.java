package io.jasyncio;

import java.util.Objects;

/**
 * asyncio.timeout / asyncio.timeout_at (CPython 3.12+): a deadline on the awaits of one task.
 * When the deadline passes, the task running the scope is cancelled; the scope turns that
 * cancellation into a {@link TimeoutError} when it ends, unless another cancellation was
 * requested meanwhile (which then propagates). {@link AsyncIO#waitFor} is built on it.
 *
 * <p>Java has no {@code async with}: the scope wraps an awaitable instead,
 * {@code await(timeout(10).run(work()))}; a coroutine runs inline in the awaiting task. A
 * {@code Timeout} is entered once; {@link #reschedule} moves the deadline while it runs.
 */
public final class Timeout {
    private enum State {
        CREATED,
        ENTERED,
        EXPIRING,
        EXPIRED,
        EXITED
    }

    private State state = State.CREATED;
    private Double when;
    private Runnable cancelHandle;
    private Task<?> task;
    private int cancelling;

    Timeout(Double when) {
        this.when = when;
    }

    /**
     * The deadline in loop time ({@link EventLoop#time()}), or null for none.
     * @return the deadline, or null
     */
    public Double when() {
        return when;
    }

    /**
     * True once the deadline passed while the scope was active.
     * @return whether the deadline passed while the scope was active
     */
    public boolean expired() {
        return state == State.EXPIRING || state == State.EXPIRED;
    }

    /**
     * Moves the deadline (loop time; null removes it). Only while the scope is active.
     * @param when the new deadline in loop time, or null for none
     */
    public void reschedule(Double when) {
        if (state != State.ENTERED) {
            if (state == State.CREATED) {
                throw new IllegalStateException("Timeout has not been entered");
            }
            throw new IllegalStateException(
                    "Cannot change state of " + state.name().toLowerCase() + " Timeout");
        }
        this.when = when;
        if (cancelHandle != null) {
            cancelHandle.run();
        }
        if (when == null) {
            cancelHandle = null;
        } else {
            EventLoop loop = AsyncIO.getRunningLoop();
            if (when <= loop.time()) {
                cancelHandle = loop.callSoon(this::onTimeout)::cancel;
            } else {
                cancelHandle = loop.callAt(when, this::onTimeout)::cancel;
            }
        }
    }

    /**
     * A lazy coroutine that enters this scope, awaits {@code aw} inside it and leaves it.
     * @param <T> the type of the result
     * @param aw what to wait for
     * @return a lazy coroutine of {@code aw}'s result
     */
    public <T> Coroutine<T> run(Awaitable<T> aw) {
        return new Scoped<>(this, Objects.requireNonNull(aw, "awaitable"), null);
    }

    /**
     * A lazy coroutine that enters this scope, makes the body's coroutine and awaits it inside
     * the scope, then leaves it: {@code await(timeout(5).run(() -> { await(sleep(1)); return done(); }))}
     * is Python's {@code async with asyncio.timeout(5): await asyncio.sleep(1)}. The body is an
     * async lambda or a reference to an {@code @Async} method; what {@code body.get()} throws
     * fails the coroutine after the scope is left.
     */
    public <T> Coroutine<T> run(AsyncSupplier<T> body) {
        return new Scoped<>(this, null, Objects.requireNonNull(body, "body"));
    }

    void enter() {
        if (state != State.CREATED) {
            throw new IllegalStateException("Timeout has already been entered");
        }
        Task<?> current = AsyncIO.currentTask();
        if (current == null) {
            throw new IllegalStateException("Timeout should be used inside a task");
        }
        state = State.ENTERED;
        task = current;
        cancelling = task.cancelling();
        reschedule(when);
    }

    /** Leaves the scope; returns what the awaiting code must throw (null when {@code exc} was null). */
    Throwable exit(Throwable exc) {
        if (cancelHandle != null) {
            cancelHandle.run();
            cancelHandle = null;
        }
        if (state == State.EXPIRING) {
            state = State.EXPIRED;
            if (task.uncancel() <= cancelling && exc != null) {
                // No other cancellation was requested: this one is ours, report it as a timeout.
                if (exc instanceof CancelledError) {
                    TimeoutError timeout = new TimeoutError();
                    timeout.initCause(exc);
                    return timeout;
                }
                exc.addSuppressed(new TimeoutError());
            }
        } else if (state == State.ENTERED) {
            state = State.EXITED;
        }
        return exc;
    }

    private void onTimeout() {
        task.cancel();
        state = State.EXPIRING;
        cancelHandle = null;
    }

    @Override
    public String toString() {
        return "<Timeout [" + state.name().toLowerCase() + "]" + (when != null ? " when=" + when : "") + ">";
    }

    /** The coroutine of {@link #run}: enter, await inline, exit. */
    private static final class Scoped<T> extends AwaitScope<T> {
        private final Timeout scope;
        private Awaitable<T> aw;
        private AsyncSupplier<T> body;

        Scoped(Timeout scope, Awaitable<T> aw, AsyncSupplier<T> body) {
            this.scope = scope;
            this.aw = aw;
            this.body = body;
        }

        @Override
        Object enter() throws Throwable {
            scope.enter();
            Awaitable<T> a = aw;
            aw = null;
            AsyncSupplier<T> b = body;
            if (b != null) {
                // an async lambda's body: made once the scope is entered, its failure is the scope's
                body = null;
                try {
                    a = Objects.requireNonNull(b.get(), "the body returned null instead of a coroutine");
                } catch (Throwable e) {
                    throw scope.exit(e);
                }
            }
            return a;
        }

        @Override
        Throwable failed(Throwable error) {
            return scope.exit(error);
        }

        @Override
        Object succeeded(Object value) {
            scope.exit(null);
            return value;
        }

        @Override
        protected StackTraceElement location() {
            return new StackTraceElement("io.jasyncio.Timeout", "run", null, -1);
        }
    }
}
