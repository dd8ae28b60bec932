package io.jasyncio;

/**
 * The coroutine {@link AsyncIO#done(Object)} returns outside rewritten code: already holding
 * its value, it completes as soon as it is awaited. (Inside a rewritten {@code @Async} method
 * {@code return done(v)} becomes a plain return and this class is never created.)
 */
final class Done<T> extends Coroutine<T> {
    private final T value;

    Done(T value) {
        this.value = value;
    }

    @Override
    protected Object resume(Task<?> task) {
        return value;
    }
}
