package io.jasyncio.benchmarks.compare;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Clocks and heap measurement shared by every peer, so they are measured the same way. */
final class Measure {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private Measure() {}

    /** CPU time of the whole process (all threads: carriers, GC, JIT), in nanoseconds. */
    static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * Bytes allocated so far by the live threads of this JVM (-1 when the JVM cannot say): the
     * difference over a pass is its allocation, a number the machine's load does not change.
     */
    static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported()) {
            long sum = 0;
            for (long b : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
                sum += Math.max(0, b);
            }
            return sum;
        }
        return -1;
    }

    /**
     * Heap in use after full collections, repeated until it stops shrinking: what is
     * reachable, not what happens to be lying around.
     */
    static long usedHeapAfterGc() {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            System.gc();
            long used = MEMORY.getHeapMemoryUsage().getUsed();
            if (used >= best && i >= 2) {
                return Math.min(best, used);
            }
            best = Math.min(best, used);
        }
        return best;
    }
}
