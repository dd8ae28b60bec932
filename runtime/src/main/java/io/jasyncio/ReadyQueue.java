package io.jasyncio;

/**
 * The loop's FIFO of things to run in the next iteration: {@link Task}s to step (a task is its
 * own wakeup callback, so waking one allocates nothing) and {@link Handle}s. A growable ring.
 */
final class ReadyQueue {
    private Object[] items = new Object[64];
    private int head;
    private int tail;

    boolean isEmpty() {
        return head == tail;
    }

    int size() {
        return (tail - head) & (items.length - 1);
    }

    void add(Object o) {
        items[tail] = o;
        tail = (tail + 1) & (items.length - 1);
        if (tail == head) {
            grow();
        }
    }

    Object poll() {
        Object o = items[head];
        items[head] = null;
        head = (head + 1) & (items.length - 1);
        return o;
    }

    void clear() {
        while (!isEmpty()) {
            poll();
        }
    }

    private void grow() {
        Object[] old = items;
        int n = old.length;
        Object[] a = new Object[n * 2];
        System.arraycopy(old, head, a, 0, n - head);
        System.arraycopy(old, 0, a, n - head, head);
        items = a;
        head = 0;
        tail = n;
    }
}
