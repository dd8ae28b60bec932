package io.jasyncio;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * asyncio.Future: the eventual result of an operation, bound to one {@link EventLoop}.
 * Not thread-safe. SKELETON: signatures fixed, bodies filled in by the runtime core.
 */
public non-sealed class Future<T> implements Awaitable<T> {
    public Future() { throw todo(); }
    public Future(EventLoop loop) { throw todo(); }
    public EventLoop getLoop() { throw todo(); }
    public boolean done() { throw todo(); }
    public boolean cancelled() { throw todo(); }
    public T result() { throw todo(); }
    public Throwable exception() { throw todo(); }
    public void setResult(T value) { throw todo(); }
    public void setException(Throwable exception) { throw todo(); }
    public boolean cancel() { throw todo(); }
    public boolean cancel(String message) { throw todo(); }
    public void addDoneCallback(Consumer<? super Future<T>> callback) { throw todo(); }
    public int removeDoneCallback(Consumer<? super Future<T>> callback) { throw todo(); }
    public CompletableFuture<T> toCompletableFuture() { throw todo(); }
    public static <T> Future<T> fromCompletionStage(CompletionStage<T> stage) { throw todo(); }

    static UnsupportedOperationException todo() {
        return new UnsupportedOperationException("runtime core not built yet");
    }
}
