package io.jasyncio;

import java.util.Arrays;

/**
 * A future's done callbacks once there are two or more (one callback is stored inline in the
 * future, without this list). Entries are user {@code Consumer}s or {@link Task}s waiting to
 * be woken up.
 */
final class Callbacks {
    Object[] items = new Object[4];
    int size;

    Callbacks(Object first, Object second) {
        items[0] = first;
        items[1] = second;
        size = 2;
    }

    void add(Object callback) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = callback;
    }

    /** Removes every entry equal to {@code callback}; returns how many. */
    int removeAll(Object callback) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            Object o = items[i];
            if (!o.equals(callback)) {
                items[kept++] = o;
            }
        }
        int removed = size - kept;
        Arrays.fill(items, kept, size, null);
        size = kept;
        return removed;
    }
}
