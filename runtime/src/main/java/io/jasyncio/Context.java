package io.jasyncio;

import java.util.HashMap;
import java.util.Map;

/**
 * An immutable set of {@link ContextVar} values (Python's contextvars.Context). Immutable, so
 * "copying" the creator's context into a new task is sharing a reference; setting a variable
 * makes a new context.
 */
final class Context {
    static final Context EMPTY = new Context(Map.of());

    /** Each thread's context outside of tasks (one mutable cell per thread; never on a hot path). */
    private static final ThreadLocal<Context[]> THREAD = ThreadLocal.withInitial(() -> new Context[] {EMPTY});

    private final Map<ContextVar<?>, Object> values;

    private Context(Map<ContextVar<?>, Object> values) {
        this.values = values;
    }

    boolean has(ContextVar<?> var) {
        return values.containsKey(var);
    }

    Object get(ContextVar<?> var) {
        return values.get(var);
    }

    Context with(ContextVar<?> var, Object value) {
        Map<ContextVar<?>, Object> m = new HashMap<>(values);
        m.put(var, value);
        return new Context(m);
    }

    Context without(ContextVar<?> var) {
        if (!values.containsKey(var)) {
            return this;
        }
        Map<ContextVar<?>, Object> m = new HashMap<>(values);
        m.remove(var);
        return new Context(m);
    }

    /** The running task, when this thread runs a loop that is inside a task step; else null. */
    static Task<?> runningTask() {
        EventLoop loop = EventLoop.RUNNING.get();
        return loop == null ? null : loop.currentTask;
    }

    /** The context code on this thread sees now: the running task's, or the thread's own. */
    static Context current() {
        Task<?> t = runningTask();
        return t != null ? t.context : THREAD.get()[0];
    }

    /** The owner whose context {@link #current()} reads: a task or this thread's cell. */
    static Object currentOwner() {
        Task<?> t = runningTask();
        return t != null ? t : THREAD.get();
    }

    static void replace(Object owner, Context context) {
        if (owner instanceof Task<?> t) {
            t.context = context;
        } else {
            ((Context[]) owner)[0] = context;
        }
    }
}
