package io.jasyncio;

/** A callback scheduled for a time ({@code callLater}/{@code callAt}). Cancelling removes it from the loop's timers. */
public class TimerHandle extends Handle {
    final double when;
    /**
     * Scheduling order: equal deadlines fire first-in first-out. An int compared with
     * wrap-around ({@code a - b < 0}), valid while pending timers span fewer than 2^31 schedulings.
     */
    final int seq;
    /** Position in the loop's timer heap, -1 when not in it. */
    int heapIndex = -1;

    TimerHandle(EventLoop loop, double when, int seq, Runnable runnable) {
        super(loop, runnable);
        this.when = when;
        this.seq = seq;
    }

    TimerHandle(EventLoop loop, double when, int seq) {
        this(loop, when, seq, null);
    }

    /** The loop time ({@link EventLoop#time()}) at which the callback is due. */
    public double when() {
        return when;
    }

    /** Cancels the callback and drops it from the timer heap at once (no leak). Loop thread only. */
    @Override
    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            if (heapIndex >= 0) {
                loop.timers.remove(this);
            }
        }
    }

    @Override
    public String toString() {
        return "<TimerHandle" + (cancelled ? " cancelled" : "") + " when=" + when + " " + callback() + ">";
    }
}
