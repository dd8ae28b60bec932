package io.jasyncio;

/**
 * Something to walk with an {@link AsyncIterator} (Python's asynchronous iterable, the object of
 * an {@code async for}).
 *
 * @param <T> the type of the elements
 */
public interface AsyncIterable<T> {
    /** The asynchronous iterator (Python's {@code __aiter__}). */
    AsyncIterator<T> asyncIterator();
}
