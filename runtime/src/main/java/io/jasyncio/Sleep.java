package io.jasyncio;

/**
 * The coroutine {@link AsyncIO#sleep} returns. A delay &lt;= 0 yields the loop exactly once
 * (awaiting it takes a fast path in {@code awaitStep}: no timer, no future); otherwise it
 * waits on a future completed by a timer, and cancels the timer however the wait ends, so a
 * cancelled sleep leaves no timer behind.
 */
final class Sleep<T> extends Coroutine<T> {
    final double delay;
    final T result;
    private int state;
    private SleepTimer timer;

    Sleep(double delay, T result) {
        if (Double.isNaN(delay)) {
            throw new IllegalArgumentException("sleep delay is NaN");
        }
        this.delay = delay;
        this.result = result;
    }

    @Override
    protected Object resume() throws Throwable {
        if (state == 0) {
            state = 1;
            if (delay <= 0) {
                // awaited through a path that did not take the fast path: yield once
                return task.yieldOnce(this, result);
            }
            EventLoop loop = task.loop;
            Future<T> future = new Future<>(loop);
            timer = new SleepTimer(loop, loop.time() + delay, future, result);
            loop.addTimer(timer);
            return awaitStep(future);
        }
        try {
            return awaitResult();
        } finally {
            if (timer != null) {
                timer.cancel();
                timer = null;
            }
        }
    }

    @Override
    protected StackTraceElement location() {
        return new StackTraceElement(AsyncIO.class.getName(), "sleep", "AsyncIO.java", -1);
    }

    /** Completes the sleep's future unless it was cancelled meanwhile. */
    private static final class SleepTimer extends TimerHandle {
        private final Future<Object> future;
        private final Object result;

        @SuppressWarnings("unchecked")
        SleepTimer(EventLoop loop, double when, Future<?> future, Object result) {
            super(loop, when, loop.nextTimerSeq());
            this.future = (Future<Object>) future;
            this.result = result;
        }

        @Override
        void invoke() {
            if (!future.done()) {
                future.setResult(result);
            }
        }

        @Override
        Object callback() {
            return "sleep";
        }
    }
}
