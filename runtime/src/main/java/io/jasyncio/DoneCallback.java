package io.jasyncio;

import java.util.function.Consumer;

/** A scheduled run of one done callback of one future. */
final class DoneCallback<T> extends Handle {
    private final Consumer<? super Future<T>> callback;
    private final Future<T> future;

    DoneCallback(Consumer<? super Future<T>> callback, Future<T> future) {
        super(future.loop);
        this.callback = callback;
        this.future = future;
    }

    @Override
    void invoke() {
        callback.accept(future);
    }

    @Override
    Object callback() {
        return callback;
    }
}
