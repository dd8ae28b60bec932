package io.jasyncio;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * asyncio.TaskGroup (3.11+): a scope whose tasks all finish before it does.
 *
 * <p>Java has no {@code async with}: the scope is a call that takes the body and returns a lazy
 * coroutine, {@code await(taskGroup(tg -> body(tg)))}, or with a group made first,
 * {@code await(tg.run(body(tg)))}. The body runs inline in the awaiting task (the group's
 * <em>parent task</em>), not in a task of its own. When it ends, the group waits for every task
 * created with {@link #createTask}; the body's value is the value of the scope.
 *
 * <p>The first failure of a child cancels the body (at its current await) and every other child;
 * the group still waits for all of them, then throws every failure at once in an
 * {@link ExceptionGroup} (a {@link BaseExceptionGroup} when one of them is an {@code Error}), the
 * body's own failure last. Children that ended cancelled are not failures. A cancellation of the
 * parent task from outside cancels the children and comes out as the {@link CancelledError}
 * (unless children failed: the group has priority), and the group withdraws the cancellation it
 * requested itself ({@link Task#uncancel()}), so an enclosing {@link Timeout} still sees its own.
 * A {@link VirtualMachineError} (asyncio's KeyboardInterrupt/SystemExit) from the body or a child
 * is thrown as it is, after the children finished; the other failures then go to the loop's
 * exception handler.
 */
public final class TaskGroup {
    private boolean entered;
    private boolean exiting;
    private boolean aborting;
    private EventLoop loop;
    private Task<?> parentTask;
    private boolean parentCancelRequested;
    private final Set<Task<?>> tasks = new LinkedHashSet<>();
    private List<Throwable> errors = new ArrayList<>();
    private Throwable baseError;
    private Future<Boolean> onCompleted;
    private boolean cancelOnEnter;
    private final Consumer<Future<?>> onTaskDone = this::onTaskDone;

    /** A group to enter with {@link #run}; {@link AsyncIO#taskGroup} makes and enters one at once. */
    public TaskGroup() {}

    /**
     * A lazy coroutine that enters this group, awaits {@code body} in it (inline, in the awaiting
     * task), waits for the group's tasks and leaves. A group is entered once.
     */
    public <T> Coroutine<T> run(Awaitable<T> body) {
        Objects.requireNonNull(body, "body");
        return new Scope<>(this, null, body);
    }

    /**
     * {@link #run(Awaitable)} with the body made from this group once the scope is entered: an
     * async lambda {@code tg -> { ...; return done(); }} or a reference to an {@link Async} method
     * taking the group. What {@code body.apply} throws fails the scope like a failure of the body.
     */
    public <T> Coroutine<T> run(AsyncFunction<? super TaskGroup, T> body) {
        Objects.requireNonNull(body, "body");
        return new Scope<>(this, body, null);
    }

    /** Starts {@code coro} in a task of this group (asyncio's {@code tg.create_task}). */
    public <T> Task<T> createTask(Coroutine<T> coro) {
        return createTask(coro, null);
    }

    /**
     * {@link #createTask(Coroutine)} with a name. Fails with {@link IllegalStateException} when
     * the group was not entered, is finished or is shutting down (a child failed or the parent was
     * cancelled); {@code coro} is then closed without running.
     */
    public <T> Task<T> createTask(Coroutine<T> coro, String name) {
        Objects.requireNonNull(coro, "a coroutine was expected, got null");
        String refused = !entered
                ? "has not been entered"
                : exiting && tasks.isEmpty() ? "is finished" : aborting ? "is shutting down" : null;
        if (refused != null) {
            coro.closeUnstarted();
            throw new IllegalStateException("TaskGroup " + this + " " + refused);
        }
        Task<T> task = loop.createTask(coro, name);
        // the callback is added even when the task is already done (an eager task may be), so
        // that its failure cancels the parent from the loop, not in the middle of this call
        tasks.add(task);
        task.addCallback(onTaskDone);
        if (aborting && !task.done()) {
            task.cancel();
        }
        return task;
    }

    /**
     * Cancels the group: every unfinished child and the body (the parent task), which then leave
     * the scope without a {@link CancelledError} (CPython's newest {@code TaskGroup.cancel()}).
     * Before the group is entered it is cancelled on entry; after it finished this does nothing.
     */
    public void cancel() {
        if (!entered) {
            cancelOnEnter = true;
            return;
        }
        if (exiting && tasks.isEmpty()) {
            return;
        }
        if (!aborting) {
            abort();
            if (parentTask != null && !parentCancelRequested) {
                parentCancelRequested = true;
                parentTask.cancel();
            }
        }
    }

    private void enter() {
        if (entered) {
            throw new IllegalStateException("TaskGroup " + this + " has already been entered");
        }
        if (loop == null) {
            loop = EventLoop.running("TaskGroup");
        }
        parentTask = loop.currentTask;
        if (parentTask == null) {
            throw new IllegalStateException("TaskGroup " + this + " cannot determine the parent task");
        }
        entered = true;
        if (cancelOnEnter) {
            cancel();
        }
    }

    private static boolean isBaseError(Throwable e) {
        return e instanceof VirtualMachineError;
    }

    private void abort() {
        aborting = true;
        for (Task<?> t : new ArrayList<>(tasks)) {
            if (!t.done()) {
                t.cancel();
            }
        }
    }

    private void onTaskDone(Future<?> f) {
        Task<?> task = (Task<?>) f;
        tasks.remove(task);
        if (onCompleted != null && tasks.isEmpty() && !onCompleted.done()) {
            onCompleted.setResult(true);
        }
        if (task.cancelled()) {
            return;
        }
        Throwable exc = task.exception();
        if (exc == null) {
            return;
        }
        errors.add(exc);
        if (isBaseError(exc) && baseError == null) {
            baseError = exc;
        }
        if (parentTask.done()) {
            loop.callExceptionHandler(new ExceptionContext(
                    "Task " + task + " has errored out but its parent task " + parentTask + " is already completed",
                    exc,
                    task,
                    null));
            return;
        }
        if (!aborting && !parentCancelRequested) {
            // cancel whatever the body awaits now; exit() withdraws this cancellation again
            abort();
            parentCancelRequested = true;
            parentTask.cancel();
        }
    }

    // ---- leaving the scope (asyncio's __aexit__), driven by Scope ---------------------------

    /** The state of one exit, kept while the group waits for its children. */
    private Throwable bodyError;

    private Throwable propagateCancellation;
    private Throwable pendingCancellation;

    private void beginExit(Throwable exc) {
        exiting = true;
        bodyError = exc;
        if (exc != null && isBaseError(exc) && baseError == null) {
            baseError = exc;
        }
        propagateCancellation = exc instanceof CancelledError ? exc : null;
        if (exc != null && !aborting) {
            // the parent is being cancelled, or the body failed
            abort();
        }
        pendingCancellation = null;
    }

    /** The future the exit waits on until no child is left, or null when none is. */
    private Future<Boolean> childrenPending() {
        if (tasks.isEmpty()) {
            return null;
        }
        if (onCompleted == null) {
            onCompleted = loop.createFuture();
        }
        return onCompleted;
    }

    /** The wait for the children was cancelled: the parent is cancelled from outside (or again). */
    private void waitCancelled(CancelledError ex) {
        pendingCancellation = ex;
        if (!aborting) {
            propagateCancellation = ex;
            abort();
        }
    }

    /** All children are done: what the scope throws, or null when it ends normally. */
    private Throwable endExit() {
        Throwable exc = bodyError;
        Throwable propagate = propagateCancellation;
        Throwable pending = pendingCancellation;
        List<Throwable> errs = errors;
        Throwable base = baseError;
        Task<?> parent = parentTask;
        // let go of the failures and the parent (the group object may outlive them)
        bodyError = null;
        propagateCancellation = null;
        pendingCancellation = null;
        errors = new ArrayList<>();
        baseError = null;
        parentTask = null;
        onCompleted = null;

        if (base != null) {
            for (Throwable e : errs) {
                if (e != base) {
                    loop.callExceptionHandler(new ExceptionContext(
                            "TaskGroup task exception was not propagated"
                                    + " because the TaskGroup body is being closed with a "
                                    + base.getClass().getName(),
                            e));
                }
            }
            return base;
        }
        if (parentCancelRequested) {
            if (parent.uncancel() == 0) {
                // no cancellation left but ours: do not propagate CancelledError
                propagate = null;
            } else if (propagate == null) {
                // the cancellation left is not ours: keep it
                propagate = pending;
            }
        }
        if (propagate != null && errs.isEmpty()) {
            return propagate;
        }
        if (exc != null && !(exc instanceof CancelledError)) {
            errs.add(exc);
        }
        if (!errs.isEmpty()) {
            if (parent.cancelling() > 0) {
                // cancelled from outside too: keep the count stable and the cancellation coming
                parent.uncancel();
                parent.cancel();
            }
            return GroupMembers.of("unhandled errors in a TaskGroup", errs);
        }
        return null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<TaskGroup");
        if (!tasks.isEmpty()) {
            sb.append(" tasks=").append(tasks.size());
        }
        if (errors != null && !errors.isEmpty()) {
            sb.append(" errors=").append(errors.size());
        }
        if (aborting) {
            sb.append(" cancelling");
        } else if (entered) {
            sb.append(" entered");
        }
        return sb.append('>').toString();
    }

    /** For the task dump: the tasks of the group whose scope {@code c} is, or null when {@code c} is no group scope. */
    static Set<Task<?>> tasksOfScope(Coroutine<?> c) {
        return c instanceof Scope<?> s ? s.group.tasks : null;
    }

    /** The coroutine of {@link #run}: enter, await the body inline, wait for the children, exit. */
    private static final class Scope<T> extends Coroutine<T> {
        private static final int NEW = 0;
        private static final int IN_BODY = 1;
        private static final int WAITING = 2;

        private final TaskGroup group;
        private AsyncFunction<? super TaskGroup, T> body;
        private Awaitable<T> aw;
        private int state;
        private T value;

        Scope(TaskGroup group, AsyncFunction<? super TaskGroup, T> body, Awaitable<T> aw) {
            this.group = group;
            this.body = body;
            this.aw = aw;
        }

        @Override
        @SuppressWarnings("unchecked")
        protected Object resume(Task<?> task) throws Throwable {
            switch (state) {
                case NEW -> {
                    group.enter(); // fails before entering: nothing to clean up
                    state = IN_BODY;
                    Object r;
                    try {
                        Awaitable<T> a = aw;
                        if (a == null) {
                            a = Objects.requireNonNull(
                                    body.apply(group), "the task group body returned null instead of a coroutine");
                        }
                        body = null;
                        aw = null;
                        r = awaitStep(task, a);
                    } catch (Throwable e) {
                        return exit(task, e);
                    }
                    if (r == SUSPEND) {
                        return SUSPEND;
                    }
                    value = (T) r;
                    return exit(task, null);
                }
                case IN_BODY -> {
                    try {
                        value = (T) awaitResult(task);
                    } catch (Throwable e) {
                        return exit(task, e);
                    }
                    return exit(task, null);
                }
                default -> {
                    try {
                        awaitResult(task);
                    } catch (CancelledError e) {
                        group.waitCancelled(e);
                    }
                    group.onCompleted = null;
                    return waitForChildren(task);
                }
            }
        }

        private Object exit(Task<?> task, Throwable exc) throws Throwable {
            group.beginExit(exc);
            return waitForChildren(task);
        }

        private Object waitForChildren(Task<?> task) throws Throwable {
            for (; ; ) {
                Future<Boolean> f = group.childrenPending();
                if (f == null) {
                    break;
                }
                Object r;
                try {
                    r = awaitStep(task, f);
                } catch (CancelledError e) {
                    group.waitCancelled(e);
                    group.onCompleted = null;
                    continue;
                }
                if (r == SUSPEND) {
                    state = WAITING;
                    return SUSPEND;
                }
                group.onCompleted = null;
            }
            Throwable t = group.endExit();
            T v = value;
            value = null;
            if (t != null) {
                throw t;
            }
            return v;
        }

        @Override
        protected StackTraceElement location() {
            return new StackTraceElement("io.jasyncio.TaskGroup", "run", null, -1);
        }
    }
}
