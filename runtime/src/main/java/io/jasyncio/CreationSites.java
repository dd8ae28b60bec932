package io.jasyncio;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Debug mode: where each future and task was created (asyncio's {@code _source_traceback}), shown
 * in its {@code toString} ("created at File.java:12") and in the "exception was never retrieved"
 * report. Kept beside the futures, weakly, so a future costs no field for it; recorded only for
 * futures of a loop in debug mode.
 */
final class CreationSites {
    /** How many frames are kept (asyncio keeps the whole stack; the nearest frames tell where). */
    static final int DEPTH = 10;

    private static final Map<Future<?>, StackTraceElement[]> SITES = Collections.synchronizedMap(new WeakHashMap<>());

    private CreationSites() {}

    /** Records the user code creating {@code f} now (runtime frames skipped). */
    static void record(Future<?> f) {
        StackTraceElement[] all = new Throwable().getStackTrace();
        int from = 0;
        while (from < all.length && TaskStack.isRuntimeFrame(all[from])) {
            from++;
        }
        SITES.put(f, Arrays.copyOfRange(all, from, Math.min(all.length, from + DEPTH)));
    }

    /** Where {@code f} was created, innermost first; null when not recorded. */
    static StackTraceElement[] of(Future<?> f) {
        return SITES.isEmpty() ? null : SITES.get(f);
    }

    /** " created at File.java:12" for a future created in debug mode, else "". */
    static String suffix(Future<?> f) {
        StackTraceElement[] site = of(f);
        if (site == null || site.length == 0) {
            return "";
        }
        StackTraceElement e = site[0];
        return " created at " + (e.getFileName() != null ? e.getFileName() + ":" + e.getLineNumber() : e.toString());
    }

    /** The report lines for a creation site: "Object created at (most recent call first):" and the frames. */
    static String describe(StackTraceElement[] site) {
        StringBuilder sb = new StringBuilder("\nObject created at (most recent call first):");
        for (StackTraceElement e : site) {
            sb.append("\n\tat ").append(e);
        }
        return sb.toString();
    }
}
