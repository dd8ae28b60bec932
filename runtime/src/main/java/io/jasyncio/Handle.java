package io.jasyncio;

/** A callback scheduled on an {@link EventLoop} ({@code callSoon}); can be cancelled before it runs. */
public class Handle {
    final EventLoop loop;
    private final Runnable runnable;
    boolean cancelled;

    Handle(EventLoop loop, Runnable runnable) {
        this.loop = loop;
        this.runnable = runnable;
    }

    /** For subclasses that override {@link #invoke()}. */
    Handle(EventLoop loop) {
        this(loop, null);
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
        try {
            invoke();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            loop.callExceptionHandler(new ExceptionContext("Exception in callback " + callback(), t, null, this));
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
