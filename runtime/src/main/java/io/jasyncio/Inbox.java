package io.jasyncio;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * What other threads hand to an event loop ({@link EventLoop#callSoonThreadsafe}), and the loop
 * thread's wait for work: {@link #waitForInput} blocks until a deadline or until another thread
 * submits something, which wakes it ({@link #wakeUp}).
 *
 * <p>This is where the loop blocks. While channels are watched ({@link IoPoller}) it blocks in
 * the selector instead, up to the same deadline, and a submission wakes the selector.
 */
final class Inbox {
    private final ConcurrentLinkedQueue<Handle> queue = new ConcurrentLinkedQueue<>();
    private final IoPoller io;
    /** Whether the last {@link #waitForInput} ended with something to run (a submission or I/O). */
    private boolean gotInput;
    /** The loop thread while it waits in {@link #waitForInput} (null otherwise): who to wake. */
    private volatile Thread waiter;
    /** Jobs running on other threads whose results will come back through this inbox. Loop thread only. */
    private int inFlight;

    Inbox(IoPoller io) {
        this.io = io;
    }

    /** Any thread: queues {@code h} for the loop and wakes the loop thread if it waits. */
    void submit(Handle h) {
        queue.add(h);
        Thread w = waiter;
        if (w != null) {
            wakeUp(w);
        }
    }

    private void wakeUp(Thread loopThread) {
        LockSupport.unpark(loopThread);
        io.wakeUp();
    }

    /** Loop thread: moves what was submitted to the ready queue. */
    void drainTo(ReadyQueue ready) {
        Handle h;
        while ((h = queue.poll()) != null) {
            ready.add(h);
        }
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    void clear() {
        queue.clear();
    }

    /**
     * Loop thread: blocks until something is submitted or {@code nanos} pass (-1: no limit).
     * Returns whether the thread was interrupted meanwhile (the flag is cleared: an interrupt
     * would make every later wait return at once; the loop restores it when it stops).
     */
    boolean waitForInput(long nanos) {
        boolean interrupted = false;
        waiter = Thread.currentThread();
        try {
            if (io.needsSelect()) {
                int events = io.select(queue.isEmpty() ? nanos : 0);
                interrupted = Thread.interrupted();
                gotInput = events > 0 || !queue.isEmpty();
                return interrupted;
            }
            long deadline = nanos < 0 ? 0 : System.nanoTime() + nanos;
            while (queue.isEmpty()) {
                if (nanos < 0) {
                    LockSupport.park(this);
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    LockSupport.parkNanos(this, left);
                }
                interrupted |= Thread.interrupted();
            }
            gotInput = !queue.isEmpty();
        } finally {
            waiter = null;
        }
        return interrupted;
    }

    /** A job started on another thread; its result will be submitted here. */
    void jobStarted() {
        inFlight++;
    }

    /** A job's future is done (by its result, or cancelled before). */
    void jobDone() {
        inFlight--;
    }

    /**
     * Whether input is still expected from outside the loop: results from other threads, or
     * readiness of a watched channel.
     */
    boolean workInFlight() {
        return inFlight > 0 || io.isActive();
    }

    /** Whether the last {@link #waitForInput} ended because something arrived (not by its deadline). */
    boolean gotInput() {
        return gotInput;
    }

    /** How many results from other threads are expected (for tests and diagnostics). */
    int jobsInFlight() {
        return inFlight;
    }
}
