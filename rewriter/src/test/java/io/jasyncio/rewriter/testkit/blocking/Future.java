package io.jasyncio.rewriter.testkit.blocking;

/** Stand-in for io.jasyncio.Future: a settable result; awaiting it before it is set is a test bug. */
public class Future<T> implements Awaitable<T> {
    private boolean done;
    private T result;
    private Throwable exception;

    public boolean done() {
        return done;
    }

    public boolean cancelled() {
        return false;
    }

    public void setResult(T value) {
        complete(value, null);
    }

    public void setException(Throwable failure) {
        complete(null, failure);
    }

    public T result() {
        return get();
    }

    public Throwable exception() {
        return exception;
    }

    private void complete(T value, Throwable failure) {
        if (done) {
            throw new IllegalStateException("future already done");
        }
        done = true;
        result = value;
        exception = failure;
    }

    @Override
    public T get() {
        if (!done) {
            throw new IllegalStateException("blocking reference: awaited a future nobody completed before the await;"
                    + " the test program must complete it from a task created before awaiting");
        }
        if (exception != null) {
            throw AsyncIO.sneaky(exception);
        }
        return result;
    }
}
