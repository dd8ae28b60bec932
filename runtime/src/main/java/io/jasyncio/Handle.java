package io.jasyncio;

/**
 * A callback scheduled on an {@link EventLoop} ({@code callSoon}); can be cancelled before it runs.
 * It runs in a copy of the context that was current when it was scheduled (or in the
 * {@link Context} it was given), as asyncio's handles do.
 */
public sealed class Handle permits TimerHandle, DoneCallback {
    final EventLoop loop;
    private final Runnable runnable;
    boolean cancelled;
    /**
     * The context the callback runs in: a {@link Context}, the values map copied when it was
     * scheduled, or null for the runtime's own callbacks (they run in the loop thread's context).
     */
    Object context;

    /** A user callback: runs in a copy of the current context. */
    Handle(EventLoop loop, Runnable runnable) {
        this.loop = loop;
        this.runnable = runnable;
        this.context = runnable == null ? null : Context.currentValues();
    }

    /** For subclasses that override {@link #invoke()}; {@code context} as in {@link #context}. */
    Handle(EventLoop loop, Object context) {
        this.loop = loop;
        this.runnable = null;
        this.context = context;
    }

    /** For the runtime's own subclasses that override {@link #invoke()}: no context of their own. */
    Handle(EventLoop loop) {
        this(loop, (Object) null);
    }

    /** The context this callback runs in (asyncio's {@code Handle.get_context()}); null for the runtime's own. */
    public Context getContext() {
        Object c = context;
        if (c == null || c instanceof Context) {
            return (Context) c;
        }
        Context ctx = Context.materialise(c);
        context = ctx;
        return ctx;
    }

    /** Cancels the callback: it will not run. No effect once it ran. Loop thread only. */
    public void cancel() {
        cancelled = true;
    }

    /**
     * True once the callback was cancelled.
     * @return whether the handle is cancelled
     */
    public boolean cancelled() {
        return cancelled;
    }

    /** Runs the callback; whatever it throws goes to the loop's exception handler. */
    final void run() {
        if (cancelled) {
            return;
        }
        ContextState state = context == null ? null : loop.contextState;
        Object previous = null;
        if (state != null) {
            previous = state.owner;
            state.owner = this;
        }
        try {
            invoke();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            loop.callExceptionHandler(new ExceptionContext("Exception in callback " + callback(), t, null, this));
        } finally {
            if (state != null) {
                state.owner = previous;
            }
        }
    }

    void invoke() {
        runnable.run();
    }

    Object callback() {
        return runnable;
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + (cancelled ? " cancelled" : "") + " " + callback() + ">";
    }
}
