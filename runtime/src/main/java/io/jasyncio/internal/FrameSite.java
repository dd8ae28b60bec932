package io.jasyncio.internal;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Decodes a frame's site constant into a stack element; only on demand (stacks, toString, async
 * stack traces). Each site is parsed once: a site is a per-method constant, so the cache is
 * bounded by the number of rewritten methods loaded.
 */
final class FrameSite {
    private static final ConcurrentHashMap<String, FrameSite> PARSED = new ConcurrentHashMap<>();

    private final String className;
    private final String method;
    private final String file;
    private final int[] lines;
    /** One element per state, built on first use (the elements are immutable, so shared). */
    private final StackTraceElement[] elements;

    private final StackTraceElement noLine;

    private FrameSite(String site) {
        String[] parts = site.split("\0", -1);
        className = parts[0];
        method = parts.length > 1 ? parts[1] : "?";
        file = parts.length > 2 && !parts[2].isEmpty() ? parts[2] : null;
        if (parts.length > 3 && !parts[3].isEmpty()) {
            String[] ls = parts[3].split(",");
            lines = new int[ls.length];
            for (int i = 0; i < ls.length; i++) {
                lines[i] = Integer.parseInt(ls[i]);
            }
        } else {
            lines = new int[0];
        }
        elements = new StackTraceElement[lines.length];
        noLine = new StackTraceElement(className, method, file, -1);
    }

    static StackTraceElement location(String site, int state) {
        FrameSite s = PARSED.get(site);
        if (s == null) {
            s = PARSED.computeIfAbsent(site, FrameSite::new);
        }
        return s.at(state);
    }

    private StackTraceElement at(int state) {
        if (state < 0 || state >= lines.length) {
            return noLine;
        }
        StackTraceElement e = elements[state];
        if (e == null) {
            // racy publication is fine: StackTraceElement is immutable with final fields
            e = new StackTraceElement(className, method, file, lines[state]);
            elements[state] = e;
        }
        return e;
    }
}
