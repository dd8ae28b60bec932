package io.jasyncio;

/**
 * asyncio.LifoQueue: an {@link AsyncQueue} that hands out the most recently added item first.
 *
 * @param <T> the type of the items
 */
public class AsyncLifoQueue<T> extends AsyncQueue<T> {
    /** An unbounded LIFO queue. */
    public AsyncLifoQueue() {
        super();
    }

    /** A LIFO queue holding at most {@code maxsize} items ({@code <= 0}: unbounded). */
    public AsyncLifoQueue(int maxsize) {
        super(maxsize);
    }

    /** Removes the most recent item (the tail). */
    @Override
    Object take() {
        Object[] a = items;
        int i = (head + size - 1) % a.length;
        Object item = a[i];
        a[i] = null;
        size--;
        return item;
    }
}
