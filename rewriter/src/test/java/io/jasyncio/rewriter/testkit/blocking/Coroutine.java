package io.jasyncio.rewriter.testkit.blocking;

/** Stand-in for io.jasyncio.Coroutine: already finished, since the body ran when it was called. */
public final class Coroutine<T> implements Awaitable<T> {
    private final T value;

    Coroutine(T value) {
        this.value = value;
    }

    @Override
    public T get() {
        return value;
    }
}
