package io.jasyncio;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * What other threads hand to an event loop ({@link EventLoop#callSoonThreadsafe}), and the loop
 * thread's wait for work: {@link #waitForInput} blocks until a deadline or until another thread
 * submits something, which wakes it ({@link #wakeUp}).
 *
 * <p>This is where the loop blocks, and the one place to change to wait for I/O as well: an
 * I/O poller selects on a {@code java.nio.channels.Selector} in {@code waitForInput} (up to the
 * same deadline) and {@code wakeUp} becomes {@code Selector.wakeup()}.
 */
final class Inbox {
    private final ConcurrentLinkedQueue<Handle> queue = new ConcurrentLinkedQueue<>();
    /** The loop thread while it waits in {@link #waitForInput} (null otherwise): who to wake. */
    private volatile Thread waiter;
    /** Jobs running on other threads whose results will come back through this inbox. Loop thread only. */
    private int inFlight;

    /** Any thread: queues {@code h} for the loop and wakes the loop thread if it waits. */
    void submit(Handle h) {
        queue.add(h);
        Thread w = waiter;
        if (w != null) {
            wakeUp(w);
        }
    }

    private static void wakeUp(Thread loopThread) {
        LockSupport.unpark(loopThread);
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

    /** Whether results from other threads are still expected. */
    boolean workInFlight() {
        return inFlight > 0;
    }

    /** How many results from other threads are expected (for tests and diagnostics). */
    int jobsInFlight() {
        return inFlight;
    }
}
