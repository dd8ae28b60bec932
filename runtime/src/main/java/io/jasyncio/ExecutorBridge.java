package io.jasyncio;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * An event loop's way out to other threads: {@link EventLoop#runInExecutor} and the loop's
 * default executor (created on first use, shut down with the loop).
 */
final class ExecutorBridge {
    private static final System.Logger LOG = System.getLogger("io.jasyncio");

    private final EventLoop loop;
    private ExecutorService defaultExecutor;
    private boolean shutdownCalled;

    ExecutorBridge(EventLoop loop) {
        this.loop = loop;
    }

    /** Runs {@code fn} on {@code executor} (null: the default executor); see {@link EventLoop#runInExecutor}. */
    <T> Future<T> run(Executor executor, Callable<T> fn) {
        Executor ex = executor != null ? executor : defaultExecutor();
        ForeignFuture<T> future = new ForeignFuture<>(loop);
        Runnable job = () -> {
            T value;
            try {
                value = fn.call();
            } catch (Throwable e) {
                future.settleThreadsafe(null, e);
                return;
            }
            future.settleThreadsafe(value, null);
        };
        try {
            if (ex instanceof ExecutorService service) {
                future.cancelsSource(service.submit(job));
            } else {
                ex.execute(job);
            }
        } catch (RejectedExecutionException e) {
            future.cancel();
            throw e;
        }
        return future;
    }

    private ExecutorService defaultExecutor() {
        if (shutdownCalled) {
            throw new IllegalStateException("Executor shutdown has been called");
        }
        if (defaultExecutor == null) {
            defaultExecutor = DefaultExecutor.create();
        }
        return defaultExecutor;
    }

    /** Shuts the default executor down and waits (up to 300 s, as asyncio 3.12) for its threads. */
    void shutdownDefault() {
        shutdownCalled = true;
        ExecutorService ex = defaultExecutor;
        if (ex == null) {
            return;
        }
        defaultExecutor = null;
        ex.shutdown();
        try {
            if (!ex.awaitTermination(300, TimeUnit.SECONDS)) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "The default executor did not finish joining its threads within 300 seconds.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The loop is closing: shuts the default executor down without waiting. */
    void close() {
        shutdownCalled = true;
        if (defaultExecutor != null) {
            defaultExecutor.shutdown();
            defaultExecutor = null;
        }
    }
}
