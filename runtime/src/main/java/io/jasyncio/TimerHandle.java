package io.jasyncio;

/**
 * A callback scheduled for a time ({@code callLater}/{@code callAt}). A cancelled timer lets go
 * of nothing at once but costs O(1): the heap drops it when it reaches the top or in its next
 * purge (see {@link TimerHeap}); {@link EventLoop} counts only live timers.
 */
public sealed class TimerHandle extends Handle permits Sleep.SleepTimer {
    final double when;
    /**
     * Scheduling order: equal deadlines fire first-in first-out. An int compared with
     * wrap-around ({@code a - b < 0}), valid while pending timers span fewer than 2^31 schedulings.
     */
    final int seq;
    /** In the loop's timer heap (a cancelled one stays there, counted, until dropped). */
    boolean inHeap;

    TimerHandle(EventLoop loop, double when, int seq, Runnable runnable) {
        super(loop, runnable);
        this.when = when;
        this.seq = seq;
    }

    TimerHandle(EventLoop loop, double when, int seq) {
        this(loop, when, seq, null);
    }

    /**
     * The loop time ({@link EventLoop#time()}) at which the callback is due.
     * @return the due time in loop seconds
     */
    public double when() {
        return when;
    }

    /** Cancels the callback; the loop's timer heap drops it soon (O(1) amortised). Loop thread only. */
    @Override
    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            if (inHeap) {
                loop.timers.cancelled();
            }
        }
    }

    @Override
    public String toString() {
        return "<TimerHandle" + (cancelled ? " cancelled" : "") + " when=" + when + " " + callback() + ">";
    }
}
