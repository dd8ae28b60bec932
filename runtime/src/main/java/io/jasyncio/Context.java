package io.jasyncio;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A set of {@link ContextVar} values (Python's {@code contextvars.Context}). Code always runs in
 * a current context: a task's own (copied from its creator when the task was made, or the one
 * given to {@code createTask}), the one a callback was scheduled with, the one entered with
 * {@link #run}, or else its thread's.
 *
 * <p>{@link #copyContext()} takes a copy of the current context; {@link #run} runs code in a
 * context, and what that code sets with {@link ContextVar#set} stays in the context afterwards.
 * Like Python's, a context can be entered by one {@code run} at a time.
 *
 * <p>The values are an immutable map replaced on every set, so copying a context (what every
 * new task and every callback does) shares the map instead of copying it.
 */
public final class Context {
    static final Map<ContextVar<?>, Object> EMPTY = Map.of();

    /** The values; never mutated, replaced on every change. */
    Map<ContextVar<?>, Object> values;

    private boolean entered;

    /** An empty context (Python's {@code Context()}). */
    public Context() {
        this(EMPTY);
    }

    Context(Map<ContextVar<?>, Object> values) {
        this.values = values;
    }

    /** A copy of the current context (Python's {@code contextvars.copy_context()}). */
    public static Context copyContext() {
        return new Context(currentValues());
    }

    /** A new context with the same values as this one ({@code Context.copy()}). */
    public Context copy() {
        return new Context(values);
    }

    /**
     * Runs {@code fn} in this context and returns its result: {@link ContextVar#get} inside sees
     * this context's values, and what {@link ContextVar#set} does inside stays in this context.
     * Fails with {@link IllegalStateException} when this context is entered already (by an
     * enclosing {@code run}, on any thread), as Python raises RuntimeError.
     */
    public <T> T run(Supplier<T> fn) {
        Objects.requireNonNull(fn, "fn");
        ContextState state = enter();
        Object previous = state.owner;
        state.owner = this;
        try {
            return fn.get();
        } finally {
            state.owner = previous;
            exit();
        }
    }

    /** {@link #run(Supplier)} for code without a result. */
    public void run(Runnable fn) {
        Objects.requireNonNull(fn, "fn");
        run(() -> {
            fn.run();
            return null;
        });
    }

    private synchronized ContextState enter() {
        if (entered) {
            throw new IllegalStateException("cannot enter context: " + this + " is already entered");
        }
        entered = true;
        return ContextState.current();
    }

    private synchronized void exit() {
        entered = false;
    }

    /** The value of {@code var} in this context, or null when it has none (Python's {@code ctx.get(var)}). */
    public <T> T get(ContextVar<T> var) {
        return get(var, null);
    }

    /** The value of {@code var} in this context, or {@code fallback} when it has none. */
    @SuppressWarnings("unchecked")
    public <T> T get(ContextVar<T> var, T fallback) {
        Objects.requireNonNull(var, "var");
        Map<ContextVar<?>, Object> v = values;
        return v.containsKey(var) ? (T) v.get(var) : fallback;
    }

    /** True when {@code var} has a value in this context (Python's {@code var in ctx}). */
    public boolean contains(ContextVar<?> var) {
        return values.containsKey(var);
    }

    /** The number of variables with a value in this context. */
    public int size() {
        return values.size();
    }

    /** The variables and their values, as an unmodifiable snapshot (Python's {@code ctx.items()}). */
    public Map<ContextVar<?>, Object> toMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public String toString() {
        return "<Context at 0x" + Integer.toHexString(System.identityHashCode(this)) + " vars=" + values.size() + ">";
    }

    // ---- the current context ------------------------------------------------------------

    /** The values code on this thread sees now. */
    static Map<ContextVar<?>, Object> currentValues() {
        return valuesOf(ContextState.current().owner);
    }

    /**
     * The values of a context owner: a {@link Task}, a {@link Handle} running a callback, or a
     * Context. A task or handle holds either a Context (given to it, or asked for with
     * {@code getContext}) or, most often, the bare values map copied from its creator.
     */
    @SuppressWarnings("unchecked")
    static Map<ContextVar<?>, Object> valuesOf(Object owner) {
        Object c;
        if (owner instanceof Context ctx) {
            return ctx.values;
        } else if (owner instanceof Task<?> t) {
            c = t.context();
        } else {
            c = ((Handle) owner).context;
        }
        return c instanceof Context ctx ? ctx.values : (Map<ContextVar<?>, Object>) c;
    }

    /** Replaces the values of {@code owner} (see {@link #valuesOf}). */
    static void replace(Object owner, Map<ContextVar<?>, Object> values) {
        if (owner instanceof Context ctx) {
            ctx.values = values;
            return;
        }
        Object c = owner instanceof Task<?> t ? t.context() : ((Handle) owner).context;
        if (c instanceof Context ctx) {
            ctx.values = values;
        } else if (owner instanceof Task<?> t) {
            t.context(values);
        } else {
            ((Handle) owner).context = values;
        }
    }

    /** What a task or callback made now keeps as its context: the given Context, else the current values. */
    static Object capture(Context given) {
        return given != null ? given : currentValues();
    }

    /** A Context object for a task's or handle's context field, made on first request. */
    static Context materialise(Object field) {
        return field instanceof Context ctx ? ctx : new Context(castValues(field));
    }

    @SuppressWarnings("unchecked")
    private static Map<ContextVar<?>, Object> castValues(Object field) {
        return field == null ? EMPTY : (Map<ContextVar<?>, Object>) field;
    }

    static Map<ContextVar<?>, Object> with(Map<ContextVar<?>, Object> values, ContextVar<?> var, Object value) {
        Map<ContextVar<?>, Object> m = new HashMap<>(values);
        m.put(var, value);
        return m;
    }

    static Map<ContextVar<?>, Object> without(Map<ContextVar<?>, Object> values, ContextVar<?> var) {
        if (!values.containsKey(var)) {
            return values;
        }
        Map<ContextVar<?>, Object> m = new HashMap<>(values);
        m.remove(var);
        return m;
    }
}
