package io.jasyncio.benchmarks.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A one-line description of the machine the numbers come from. */
public final class Machine {
    private Machine() {}

    /** The 1, 5 and 15 minute load averages ("n/a" off Linux): how busy the shared machine was. */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** Cores, CPU model, memory and operating system. */
    public static String describe() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux: keep the generic name
        }
        long memGb = -1;
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            memGb = Math.round(sun.getTotalMemorySize() / (1024.0 * 1024 * 1024));
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpu
                + (memGb > 0 ? ", " + memGb + " GB RAM" : "") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch");
    }
}
