package io.jasyncio.rewriter.testkit.blocking;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Stand-in for io.jasyncio.AsyncIO with plain blocking semantics. A failing {@code @Async}
 * body throws at the call, which is inside the same {@code try} as its {@code await} in the
 * test programs, so the traces match the real, lazy semantics.
 */
public final class AsyncIO {
    private static int tasks;

    private AsyncIO() {}

    public static <T> T await(Awaitable<T> awaitable) {
        if (awaitable == null) {
            throw new NullPointerException("await(null)");
        }
        return awaitable.get();
    }

    public static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get();
        } catch (ExecutionException | CompletionException e) {
            throw sneaky(e.getCause());
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> Coroutine<T> done(T value) {
        return new Coroutine<>(value);
    }

    public static Coroutine<Void> done() {
        return new Coroutine<>(null);
    }

    /** As the real one: a method annotated {@link Async} that returns {@link Coroutine}, with or without a body. */
    public static boolean isCoroutineFunction(java.lang.reflect.Method method) {
        return method != null
                && method.isAnnotationPresent(Async.class)
                && Coroutine.class.isAssignableFrom(method.getReturnType());
    }

    public static <T> T run(Coroutine<T> coro) {
        return coro.get();
    }

    public static Coroutine<Void> sleep(double seconds) {
        return done();
    }

    public static <T> Coroutine<T> sleep(double seconds, T result) {
        return done(result);
    }

    public static Coroutine<Void> sleep(Duration delay) {
        return done();
    }

    public static <T> Task<T> createTask(Coroutine<T> coro) {
        return createTask(coro, "Task-" + ++tasks);
    }

    public static <T> Task<T> createTask(Coroutine<T> coro, String name) {
        Task<T> task = new Task<>(name);
        task.setResult(coro.get());
        return task;
    }

    public static EventLoop getRunningLoop() {
        return EventLoop.INSTANCE;
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
