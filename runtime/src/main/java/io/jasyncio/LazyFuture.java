package io.jasyncio;

import java.util.function.Supplier;

/**
 * A coroutine that starts an operation only when it is awaited and then waits for the operation's
 * future: how the runtime offers an asyncio coroutine function ({@code async def} that starts
 * something and awaits it) as a lazy coroutine. Cancelling the awaiting task cancels the
 * operation's future, whose done callbacks clean up.
 */
final class LazyFuture<T> extends Coroutine<T> {
    private final String name;
    private Supplier<? extends Future<T>> start;

    LazyFuture(String name, Supplier<? extends Future<T>> start) {
        this.name = name;
        this.start = start;
    }

    @Override
    protected Object resume(Task<?> task) throws Throwable {
        Supplier<? extends Future<T>> s = start;
        if (s == null) {
            return awaitResult(task);
        }
        start = null;
        return awaitStep(task, s.get());
    }

    @Override
    protected StackTraceElement location() {
        int dot = name.lastIndexOf('.');
        return new StackTraceElement("io.jasyncio." + name.substring(0, dot), name.substring(dot + 1), null, -1);
    }
}
