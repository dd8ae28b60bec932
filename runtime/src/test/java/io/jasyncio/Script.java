package io.jasyncio;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The hand-written coroutine of the runtime tests, for tests that do not go through the
 * rewriter. It is written in one of two styles, both run by the same {@link #resume(Task)}:
 *
 * <ul>
 *   <li>{@link #of}: the body is a {@code switch} over a program counter, for loops and
 *       branches. {@code return s.await(next, aw)} awaits {@code aw} and continues at
 *       {@code next}, where the body calls {@link #value()} for the awaited value (or its
 *       failure, thrown there, so try/catch around it behaves like try/catch around an await);
 *       any other return value completes the coroutine.
 *   <li>{@link #steps()}: straight-line code as a chain of steps. Each {@link #then} step
 *       receives the value of the previous await and returns either {@link #await(Object)}
 *       (suspend there) or any other value (the coroutine's result). A failed await is thrown
 *       before the next step runs, unless that step was added with {@link #handle}. When the
 *       last step awaits, the coroutine returns the awaited value.
 * </ul>
 *
 * {@link #location()} reports the name and the pc as the line, so stacks of scripts are easy
 * to assert.
 */
final class Script<T> extends Coroutine<T> {
    @FunctionalInterface
    interface Body {
        Object step(Script<?> s) throws Throwable;
    }

    @FunctionalInterface
    interface Step {
        Object run(Object in) throws Throwable;
    }

    @FunctionalInterface
    interface Handler {
        /** {@code error} is the failure of the previous await, or null when it succeeded. */
        Object run(Object in, Throwable error) throws Throwable;
    }

    /** What a {@link #then} step returns to await {@code awaitable}. */
    record Await(Object awaitable) {}

    private static final Object AWAIT = new Object();

    private final String name;
    private final Body body;
    /** The steps of a {@link #steps()} script; pc is the index of the next one. */
    private final List<Handler> steps;
    /** Where the body continues. */
    int pc;

    private Object next;
    /** The task of the running {@link #resume(Task)}, for {@link #value()}; null between resumes. */
    private Task<?> running;

    private boolean suspended;
    private Object value;
    private Throwable error;

    private Script(String name, Body body, List<Handler> steps) {
        this.name = name;
        this.body = body;
        this.steps = steps;
    }

    /** A script whose body switches over {@link #pc}. */
    static <T> Script<T> of(String name, Body body) {
        return new Script<>(name, body, null);
    }

    /** An empty chain of steps; add them with {@link #then} and {@link #handle}. */
    static <T> Script<T> steps() {
        return new Script<>("steps", Script::runStep, new ArrayList<>());
    }

    /** A coroutine that runs {@code body} (on the loop, inside its task) and returns its value. */
    static <T> Script<T> call(Callable<T> body) {
        return Script.<T>steps().then(in -> body.call());
    }

    /** In a {@link #then} step: await {@code awaitable} before the next step. */
    static Await await(Object awaitable) {
        return new Await(awaitable);
    }

    /** Adds a step that runs when the previous await succeeded. */
    Script<T> then(Step step) {
        return handle((in, error) -> {
            if (error != null) {
                throw error;
            }
            return step.run(in);
        });
    }

    /** Adds a step that also runs when the previous await failed. */
    Script<T> handle(Handler handler) {
        if (steps == null) {
            throw new IllegalStateException("then/handle are for Script.steps(), not Script.of");
        }
        steps.add(handler);
        return this;
    }

    private static Object runStep(Script<?> s) throws Throwable {
        Object in = null;
        Throwable failed = null;
        if (s.pc > 0) {
            try {
                in = s.value();
            } catch (Throwable e) {
                failed = e;
            }
        }
        if (s.pc == s.steps.size()) {
            if (failed != null) {
                throw failed;
            }
            return in;
        }
        Object r = s.steps.get(s.pc).run(in, failed);
        return r instanceof Await a ? s.await(s.pc + 1, a.awaitable()) : r;
    }

    /** Awaits {@code aw} and continues at {@code nextPc}; the body returns what this returns. */
    Object await(int nextPc, Object aw) {
        pc = nextPc;
        next = aw;
        return AWAIT;
    }

    /** At a continuation: the awaited value, or the awaited failure thrown. */
    Object value() throws Throwable {
        if (suspended) {
            suspended = false;
            return awaitResult(running);
        }
        Throwable e = error;
        Object v = value;
        error = null;
        value = null;
        if (e != null) {
            throw e;
        }
        return v;
    }

    @Override
    protected Object resume(Task<?> task) throws Throwable {
        running = task;
        try {
            return run(task);
        } finally {
            running = null;
        }
    }

    private Object run(Task<?> task) throws Throwable {
        while (true) {
            Object r = body.step(this);
            if (r != AWAIT) {
                return r;
            }
            Object aw = next;
            next = null;
            Object v;
            try {
                v = awaitStep(task, aw);
            } catch (Throwable e) {
                error = e;
                continue;
            }
            if (v == SUSPEND) {
                suspended = true;
                return SUSPEND;
            }
            value = v;
        }
    }

    @Override
    protected StackTraceElement location() {
        return new StackTraceElement("Script", name, null, pc);
    }
}
