package io.jasyncio;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * asyncio's mixins._LoopBoundMixin: a waiting primitive binds itself to the running loop the
 * first time it has to wait (creates a future), not when it is made, and fails clearly when a
 * task of another loop then makes it wait. A primitive that never has to wait is bound to no
 * loop and may be used from one loop after another, as in asyncio.
 */
abstract class LoopBound {
    private static final VarHandle LOOP;

    static {
        try {
            LOOP = MethodHandles.lookup().findVarHandle(LoopBound.class, "loop", EventLoop.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The loop this primitive is bound to, or null before it first waited. */
    private volatile EventLoop loop;
    /**
     * A future already done with {@code true}, of the loop that last took the uncontended path:
     * what {@code acquire()} and {@code waitSet()} return when they need not wait (shared, so that
     * path allocates nothing).
     */
    private Future<Boolean> ready;

    /** The running loop, binding this primitive to it on first use (asyncio's {@code _get_loop}). */
    final EventLoop boundLoop() {
        EventLoop running = EventLoop.running("waiting on " + getClass().getSimpleName());
        EventLoop bound = loop;
        if (bound == null) {
            bound = LOOP.compareAndSet(this, null, running) ? running : loop;
        }
        if (bound != running) {
            throw new IllegalStateException(this + " is bound to a different event loop");
        }
        return running;
    }

    /** A new future of the bound loop for one waiter. */
    final <T> Future<T> newWaiter() {
        return boundLoop().createFuture();
    }

    /**
     * A done future holding {@code true} on the running loop, shared by every call that need not
     * wait. Fails with "no running event loop" outside one (before the caller changes any state).
     */
    final Future<Boolean> readyTrue() {
        EventLoop running = EventLoop.RUNNING.get();
        Future<Boolean> f = ready;
        if (f != null && f.loop == running) {
            return f;
        }
        if (running == null) {
            throw new IllegalStateException("no running event loop");
        }
        f = new Future<>(running);
        f.outcome = Boolean.TRUE;
        ready = f;
        return f;
    }
}
