package io.jasyncio;

import java.util.Arrays;

/**
 * The loop's pending timers: a 4-ary min-heap on (deadline, scheduling order), so equal
 * deadlines come out FIFO. Deadlines live in a {@code double[]} beside the handles, so sifting
 * through a million timers compares numbers in adjacent memory instead of chasing a handle per
 * level (with handles compared only on equal deadlines); four children per node halve the depth.
 *
 * <p>A cancelled timer stays in the heap, counted, until it reaches the top (where it is
 * dropped) or until cancelled ones are the majority, when one linear pass removes them all:
 * cancelling is O(1), the purge is O(1) amortised per cancelled timer, and the heap never holds
 * more than twice the live timers, plus {@link #MIN_PURGE} (asyncio keeps cancelled timers the
 * same way).
 */
final class TimerHeap {
    /** Below this many cancelled entries a purge is not worth a pass (unless all are cancelled). */
    private static final int MIN_PURGE = 256;

    private double[] when = new double[16];
    private TimerHandle[] items = new TimerHandle[16];
    /** Entries in the heap, cancelled ones included. */
    private int size;
    /** Entries in the heap whose handle was cancelled. */
    private int cancelled;
    /** The scheduling order of the next timer ({@link TimerHandle#seq}). */
    private int nextSeq;

    /** Entries held, cancelled ones included (for tests: the heap stays within twice the live timers). */
    int entries() {
        return size;
    }

    /** The scheduling order for a new timer: equal deadlines fire in this order. */
    int nextSeq() {
        return nextSeq++;
    }

    /** Live (not cancelled) timers. */
    int size() {
        return size - cancelled;
    }

    void add(TimerHandle h) {
        if (size == items.length) {
            resize(size * 2);
        }
        h.inHeap = true;
        siftUp(size++, h.when, h);
    }

    /** The earliest live timer (cancelled ones on top are dropped on the way), or null. */
    TimerHandle first() {
        while (size > 0) {
            TimerHandle top = items[0];
            if (!top.cancelled) {
                return top;
            }
            cancelled--;
            removeTop();
        }
        return null;
    }

    /** Removes and returns the earliest live timer, or null. */
    TimerHandle poll() {
        TimerHandle top = first();
        if (top != null) {
            removeTop();
            purgeIfMostlyCancelled();
        }
        return top;
    }

    /** A handle in the heap was just cancelled (by {@link TimerHandle#cancel()}). */
    void cancelled() {
        cancelled++;
        purgeIfMostlyCancelled();
    }

    /** Purges when every entry is cancelled, or when cancelled ones (at least {@link #MIN_PURGE}) outnumber live ones. */
    private void purgeIfMostlyCancelled() {
        if (cancelled > 0 && (cancelled == size || (cancelled >= MIN_PURGE && cancelled > size - cancelled))) {
            purge();
        }
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            items[i].inHeap = false;
        }
        Arrays.fill(items, 0, size, null);
        size = 0;
        cancelled = 0;
        resize(16);
    }

    private void removeTop() {
        items[0].inHeap = false;
        int last = --size;
        TimerHandle h = items[last];
        double w = when[last];
        items[last] = null;
        if (last > 0) {
            siftDown(0, w, h);
        }
        if (items.length > 64 && size < items.length >>> 2) {
            resize(items.length >>> 1);
        }
    }

    /** Drops every cancelled entry in one pass and rebuilds the heap bottom-up (O(n)). */
    private void purge() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            TimerHandle h = items[i];
            if (h.cancelled) {
                h.inHeap = false;
            } else {
                items[n] = h;
                when[n] = when[i];
                n++;
            }
        }
        Arrays.fill(items, n, size, null);
        size = n;
        cancelled = 0;
        for (int i = (n - 2) >>> 2; n > 1 && i >= 0; i--) {
            siftDown(i, when[i], items[i]);
        }
        int capacity = items.length;
        while (capacity > 64 && n < capacity >>> 2) {
            capacity >>>= 1;
        }
        if (capacity != items.length) {
            resize(capacity);
        }
    }

    private void resize(int capacity) {
        when = Arrays.copyOf(when, capacity);
        items = Arrays.copyOf(items, capacity);
    }

    /** Whether (w, a) comes before (bw, b): earlier deadline, or the same one scheduled earlier. */
    private static boolean before(double w, TimerHandle a, double bw, TimerHandle b) {
        return w < bw || (w == bw && a.seq - b.seq < 0);
    }

    private void siftUp(int i, double w, TimerHandle h) {
        double[] when = this.when;
        TimerHandle[] items = this.items;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            double pw = when[parent];
            TimerHandle p = items[parent];
            if (!before(w, h, pw, p)) {
                break;
            }
            when[i] = pw;
            items[i] = p;
            i = parent;
        }
        when[i] = w;
        items[i] = h;
    }

    private void siftDown(int i, double w, TimerHandle h) {
        double[] when = this.when;
        TimerHandle[] items = this.items;
        int n = size;
        for (; ; ) {
            int first = 4 * i + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            double bw = when[first];
            int end = Math.min(first + 4, n);
            for (int k = first + 1; k < end; k++) {
                double kw = when[k];
                if (kw < bw || (kw == bw && items[k].seq - items[best].seq < 0)) {
                    best = k;
                    bw = kw;
                }
            }
            TimerHandle b = items[best];
            if (!before(bw, b, w, h)) {
                break;
            }
            when[i] = bw;
            items[i] = b;
            i = best;
        }
        when[i] = w;
        items[i] = h;
    }
}
