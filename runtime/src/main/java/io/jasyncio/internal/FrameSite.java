package io.jasyncio.internal;

/** Decodes a frame's site constant into a stack element; only on demand (stacks, toString). */
final class FrameSite {
    private FrameSite() {
    }

    static StackTraceElement location(String site, int state) {
        String[] parts = site.split("\0", -1);
        String file = parts.length > 2 && !parts[2].isEmpty() ? parts[2] : null;
        int line = -1;
        if (parts.length > 3 && !parts[3].isEmpty()) {
            String[] lines = parts[3].split(",");
            if (state >= 0 && state < lines.length) {
                line = Integer.parseInt(lines[state]);
            }
        }
        return new StackTraceElement(parts[0], parts.length > 1 ? parts[1] : "?", file, line);
    }
}
