package io.jasyncio;

import java.util.Comparator;
import java.util.Objects;

/**
 * asyncio.PriorityQueue: an {@link AsyncQueue} that hands out the smallest item first, by the
 * items' natural order ({@link Comparable}) or by a {@link Comparator}. Like asyncio's (a binary
 * heap, {@code heapq}) it does not keep the insertion order of equal items: put a sequence number
 * into the comparison when that matters. Items must not be {@code null}; an item that is not
 * {@code Comparable} without a comparator fails with {@link ClassCastException} when put.
 *
 * @param <T> the type of the items
 */
public class AsyncPriorityQueue<T> extends AsyncQueue<T> {
    private final Comparator<? super T> comparator;

    /** An unbounded queue of {@link Comparable} items. */
    public AsyncPriorityQueue() {
        this(0, null);
    }

    /** A queue of {@link Comparable} items holding at most {@code maxsize} ({@code <= 0}: unbounded). */
    public AsyncPriorityQueue(int maxsize) {
        this(maxsize, null);
    }

    /** An unbounded queue ordered by {@code comparator} (null: natural order). */
    public AsyncPriorityQueue(Comparator<? super T> comparator) {
        this(0, comparator);
    }

    /** A queue ordered by {@code comparator} (null: natural order) holding at most {@code maxsize} items. */
    public AsyncPriorityQueue(int maxsize, Comparator<? super T> comparator) {
        super(maxsize);
        this.comparator = comparator;
    }

    /** The comparator, or null for the natural order. */
    public Comparator<? super T> comparator() {
        return comparator;
    }

    @Override
    @SuppressWarnings("unchecked")
    void store(Object item) {
        Objects.requireNonNull(item, "a priority queue does not take null items");
        if (comparator == null) {
            // fail before the heap changes, as java.util.PriorityQueue does
            Comparable<? super T> probe = (Comparable<? super T>) item;
            Objects.requireNonNull(probe);
        }
        if (size == items.length) {
            grow();
        }
        Object[] a = items;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Object p = a[parent];
            if (compare(item, p) >= 0) {
                break;
            }
            a[i] = p;
            i = parent;
        }
        a[i] = item;
    }

    @Override
    Object take() {
        Object[] a = items;
        Object top = a[0];
        int n = --size;
        Object last = a[n];
        a[n] = null;
        if (n > 0) {
            int i = 0;
            int half = n >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                Object c = a[child];
                int right = child + 1;
                if (right < n && compare(a[right], c) < 0) {
                    child = right;
                    c = a[child];
                }
                if (compare(last, c) <= 0) {
                    break;
                }
                a[i] = c;
                i = child;
            }
            a[i] = last;
        }
        return top;
    }

    @SuppressWarnings("unchecked")
    private int compare(Object x, Object y) {
        Comparator<? super T> c = comparator;
        return c != null ? c.compare((T) x, (T) y) : ((Comparable<? super T>) x).compareTo((T) y);
    }
}
