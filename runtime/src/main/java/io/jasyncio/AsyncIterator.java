package io.jasyncio;

import java.util.NoSuchElementException;

/**
 * An asynchronous iterator: Java's form of what Python walks with {@code async for}. The step
 * that may wait is {@link #hasNext()}, whose awaitable is awaited; {@link #next()} then hands
 * out the element without waiting:
 *
 * <pre>{@code
 * for (AsyncIterator<Future<String>> it = asCompleted(tasks).asyncIterator(); await(it.hasNext()); ) {
 *     Future<String> first = it.next();
 *     ...
 * }
 * }</pre>
 *
 * <p>One idiom for every asynchronous iteration of the library. Implementations keep the awaited
 * step cheap: when an element (or the end) is known already, {@code hasNext()} returns a future
 * that is done, which {@code await} takes without suspending and without allocating.
 *
 * @param <T> the type of the elements
 */
public interface AsyncIterator<T> {
    /**
     * An awaitable giving true when {@link #next()} has an element, false at the end. Await it
     * before each {@code next()}; awaiting it may suspend until an element is there. A failure
     * of the iteration (a timeout, for instance) is thrown where it is awaited or by {@code next()}.
     */
    Awaitable<Boolean> hasNext();

    /**
     * The next element, after {@link #hasNext()} gave true; {@link NoSuchElementException} when
     * there is none.
     */
    T next();
}
