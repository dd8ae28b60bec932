package io.jasyncio;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * An event loop's clock: the system's monotonic clock, or virtual time for tests and fast runs
 * of timed programs. Virtual time starts at 0 and moves only when the loop has nothing ready
 * ({@link #waitUntil}) or by hand ({@link #advance}).
 */
final class LoopClock {
    private final boolean virtual;
    private double virtualNow;
    /** Where the virtual wall clock starts (null on the system clock). */
    private final Instant virtualStart;

    private LoopClock(boolean virtual, Instant virtualStart) {
        this.virtual = virtual;
        this.virtualStart = virtualStart;
    }

    /** The system's monotonic clock. */
    static LoopClock system() {
        return new LoopClock(false, null);
    }

    /** Virtual time whose wall clock starts at {@code start}. */
    static LoopClock virtual(Instant start) {
        return new LoopClock(true, start);
    }

    /** The loop's time in seconds. */
    double now() {
        return virtual ? virtualNow : System.nanoTime() * 1e-9;
    }

    boolean isVirtual() {
        return virtual;
    }

    /** Moves virtual time forward by {@code seconds}. */
    void advance(double seconds) {
        if (!virtual) {
            throw new IllegalStateException(
                    "advanceTime() needs a loop with virtual time (EventLoop.withVirtualTime())");
        }
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("cannot advance time by " + seconds + " seconds");
        }
        virtualNow += seconds;
    }

    /**
     * The loop has nothing ready and its next timer is due at {@code when} (finite): waits until
     * then or until input arrives in {@code inbox}; returns whether the thread was interrupted
     * meanwhile. Virtual time jumps to {@code when} at once, unless work is in flight on other
     * threads: then it advances no faster than real time, so a real result is not outrun by a
     * virtual timeout. Readiness of a watched channel counts as such work: while the loop waits
     * on I/O, virtual time runs no faster than real time.
     */
    boolean waitUntil(double when, Inbox inbox) {
        double delta = when - now();
        if (delta <= 0) {
            return false;
        }
        if (!virtual) {
            return inbox.waitForInput(toNanos(delta));
        }
        if (!inbox.workInFlight()) {
            virtualNow = when;
            return false;
        }
        long start = System.nanoTime();
        boolean interrupted = inbox.waitForInput(toNanos(delta));
        if (!inbox.gotInput()) {
            virtualNow = when;
        } else {
            virtualNow = Math.min(when, virtualNow + (System.nanoTime() - start) * 1e-9);
        }
        return interrupted;
    }

    private static long toNanos(double seconds) {
        return seconds >= 9e9 ? Long.MAX_VALUE : Math.max(1, (long) Math.ceil(seconds * 1e9));
    }

    /**
     * A wall clock for printing times: the system clock, or on virtual time the start instant
     * plus the virtual time elapsed since.
     */
    Clock wallClock() {
        return virtual ? new VirtualWallClock(ZoneId.systemDefault()) : Clock.systemDefaultZone();
    }

    private final class VirtualWallClock extends Clock {
        private final ZoneId zone;

        VirtualWallClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new VirtualWallClock(z);
        }

        @Override
        public Instant instant() {
            return virtualStart.plusNanos(Math.round(virtualNow * 1e9));
        }
    }
}
