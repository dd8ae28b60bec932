package io.jasyncio;

import java.util.function.Consumer;

/**
 * A scheduled run of one done callback of one future, in the context the callback was added in
 * (asyncio's {@code add_done_callback} copies the current context).
 */
final class DoneCallback<T> extends Handle {
    private final Consumer<? super Future<T>> callback;
    private final Future<T> future;

    DoneCallback(Consumer<? super Future<T>> callback, Future<T> future, Object context) {
        super(future.loop, context);
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

    /**
     * A registered callback with the context it was added in; stored only when that context has
     * values (a bare {@code Consumer} among a future's callbacks runs in an empty context). Equal
     * to its callback, so {@code removeDoneCallback} finds it.
     */
    static final class WithContext {
        final Consumer<?> callback;
        final Object context;

        WithContext(Consumer<?> callback, Object context) {
            this.callback = callback;
            this.context = context;
        }

        @Override
        public boolean equals(Object o) {
            return o == this || callback.equals(o) || o instanceof WithContext w && callback.equals(w.callback);
        }

        @Override
        public int hashCode() {
            return callback.hashCode();
        }
    }
}
