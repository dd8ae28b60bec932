package io.jasyncio;

/**
 * The coroutine {@link AsyncIO#sleep} returns. A delay &lt;= 0 yields the loop exactly once
 * (awaiting it takes a fast path in {@code awaitStep}: no timer, no future); otherwise the task
 * sleeps on a timer that wakes it directly (no future: a sleeping task costs this coroutine and
 * its timer), and cancelling the task cancels the timer, so a cancelled sleep leaves no timer
 * behind.
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
            Task<?> t = task;
            EventLoop loop = t.loop;
            timer = new SleepTimer(loop, loop.time() + delay, t, result);
            loop.addTimer(timer);
            return t.sleep(this, timer);
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

    /** Wakes the sleeping task with the sleep's result. */
    private static final class SleepTimer extends TimerHandle {
        private final Task<?> task;
        private final Object result;

        SleepTimer(EventLoop loop, double when, Task<?> task, Object result) {
            super(loop, when, loop.nextTimerSeq());
            this.task = task;
            this.result = result;
        }

        @Override
        void invoke() {
            task.wakeFromSleep(this, result);
        }

        @Override
        Object callback() {
            return "sleep";
        }
    }
}
