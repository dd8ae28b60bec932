package io.jasyncio;

import java.util.Arrays;

/**
 * The loop's pending timers: a binary min-heap on (deadline, scheduling order), so equal
 * deadlines come out FIFO. Each handle knows its index, so a cancelled timer is removed in
 * O(log n) at once instead of lingering until its deadline: a million pending timers cost
 * O(log n) per operation and nothing per loop step.
 */
final class TimerHeap {
    private TimerHandle[] heap = new TimerHandle[16];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    TimerHandle peek() {
        return heap[0];
    }

    void add(TimerHandle h) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        siftUp(size++, h);
    }

    TimerHandle poll() {
        TimerHandle top = heap[0];
        remove(top);
        return top;
    }

    void remove(TimerHandle h) {
        int i = h.heapIndex;
        h.heapIndex = -1;
        TimerHandle last = heap[--size];
        heap[size] = null;
        if (i != size) {
            siftDown(i, last);
            if (heap[i] == last) {
                siftUp(i, last);
            }
        }
        if (heap.length > 64 && size < heap.length >>> 2) {
            heap = Arrays.copyOf(heap, heap.length >>> 1);
        }
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            heap[i].heapIndex = -1;
            heap[i] = null;
        }
        size = 0;
    }

    private static boolean before(TimerHandle a, TimerHandle b) {
        return a.when < b.when || (a.when == b.when && a.seq - b.seq < 0);
    }

    private void siftUp(int i, TimerHandle h) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            TimerHandle p = heap[parent];
            if (!before(h, p)) {
                break;
            }
            heap[i] = p;
            p.heapIndex = i;
            i = parent;
        }
        heap[i] = h;
        h.heapIndex = i;
    }

    private void siftDown(int i, TimerHandle h) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            TimerHandle c = heap[child];
            int right = child + 1;
            if (right < size && before(heap[right], c)) {
                child = right;
                c = heap[child];
            }
            if (!before(c, h)) {
                break;
            }
            heap[i] = c;
            c.heapIndex = i;
            i = child;
        }
        heap[i] = h;
        h.heapIndex = i;
    }
}
