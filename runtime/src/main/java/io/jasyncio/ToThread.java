package io.jasyncio;

import java.util.concurrent.Callable;

/**
 * The coroutine {@link AsyncIO#toThread} returns (asyncio.to_thread): on its first step it copies
 * the awaiting task's context, submits {@code fn} to the loop's default executor to run in that
 * copy, and waits for the result.
 */
final class ToThread<T> extends Coroutine<T> {
    private final Callable<T> fn;
    private boolean started;

    ToThread(Callable<T> fn) {
        this.fn = fn;
    }

    @Override
    protected Object resume(Task<?> task) throws Throwable {
        if (started) {
            return awaitResult(task);
        }
        started = true;
        Context context = Context.copyContext();
        Callable<T> fn = this.fn;
        Future<T> f = task.loop.runInExecutor(
                null,
                () -> context.run(() -> {
                    try {
                        return fn.call();
                    } catch (Exception e) {
                        throw Throw.sneaky(e);
                    }
                }));
        return awaitStep(task, f);
    }

    @Override
    protected StackTraceElement location() {
        return new StackTraceElement(AsyncIO.class.getName(), "toThread", "AsyncIO.java", -1);
    }
}
