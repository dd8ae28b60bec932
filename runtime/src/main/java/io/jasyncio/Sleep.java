package io.jasyncio;

/**
 * The coroutine {@link AsyncIO#sleep} returns for a delay &gt; 0 (a delay &lt;= 0 is a
 * {@link Yield}): the task sleeps on a timer that wakes it directly, with no future. Awaited from
 * a coroutine it takes a fast path in {@code Coroutine.awaitStep} ({@link #startFor}): the
 * awaiting coroutine waits on the timer itself, so a sleeping task keeps only the timer, not
 * this object too. Only the timer firing or the task's
 * cancellation (which cancels the timer, see {@code Task.interruptSleep}) resumes it, so no
 * timer is left behind either way.
 */
final class Sleep<T> extends Coroutine<T> {
    private final double delay;
    private final T result;
    private boolean started;

    private Sleep(double delay, T result) {
        this.delay = delay;
        this.result = result;
    }

    /** A sleep of {@code delay} seconds, or a {@link Yield} when {@code delay <= 0}. */
    static <T> Coroutine<T> of(double delay, T result) {
        if (Double.isNaN(delay)) {
            throw new IllegalArgumentException("sleep delay is NaN");
        }
        return delay > 0 ? new Sleep<>(delay, result) : Yield.of(result);
    }

    @Override
    protected Object resume(Task<?> task) throws Throwable {
        if (!started) {
            started = true;
            return schedule(task, this);
        }
        return awaitResult(task);
    }

    /**
     * Awaited from {@code awaiter}'s body (the fast path of {@code Coroutine.awaitStep}): marks
     * this sleep used and parks the task on its timer so that {@code awaiter} itself resumes,
     * with the sleep's result or the cancellation. The sleep is not kept while the task sleeps.
     */
    Object startFor(Task<?> t, Coroutine<?> awaiter) {
        caller = this;
        started = true;
        if (NeverAwaited.enabled) {
            NeverAwaited.awaited(this);
        }
        return schedule(t, awaiter);
    }

    /** Schedules the timer that wakes task {@code t}, which then resumes {@code resumer}. */
    private Object schedule(Task<?> t, Coroutine<?> resumer) {
        EventLoop loop = t.loop;
        SleepTimer timer = new SleepTimer(loop, loop.time() + delay, t, result);
        loop.timers.add(timer);
        return t.sleep(resumer, timer);
    }

    /** Where a sleep shows in stacks and dumps: {@code AsyncIO.sleep}, the call the user wrote. */
    static final StackTraceElement LOCATION =
            new StackTraceElement(AsyncIO.class.getName(), "sleep", "AsyncIO.java", -1);

    @Override
    protected StackTraceElement location() {
        return LOCATION;
    }

    /** Wakes the sleeping task with the sleep's result. */
    static final class SleepTimer extends TimerHandle {
        private final Task<?> task;
        private final Object result;

        SleepTimer(EventLoop loop, double when, Task<?> task, Object result) {
            super(loop, when, loop.timers.nextSeq());
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
