package io.jasyncio;

/**
 * A hand-written coroutine for tests that do not go through the rewriter: its body is a
 * {@code switch} over a program counter. {@code return s.await(next, aw)} awaits {@code aw} and
 * continues at {@code next}, where the body calls {@link #value()} for the awaited value (or its
 * failure, thrown there, so try/catch around it behaves like try/catch around an await); any
 * other return value completes the coroutine. {@link #location()} reports the name and the pc as
 * the line, so stacks of scripts are easy to assert.
 */
final class Script<T> extends Coroutine<T> {
    @FunctionalInterface
    interface Body {
        Object step(Script<?> s) throws Throwable;
    }

    private static final Object AWAIT = new Object();

    private final String name;
    private final Body body;
    /** Where the body continues. */
    int pc;
    private Object next;
    private boolean suspended;
    private Object value;
    private Throwable error;

    private Script(String name, Body body) {
        this.name = name;
        this.body = body;
    }

    static <T> Script<T> of(String name, Body body) {
        return new Script<>(name, body);
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
            return awaitResult();
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
    protected Object resume() throws Throwable {
        while (true) {
            Object r = body.step(this);
            if (r != AWAIT) {
                return r;
            }
            Object aw = next;
            next = null;
            Object v;
            try {
                v = awaitStep(aw);
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
