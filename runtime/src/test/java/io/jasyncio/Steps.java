package io.jasyncio;

import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: a hand-written coroutine built from steps, so tests read like async code. Each
 * step receives the value of the previous await and returns either {@code await(x)} (suspend
 * there until x is done) or any other value (the coroutine's result). A failed await is thrown
 * before the next step runs, unless that step was added with {@link #handle}. When the last
 * step awaits, the coroutine returns the awaited value.
 */
final class Steps<T> extends Coroutine<T> {
    interface Step {
        Object run(Object in) throws Throwable;
    }

    interface Handler {
        /** {@code error} is the failure of the previous await, or null when it succeeded. */
        Object run(Object in, Throwable error) throws Throwable;
    }

    record Await(Object awaitable) {
    }

    static Await await(Object awaitable) {
        return new Await(awaitable);
    }

    private final List<Handler> steps = new ArrayList<>();
    private int pc;
    private boolean suspended;

    Steps<T> then(Step step) {
        steps.add((in, error) -> {
            if (error != null) {
                throw error;
            }
            return step.run(in);
        });
        return this;
    }

    Steps<T> handle(Handler handler) {
        steps.add(handler);
        return this;
    }

    @Override
    protected Object resume() throws Throwable {
        Object in = null;
        Throwable error = null;
        if (suspended) {
            suspended = false;
            try {
                in = awaitResult();
            } catch (Throwable e) {
                error = e;
            }
        }
        for (;;) {
            if (pc == steps.size()) {
                if (error != null) {
                    throw error;
                }
                return in;
            }
            Object r = steps.get(pc++).run(in, error);
            if (!(r instanceof Await a)) {
                return r;
            }
            in = null;
            error = null;
            try {
                in = awaitStep(a.awaitable());
            } catch (Throwable e) {
                error = e;
            }
            if (in == SUSPEND) {
                suspended = true;
                return SUSPEND;
            }
        }
    }
}
