package io.jasyncio;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * asyncio.Future: the eventual result of an operation, bound to one {@link EventLoop}.
 * Not thread-safe: use it on its loop's thread only (from other threads go through
 * {@link EventLoop#callSoonThreadsafe}).
 *
 * <p>Done callbacks are never run inside {@code setResult}/{@code setException}/{@code cancel}:
 * they are scheduled on the loop with call-soon, in registration order.
 *
 * <p>States (asyncio's {@code _state}); a done future never changes again:
 *
 * <pre>
 *                  setResult(v) / setException(e)
 *      pending ─────────────────────────────────▶ finished
 *         │
 *         │ cancel()
 *         ▼
 *     cancelled
 *
 * | state     | done() | cancelled() | result()                    | exception()        |
 * |-----------|--------|-------------|-----------------------------|--------------------|
 * | pending   | false  | false       | InvalidStateError           | InvalidStateError  |
 * | finished  | true   | false       | v, or throws e              | null, or e         |
 * | cancelled | true   | true        | throws CancelledError       | throws CancelledError |
 * </pre>
 *
 * <p>{@code setResult}, {@code setException} on a done future throw {@link InvalidStateError};
 * {@code cancel()} on a done future returns false.
 *
 * @param <T> the type of the result
 */
public non-sealed class Future<T> implements Awaitable<T> {
    final EventLoop loop;
    /** {@link Pending#PENDING}, the result value, or a {@link Failure} (exception or cancelled). */
    Object outcome = Pending.PENDING;
    /** null, one callback (a {@code Consumer} or a waiting {@link Task}), or {@link Callbacks}. */
    private Object callbacks;

    /** A future bound to the running loop; fails with "no running event loop" outside one. */
    public Future() {
        this(EventLoop.running("Future()"));
    }

    /**
     * A pending future of {@code loop}; in the loop's debug mode it records where it was created.
     * @param loop the loop whose thread completes the future and runs its callbacks
     */
    public Future(EventLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
        if (loop.getDebug()) {
            CreationSites.record(this);
        }
    }

    /**
     * The loop this future belongs to.
     * @return the loop
     */
    public EventLoop getLoop() {
        return loop;
    }

    /**
     * True once the future has a result, an exception, or was cancelled.
     * @return whether the future is done
     */
    public boolean done() {
        return outcome != Pending.PENDING;
    }

    /**
     * True when the future was cancelled.
     * @return whether the future is cancelled
     */
    public boolean cancelled() {
        return outcome instanceof Failure f && f.cancelled;
    }

    /**
     * The result; rethrows the exception the future ended with (as is, so a checked exception
     * escapes undeclared, as {@code await} does); {@link CancelledError} when cancelled;
     * {@link InvalidStateError} when not done yet.
     * @return the result
     */
    @SuppressWarnings("unchecked")
    public T result() {
        Object o = outcome;
        if (o instanceof Failure f) {
            f.retrieved = true;
            throw Throw.sneaky(f.take());
        }
        if (o == Pending.PENDING) {
            throw new InvalidStateError("Result is not set.");
        }
        return (T) o;
    }

    /**
     * The exception the future ended with, or null; {@link CancelledError} when cancelled.
     * @return the exception, or null when the future has a result
     */
    public Throwable exception() {
        Object o = outcome;
        if (o == Pending.PENDING) {
            throw new InvalidStateError("Exception is not set.");
        }
        if (o instanceof Failure f) {
            if (f.cancelled) {
                throw (CancelledError) f.take();
            }
            f.retrieved = true;
            return f.error;
        }
        return null;
    }

    /**
     * Completes the future with {@code value}; {@link InvalidStateError} when it is already done.
     * @param value the result
     */
    public void setResult(T value) {
        if (outcome != Pending.PENDING) {
            throw new InvalidStateError("invalid state: " + this);
        }
        complete(value);
    }

    /**
     * Completes the future with {@code exception}; {@link InvalidStateError} when it is already done.
     * @param exception the failure, not null
     */
    public void setException(Throwable exception) {
        Objects.requireNonNull(exception, "exception");
        if (outcome != Pending.PENDING) {
            throw new InvalidStateError("invalid state: " + this);
        }
        complete(Failure.of(exception));
    }

    /**
     * Cancels the future: false when it is already done.
     * @return true when this call cancelled the future
     */
    public boolean cancel() {
        return cancel(null);
    }

    /**
     * Cancels the future; {@code message} becomes the message of the {@link CancelledError}.
     * @param message the message of the CancelledError
     * @return true when this call cancelled the future
     */
    public boolean cancel(String message) {
        Object o = outcome;
        if (o != Pending.PENDING) {
            if (o instanceof Failure f) {
                f.retrieved = true; // asyncio: cancel() clears the "never retrieved" report
            }
            return false;
        }
        complete(Failure.cancelledWith(message));
        return true;
    }

    /** Stores the outcome (value or {@link Failure}) and schedules the done callbacks. */
    void complete(Object result) {
        outcome = result;
        if (Jfr.recording && this instanceof Task<?> t) JfrEvents.taskFinished(t);
        if (result instanceof Failure f && !f.cancelled) {
            NeverRetrieved.watch(this, f);
        }
        Object cb = callbacks;
        if (cb == null) {
            return;
        }
        callbacks = null;
        if (cb instanceof Callbacks list) {
            for (int i = 0; i < list.size; i++) {
                schedule(list.items[i]);
            }
        } else {
            schedule(cb);
        }
    }

    @SuppressWarnings("unchecked")
    private void schedule(Object callback) {
        if (callback instanceof Task<?> task) {
            loop.ready(task);
        } else if (callback instanceof DoneCallback.WithContext w) {
            loop.ready(new DoneCallback<>((Consumer<? super Future<T>>) w.callback, this, w.context));
        } else {
            loop.ready(new DoneCallback<>((Consumer<? super Future<T>>) callback, this, Context.EMPTY));
        }
    }

    /**
     * Adds a callback run (through the loop, call-soon) once the future is done; scheduled at
     * once when it is already done. It runs in a copy of the context current now, as asyncio's
     * {@code add_done_callback} does.
     * @param callback called with this future
     */
    public void addDoneCallback(Consumer<? super Future<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        Object values = Context.currentValues();
        addCallback(values == Context.EMPTY ? callback : new DoneCallback.WithContext(callback, values));
    }

    /** {@link #addDoneCallback(Consumer)} running the callback in {@code context} (null: a copy of the current one). */
    public void addDoneCallback(Consumer<? super Future<T>> callback, Context context) {
        Objects.requireNonNull(callback, "callback");
        if (context == null) {
            addDoneCallback(callback);
        } else {
            addCallback(new DoneCallback.WithContext(callback, context));
        }
    }

    /** Registers a callback object: a {@code Consumer} or a {@link Task} to wake up. */
    final void addCallback(Object callback) {
        if (outcome != Pending.PENDING) {
            schedule(callback);
            return;
        }
        Object cb = callbacks;
        if (cb == null) {
            callbacks = callback;
        } else if (cb instanceof Callbacks list) {
            list.add(callback);
        } else {
            callbacks = new Callbacks(cb, callback);
        }
    }

    /**
     * Removes every registration equal to {@code callback}; returns how many were removed.
     * @param callback the callback to remove
     * @return the number of registrations removed
     */
    public int removeDoneCallback(Consumer<? super Future<T>> callback) {
        return removeCallback(callback);
    }

    final int removeCallback(Object callback) {
        Object cb = callbacks;
        if (cb == null) {
            return 0;
        }
        if (cb instanceof Callbacks list) {
            int n = list.removeAll(callback);
            if (list.size == 0) {
                callbacks = null;
            }
            return n;
        }
        if (cb.equals(callback)) {
            callbacks = null;
            return 1;
        }
        return 0;
    }

    /**
     * A {@link CompletableFuture} completed (on the loop thread) with this future's outcome; a
     * cancelled future completes it cancelled ({@link CancellationException}). Cancelling the
     * returned future cancels this one (through {@link EventLoop#callSoonThreadsafe}).
     * @return a new CompletableFuture of this outcome
     */
    public CompletableFuture<T> toCompletableFuture() {
        ThreadsafeFuture<T> cf = new ThreadsafeFuture<>(loop);
        cf.bind(this);
        return cf;
    }

    /**
     * A future of the running loop that completes with {@code stage}'s outcome (a
     * {@link CancellationException} cancels it); cancelling it cancels the stage when the stage
     * supports that.
     * @param <T> the type of the result
     * @param stage the completion stage to wait for
     * @return a future of the running loop
     */
    public static <T> Future<T> fromCompletionStage(CompletionStage<T> stage) {
        return fromCompletionStage(stage, EventLoop.running("Future.fromCompletionStage()"));
    }

    /**
     * Like {@link #fromCompletionStage(CompletionStage)}, on the given loop.
     * @param <T> the type of the result
     * @param stage the completion stage to wait for
     * @param loop the loop of the new future
     * @return a future of {@code loop}
     */
    public static <T> Future<T> fromCompletionStage(CompletionStage<T> stage, EventLoop loop) {
        Objects.requireNonNull(stage, "stage");
        CompletableFuture<T> cf = null;
        try {
            cf = stage.toCompletableFuture();
        } catch (UnsupportedOperationException e) {
            // a minimal stage: only its callbacks can be used, and it cannot be cancelled
        }
        if (cf != null && cf.isDone()) {
            Future<T> now = new Future<>(loop);
            now.settleFrom(cf);
            return now;
        }
        ForeignFuture<T> f = new ForeignFuture<>(loop);
        if (cf != null) {
            f.cancelsSource(cf);
        }
        stage.whenComplete(f::settleThreadsafe);
        return f;
    }

    private void settleFrom(CompletableFuture<T> cf) {
        try {
            setResult(cf.join());
        } catch (CompletionException | CancellationException e) {
            settleFailure(e);
        }
    }

    /** Completes from a {@code java.util.concurrent} failure: unwraps it, maps cancellation. */
    final void settleFailure(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof CancellationException ce) {
            cancel(ce.getMessage());
        } else {
            setException(e);
        }
    }

    /** "pending", "cancelled" or "finished", as asyncio prints it. */
    final String stateName() {
        Object o = outcome;
        if (o == Pending.PENDING) {
            return "pending";
        }
        return o instanceof Failure f && f.cancelled ? "cancelled" : "finished";
    }

    /** " result=…" or " exception=…" for a finished future, else "". */
    final String outcomeText() {
        Object o = outcome;
        if (o == Pending.PENDING || o instanceof Failure f && f.cancelled) {
            return "";
        }
        if (o instanceof Failure f) {
            return " exception=" + f.error;
        }
        return " result=" + o;
    }

    @Override
    public String toString() {
        return "<Future " + stateName() + outcomeText() + CreationSites.suffix(this) + ">";
    }
}
