package io.jasyncio;

import java.io.PrintStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * asyncio.Task: runs a coroutine on its loop, step by step. Create one with
 * {@link AsyncIO#createTask} or {@link EventLoop#createTask}.
 *
 * <p>A step resumes the innermost suspended coroutine directly and hands each result to the
 * coroutine awaiting it in a loop, so neither the cost of a resume nor the Java stack grows
 * with the depth of the chain of awaiting coroutines. The task is its own wakeup callback:
 * parking on a future and waking up allocate nothing.
 *
 * <p>States. A task is a {@link Future} that only its coroutine completes ({@code setResult} and
 * {@code setException} throw); while pending it moves between these:
 *
 * <pre>
 *   createTask                       the loop runs a step
 *  ───────────▶ scheduled ─────────────────────────────────▶ running
 *                   ▲                                          │
 *                   │ the awaited future is done, the sleep's  │ awaits a pending future,
 *                   │ timer fires, the yield's iteration ends  │ sleeps, or yields (sleep(0))
 *                   │                                          ▼
 *                   └──────────────────────────────────── suspended
 *
 *   running ── the coroutine returns ────────────────────────▶ finished (result)
 *           ── it throws ────────────────────────────────────▶ finished (exception)
 *           ── CancelledError propagates out of it ──────────▶ cancelled
 *
 * | state     | done() | cancelled() | what cancel() does                                      |
 * |-----------|--------|-------------|---------------------------------------------------------|
 * | scheduled | false  | false       | CancelledError is thrown in at the next step (a task     |
 * |           |        |             | that never started ends cancelled, its body never runs)  |
 * | running   | false  | false       | delivered when it next suspends: the future it parks on  |
 * |           |        |             | is cancelled, or CancelledError comes at the next step   |
 * | suspended | false  | false       | cancels the awaited future (or the sleep's timer): the   |
 * |           |        |             | task is scheduled and CancelledError is thrown at its await |
 * | finished  | true   | false       | nothing; returns false                                   |
 * | cancelled | true   | true        | nothing; returns false                                   |
 * </pre>
 *
 * <p>Each {@code cancel()} of a pending task counts a request ({@link #cancelling()});
 * {@link #uncancel()} withdraws one, and at zero an undelivered cancellation with it. The
 * coroutine may catch the {@link CancelledError}: the task then goes on and ends as its
 * coroutine does.
 *
 * @param <T> the type of the result
 */
public final class Task<T> extends Future<T> {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final VarHandle CONTEXT;
    private static final VarHandle NUMBER;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            CONTEXT = lookup.findVarHandle(Task.class, "context", Object.class);
            NUMBER = MethodHandles.privateLookupIn(Extra.class, lookup).findVarHandle(Extra.class, "number", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Waiting on the future in {@link #slot}: wake up with its outcome. */
    private static final int PARKED = 1;
    /** The body ran at least once. */
    private static final int STARTED = 2;
    /** A coroutine was handed to the step loop to start (stack too deep to run it inline). */
    private static final int TRAMPOLINE = 4;
    /** cancel() arrived while not parked: throw CancelledError in at the next step. */
    private static final int MUST_CANCEL = 8;
    /** Something (park, yield, trampoline) will resume the task: a SUSPEND is legitimate. */
    private static final int ARMED = 16;
    /**
     * In {@code sleep(delay > 0)}: waiting for the timer in {@link #slot}, which wakes the task
     * itself. A sleep needs no future: cancelling the task cancels the timer instead.
     */
    private static final int SLEEPING = 32;
    /** Number of cancel requests ({@link #cancelling()}) lives in the bits above these. */
    private static final int CANCELS_SHIFT = 6;

    /**
     * The innermost coroutine: the one suspended (or about to start); the root coroutine
     * before the first step and once the task is done.
     */
    Coroutine<?> current;
    /**
     * While parked: the awaited future; while sleeping: the sleep's timer. Otherwise the value
     * (or {@link Failure}) handed to the coroutine that resumes next; it reads it with
     * {@code awaitResult(task)}.
     */
    Object slot;

    private int flags;
    /**
     * The context this task runs in: the ContextVar values map copied from its creator (most
     * tasks), or a {@link Context} (given at creation, or asked for with {@link #getContext()});
     * or, once the task needs its rarely used state (a name, the number of its default name, a
     * pending cancel message), an {@link Extra} holding that and the context. One field for all
     * of these keeps a parked task small. Replaced by compare-and-set only, so that a name read
     * on another thread (a log line, the task dump) cannot lose the loop's context change.
     */
    private Object context;
    /** The loop's list of pending tasks ({@link AsyncIO#allTasks()}). */
    Task<?> prevLive;

    Task<?> nextLive;

    /**
     * asyncio.Task(coro, loop=..., name=..., context=..., eager_start=...): a task of {@code loop}
     * running {@code coro}. Usually made through {@link EventLoop#createTask} (which applies the
     * loop's {@link TaskFactory}); a task factory calls this constructor.
     *
     * @param loop the loop the task runs on (not closed)
     * @param coro the coroutine to run (not awaited before)
     * @param name the task's name, or null for {@code Task-N}
     * @param context the context the task runs in, or null for a copy of the current one
     * @param eagerStart run the coroutine at once, inside this constructor, until its first
     *     suspension (asyncio 3.12's eager tasks) when called on the thread running {@code loop};
     *     otherwise the task starts in the loop's next iteration
     */
    public Task(EventLoop loop, Coroutine<T> coro, String name, Context context, boolean eagerStart) {
        super(loop);
        Objects.requireNonNull(coro, "a coroutine was expected, got null");
        if (loop.isClosed()) {
            throw new IllegalStateException("Event loop is closed");
        }
        coro = Yield.unshared(coro);
        coro.claim(this);
        this.current = coro;
        this.context = context != null ? context : currentValues(loop);
        if (name != null) {
            extra().name = name;
        }
        loop.taskCreated(this);
        if (eagerStart && EventLoop.RUNNING.get() == loop) {
            eagerStart();
        } else {
            loop.ready(this);
        }
    }

    /** The values a new task copies: the creator's, read without a thread-local inside a step. */
    private static Object currentValues(EventLoop loop) {
        ContextState state = loop.contextState;
        if (loop.currentTask != null && state != null) {
            return Context.valuesOf(state.owner);
        }
        return Context.currentValues();
    }

    /**
     * Runs the first step now, inside the creating code (asyncio's {@code __eager_start}):
     * {@link AsyncIO#currentTask()} is this task meanwhile and the creator's again afterwards. A
     * coroutine that finishes without suspending leaves the task done and never scheduled, and
     * {@link #getCoro()} null.
     */
    private void eagerStart() {
        EventLoop loop = this.loop;
        int depth = loop.inlineDepth;
        try {
            step();
        } finally {
            loop.inlineDepth = depth;
            if (done()) {
                current = null;
            }
        }
    }

    /**
     * The task's name: the one given, else {@code Task-N}. N comes from a counter shared by all
     * tasks of the JVM, taken when the default name is first needed (this method, {@code
     * toString}, the task dump, a JFR event) rather than when the task is created as asyncio
     * does: a task whose name nobody reads then costs no field. The numbers are unique and a
     * name never changes once read; they grow in the order the names are first read.
     * @return the name
     */
    public String getName() {
        String n = context instanceof Extra e ? e.name : null;
        return n != null ? n : "Task-" + number();
    }

    /**
     * Renames the task.
     * @param name the new name
     */
    public void setName(String name) {
        extra().name = String.valueOf(name);
    }

    /**
     * The coroutine this task runs; null for a task that finished during its eager start
     * (asyncio 3.12+).
     * @return the coroutine
     */
    @SuppressWarnings("unchecked")
    public Coroutine<T> getCoro() {
        Coroutine<?> c = current;
        if (c == null) {
            return null;
        }
        for (Coroutine<?> up; (up = c.awaiter()) != null; ) {
            c = up;
        }
        return (Coroutine<T>) c;
    }

    /**
     * The context the task runs in (asyncio's {@code Task.get_context()}): the one given at
     * creation, else the copy of its creator's context it made then. What the task sets with
     * {@link ContextVar#set} shows in it, and what {@link Context#run} sets in it shows in the task.
     */
    public Context getContext() {
        Object c = context();
        if (c instanceof Context ctx) {
            return ctx;
        }
        Context ctx = Context.materialise(c);
        context(ctx);
        return ctx;
    }

    /** The context field's value without the {@link Extra}: a values map or a {@link Context}. */
    final Object context() {
        Object c = context;
        return c instanceof Extra e ? e.context : c;
    }

    /** Sets what {@link #context()} returns. */
    final void context(Object c) {
        for (; ; ) {
            Object current = context;
            if (current instanceof Extra e) {
                e.context = c;
                return;
            }
            if (CONTEXT.compareAndSet(this, current, c)) {
                return;
            }
        }
    }

    /**
     * The task's stack, oldest first: while suspended, one element per awaiting coroutine at the
     * line of its await; the traceback frames when it failed; empty when it finished or was
     * cancelled (asyncio's Task.get_stack).
     * @return the stack frames, oldest first
     */
    public List<StackTraceElement> getStack() {
        return TaskStack.of(this, -1);
    }

    /**
     * {@link #getStack()} capped at {@code limit} frames, the oldest ones: the task's own
     * coroutine first (asyncio's {@code get_stack(limit=1)} is the task's coroutine), the oldest
     * frames of a traceback.
     * @param limit the most frames to include
     * @return at most {@code limit} stack frames, oldest first
     */
    public List<StackTraceElement> getStack(int limit) {
        return TaskStack.of(this, Math.max(limit, 0));
    }

    /** Prints {@link #getStack()} to {@code System.err}, newest frame first like a Java stack trace. */
    public void printStack() {
        TaskStack.print(this, -1, System.err);
    }

    /**
     * Prints at most {@code limit} frames of {@link #getStack(int)} to {@code out}, newest first.
     * @param limit the most frames to include
     * @param out where to print
     */
    public void printStack(int limit, PrintStream out) {
        TaskStack.print(this, Math.max(limit, 0), out);
    }

    /** Tasks complete only from their coroutine (asyncio raises RuntimeError too). */
    @Override
    public void setResult(T value) {
        throw new IllegalStateException("Task does not support setResult operation");
    }

    @Override
    public void setException(Throwable exception) {
        throw new IllegalStateException("Task does not support setException operation");
    }

    /**
     * Requests cancellation: {@link CancelledError} is thrown into the coroutine at its
     * suspended await on a later loop step (the future it awaits is cancelled). The coroutine
     * may catch it; {@link #cancelled()} becomes true only if it propagates. False when the
     * task is already done.
     */
    @Override
    public boolean cancel(String message) {
        if (done()) {
            if (outcome instanceof Failure f) {
                f.retrieved = true; // asyncio: cancel() clears the "never retrieved" report
            }
            return false;
        }
        flags += 1 << CANCELS_SHIFT;
        if (Jfr.recording) JfrEvents.taskCancelled(this, message);
        if ((flags & PARKED) != 0 && ((Future<?>) slot).cancel(message)) {
            // stays parked: the waited future may be a task that refuses, so a later cancel may retry
            return true;
        }
        if ((flags & SLEEPING) != 0) {
            interruptSleep(message);
            return true;
        }
        flags |= MUST_CANCEL;
        cancelMessage(message);
        return true;
    }

    /**
     * The number of pending cancellation requests (asyncio 3.11).
     * @return the number of pending cancellation requests
     */
    public int cancelling() {
        return flags >>> CANCELS_SHIFT;
    }

    /**
     * Decrements the count of cancellation requests and returns it. When it reaches zero a
     * cancellation that was not delivered yet is withdrawn (asyncio 3.13; 3.11 keeps it).
     * @return the remaining number of cancellation requests
     */
    public int uncancel() {
        int n = flags >>> CANCELS_SHIFT;
        if (n > 0) {
            n--;
            flags = (flags & ((1 << CANCELS_SHIFT) - 1)) | (n << CANCELS_SHIFT);
            if (n == 0) {
                flags &= ~MUST_CANCEL;
            }
        }
        return n;
    }

    // ---- the step loop ----------------------------------------------------------------

    /** One step: resume the innermost coroutine; run until the task parks, yields or ends. */
    final void step() {
        // an eager start runs inside another task's step: restore that task and its context after
        EventLoop loop = this.loop;
        ContextState state = loop.contextState;
        Task<?> previousTask = loop.currentTask;
        Object previousOwner = state.owner;
        try {
            stepInLoop();
        } finally {
            loop.currentTask = previousTask;
            state.owner = previousOwner;
        }
    }

    /**
     * {@link #step()} as the loop runs it, between other steps and callbacks: makes this task the
     * current task and the owner of the loop thread's context state. Afterwards
     * no task is current, but the owner is left as it is: the loop puts its own back before it
     * runs anything else ({@code EventLoop.runReady}), which saves a read and a write per step.
     */
    final void stepInLoop() {
        if (done()) {
            return;
        }
        int f = flags;
        Object in = slot;
        if ((f & PARKED) != 0) {
            in = ((Future<?>) in).outcome;
            if (in instanceof Failure failure) {
                in = awaitedFailure(failure);
            }
        }
        slot = null;
        flags = f & ~PARKED;
        if ((f & (MUST_CANCEL | STARTED)) != STARTED) {
            rareStep(f, in);
        } else {
            drive(current, in);
        }
    }

    /** The awaited future failed: what the await throws (a cancellation's error goes to one awaiter). */
    private static Object awaitedFailure(Failure failure) {
        failure.retrieved = true;
        return failure.cancelled ? Failure.of(failure.take()) : failure;
    }

    /**
     * A step that delivers a cancellation or is the first one (out of {@link #step} so that the
     * common step stays small enough for the JIT to compile and inline early).
     */
    private void rareStep(int f, Object in) {
        if ((f & MUST_CANCEL) != 0) {
            flags &= ~MUST_CANCEL;
            if (!(in instanceof Failure failure && failure.error instanceof CancelledError)) {
                in = Failure.of(CancelledError.delivered(cancelMessage()));
            }
            cancelMessage(null);
        }
        if ((f & STARTED) == 0) {
            flags |= STARTED;
            if (in instanceof Failure failure) {
                // thrown into a coroutine that never started: its body never runs
                current.finish();
                end(null, failure.error);
                return;
            }
            in = null;
        }
        drive(current, in);
    }

    /**
     * Runs the step as the loop's current task, in the task's context: resumes {@code c} with
     * {@code in}; when it suspends at an await (the common case) that is the step. A running
     * task's stack ({@code TaskStack}) ends at this method's frame: keep its name.
     */
    private void drive(Coroutine<?> c, Object in) {
        EventLoop loop = this.loop;
        loop.contextState.owner = this;
        loop.currentTask = this;
        loop.inlineDepth = 0;
        try {
            slot = in;
            Object r;
            try {
                r = c.resume(this);
            } catch (Throwable e) {
                driveOn(c, in, null, e);
                return;
            }
            int f = flags;
            if (r == Suspend.SUSPEND && (f & (TRAMPOLINE | ARMED)) == ARMED) {
                flags = f & ~ARMED;
                return;
            }
            driveOn(c, in, r, null);
        } finally {
            loop.currentTask = null;
        }
    }

    /**
     * The rest of a step after {@code c}, resumed with {@code in}, returned {@code r} or threw
     * {@code err}: starts a trampolined coroutine, or hands the outcome to the awaiting coroutine
     * and resumes that, in a loop (no Java recursion), until one suspends or the root ends the task.
     */
    private void driveOn(Coroutine<?> c, Object in, Object r, Throwable err) {
        int recorded = 0;
        for (; ; ) {
            if (err != null && in instanceof Failure f && f.error == err && recorded < TaskStack.MAX_RECORDED) {
                // c let through the failure it was resumed with: put it in the async stack trace
                recorded++;
                TaskStack.recordAwaiter(err, c);
            }
            if (r == Suspend.SUSPEND && err == null) {
                int f = flags;
                flags = f & ~(TRAMPOLINE | ARMED);
                if ((f & TRAMPOLINE) != 0) {
                    c = current;
                    in = null;
                } else if ((f & ARMED) != 0) {
                    return;
                } else {
                    // a hand-written coroutine returned SUSPEND without a pending await: nothing would ever resume it
                    err = new IllegalStateException(c + " returned SUSPEND but awaitStep() did not suspend");
                }
            }
            if (r != Suspend.SUSPEND || err != null) {
                Object parent = c.caller;
                c.finish();
                if (!(parent instanceof Coroutine<?> p)) { // the root: its caller is this task
                    current = c;
                    end(r, err);
                    return;
                }
                current = p;
                c = p;
                in = err == null ? r : Failure.of(err);
            }
            slot = in;
            err = null;
            try {
                r = c.resume(this);
            } catch (Throwable e) {
                r = null;
                err = e;
            }
        }
    }

    /** The root coroutine returned {@code r} or threw {@code err}. */
    private void end(Object r, Throwable err) {
        slot = null;
        loop.taskDone(this);
        if (err == null && (flags & MUST_CANCEL) == 0) {
            complete(r);
        } else {
            endAbnormally(err);
        }
    }

    /** The end of a task whose coroutine failed, or that was cancelled right before its coroutine returned. */
    private void endAbnormally(Throwable err) {
        if (err == null) {
            // cancelled right before the coroutine returned: asyncio reports it cancelled
            flags &= ~MUST_CANCEL;
            super.cancel(cancelMessage());
            cancelMessage(null);
        } else if (err instanceof CancelledError ce) {
            complete(Failure.cancelled(ce));
        } else {
            complete(Failure.of(err));
            if (err instanceof VirtualMachineError vme) {
                throw vme;
            }
        }
    }

    /** {@code frame} awaits the pending future {@code f}: suspend until it is done. */
    final Object park(Coroutine<?> frame, Future<?> f) {
        if (f.loop != loop || f == this) {
            return refusePark(frame, f);
        }
        current = frame;
        slot = f;
        flags |= PARKED | ARMED;
        f.addCallback(this);
        if ((flags & MUST_CANCEL) != 0) {
            cancelAwaited(f);
        }
        return Suspend.SUSPEND;
    }

    /** {@code frame} awaits a future of another loop, or this task itself: the await fails on the next step. */
    private Object refusePark(Coroutine<?> frame, Future<?> f) {
        if (f.loop != loop) {
            return failSoon(
                    frame,
                    new IllegalStateException("Task " + this + " got Future " + f + " attached to a different loop"));
        }
        return failSoon(frame, new IllegalStateException("Task cannot await on itself: " + this));
    }

    /** A cancellation that arrived while the task ran goes to the future it now awaits. */
    private void cancelAwaited(Future<?> f) {
        if (f.cancel(cancelMessage())) {
            flags &= ~MUST_CANCEL;
            cancelMessage(null);
        }
    }

    /**
     * {@code frame} (a sleep) waits for {@code timer}, already scheduled, which calls
     * {@link #wakeFromSleep} when due. A cancellation that arrived while the task ran is
     * delivered as asyncio does to a future awaited then: at once, resuming on the next step.
     */
    final Object sleep(Coroutine<?> frame, TimerHandle timer) {
        current = frame;
        slot = timer;
        flags |= SLEEPING | ARMED;
        if ((flags & MUST_CANCEL) != 0) {
            flags &= ~MUST_CANCEL;
            String message = cancelMessage();
            cancelMessage(null);
            interruptSleep(message);
        }
        return Suspend.SUSPEND;
    }

    /** From the sleep's timer: resume with {@code value} on the next step. */
    final void wakeFromSleep(TimerHandle timer, Object value) {
        if ((flags & SLEEPING) != 0 && slot == timer) {
            flags &= ~SLEEPING;
            slot = value;
            loop.ready(this);
        }
    }

    /** Cancels the sleep's timer; the task resumes on the next step with CancelledError at the sleep. */
    private void interruptSleep(String message) {
        ((TimerHandle) slot).cancel();
        flags &= ~SLEEPING;
        slot = Failure.cancelled(CancelledError.delivered(message));
        loop.ready(this);
    }

    /** {@code frame} gives up the loop for one iteration, then resumes with {@code value}. */
    final Object yieldOnce(Coroutine<?> frame, Object value) {
        current = frame;
        slot = value;
        flags |= ARMED;
        loop.ready(this);
        return Suspend.SUSPEND;
    }

    /** Resumes {@code frame} on the next step with {@code error} thrown at its await (as asyncio does). */
    private Object failSoon(Coroutine<?> frame, Throwable error) {
        return yieldOnce(frame, Failure.of(error));
    }

    /** Starts {@code child} from the step loop instead of deeper on the Java stack. */
    final Object trampoline(Coroutine<?> child) {
        current = child;
        flags |= TRAMPOLINE | ARMED;
        return Suspend.SUSPEND;
    }

    private Extra extra() {
        for (; ; ) {
            Object c = context;
            if (c instanceof Extra e) {
                return e;
            }
            Extra e = new Extra(c);
            if (CONTEXT.compareAndSet(this, c, e)) {
                return e;
            }
        }
    }

    private String cancelMessage() {
        return context instanceof Extra e ? e.cancelMessage : null;
    }

    private void cancelMessage(String message) {
        if (message != null) {
            extra().cancelMessage = message;
        } else if (context instanceof Extra e) {
            e.cancelMessage = null;
        }
    }

    /** The fields most tasks never need, kept out of the task (with its context) to keep a parked task small. */
    private static final class Extra {
        String name;
        String cancelMessage;
        /** The task's context: a values map or a {@link Context}. */
        Object context;
        /** N of the default name {@code Task-N}; 0 until first needed. Set by compare-and-set. */
        int number;

        Extra(Object context) {
            this.context = context;
        }
    }

    /** The future this task is parked on, or null. */
    final Future<?> waitingOn() {
        return (flags & PARKED) != 0 ? (Future<?>) slot : null;
    }

    /** For the task dump: the future this task is parked on or its sleep's timer; null when neither. */
    final Object waitTarget() {
        return (flags & SLEEPING) != 0 ? slot : waitingOn();
    }

    /** The number of the default name {@code Task-N}, unique in the JVM (the task dump's id). */
    final int number() {
        Extra e = extra();
        int n = e.number;
        if (n == 0) {
            n = COUNTER.incrementAndGet();
            if (!NUMBER.compareAndSet(e, 0, n)) {
                n = e.number; // another thread named it first
            }
        }
        return n;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<Task ")
                .append(stateName())
                .append(" name='")
                .append(getName())
                .append("' coro=")
                .append(getCoro())
                .append(outcomeText())
                .append(CreationSites.suffix(this));
        Object w = (flags & SLEEPING) != 0 ? slot : waitingOn();
        if (w != null) {
            sb.append(" wait_for=").append(w);
        }
        return sb.append('>').toString();
    }
}
