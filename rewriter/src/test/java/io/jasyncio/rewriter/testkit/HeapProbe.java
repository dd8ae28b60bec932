package io.jasyncio.rewriter.testkit;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap in use after a full GC, sampled from inside a running test program
 * ({@code HeapProbe.sample()}), to show that memory does not grow with a loop's count.
 */
public final class HeapProbe {
    private static final List<Long> SAMPLES = new ArrayList<>();

    private HeapProbe() {}

    public static synchronized void sample() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        // Several collections: the smallest reading is the live set, without floating garbage.
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        SAMPLES.add(used);
    }

    public static synchronized List<Long> drain() {
        List<Long> out = new ArrayList<>(SAMPLES);
        SAMPLES.clear();
        return out;
    }
}
