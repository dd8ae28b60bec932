package io.jasyncio;

import java.util.concurrent.CompletionStage;

/**
 * The static facade: the Java face of Python's {@code asyncio} module. Use it with
 * {@code import static io.jasyncio.AsyncIO.*;}.
 *
 * <p>SKELETON: {@code await}/{@code done} are fixed (the rewriter matches their descriptors);
 * the rest of the facade (run, createTask, sleep, gather, shield, waitFor, waitAll, asCompleted,
 * runCoroutineThreadsafe, currentTask, allTasks, getRunningLoop, isCoroutine,
 * isCoroutineFunction, ensureFuture, ...) is added by the runtime core and the high-level API.
 */
public final class AsyncIO {
    private AsyncIO() {
    }

    /**
     * Waits for {@code awaitable} and returns its result, or rethrows its failure as is. Only
     * meaningful inside an {@link Async} method that was rewritten; anywhere else it fails at
     * once with a message that names the calling method and how to enable the rewriter.
     */
    public static <T> T await(Awaitable<T> awaitable) {
        throw NotRewritten.at("await");
    }

    /** Waits for a {@link CompletionStage} (completed on any thread); see {@link #await(Awaitable)}. */
    public static <T> T await(CompletionStage<T> stage) {
        throw NotRewritten.at("await");
    }

    /** The normal way out of an {@link Async} method: {@code return done(value);}. */
    public static <T> Coroutine<T> done(T value) {
        throw new UnsupportedOperationException("runtime core not built yet");
    }

    /** {@code return done();} ends a {@code Coroutine<Void>} method. */
    public static Coroutine<Void> done() {
        return done(null);
    }
}
