package io.jasyncio;

import java.util.Objects;

/**
 * The coroutine of {@code lock.run(body)}: asyncio's {@code async with lock: body}. Acquires
 * (waiting if needed), then awaits the body inline and releases whatever way the body ends. If
 * the acquire fails (cancelled while waiting) nothing is released and the body never runs. A body
 * given as an {@link AsyncSupplier} is called only once the primitive is held.
 */
final class Held<T> extends Coroutine<T> {
    private final Acquirable primitive;
    private Awaitable<T> body;
    private AsyncSupplier<T> supplier;
    /** 0: not started; 1: waiting to acquire; 2: awaiting the body. */
    private int state;

    Held(Acquirable primitive, Awaitable<T> body) {
        this.primitive = primitive;
        this.body = Objects.requireNonNull(body, "body");
    }

    Held(Acquirable primitive, AsyncSupplier<T> supplier) {
        this.primitive = primitive;
        this.supplier = Objects.requireNonNull(supplier, "body");
    }

    @Override
    protected Object resume(Task<?> task) throws Throwable {
        if (state == 0) {
            state = 1;
            if (awaitStep(task, primitive.acquire()) == SUSPEND) {
                return SUSPEND;
            }
        } else if (state == 1) {
            awaitResult(task);
        } else {
            try {
                return awaitResult(task);
            } finally {
                primitive.release();
            }
        }
        state = 2;
        Object r;
        try {
            Awaitable<T> b = body;
            body = null;
            if (b == null) {
                AsyncSupplier<T> s = supplier;
                supplier = null;
                b = Objects.requireNonNull(s.get(), "the body returned null instead of a coroutine");
            }
            r = awaitStep(task, b);
        } catch (Throwable e) {
            primitive.release();
            throw e;
        }
        if (r != SUSPEND) {
            primitive.release();
        }
        return r;
    }

    @Override
    protected StackTraceElement location() {
        return new StackTraceElement(primitive.getClass().getName(), "run", null, -1);
    }
}
