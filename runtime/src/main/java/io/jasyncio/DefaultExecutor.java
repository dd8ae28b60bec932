package io.jasyncio;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The loop's default executor for {@code runInExecutor(null, ...)}: asyncio's size, daemon threads. */
final class DefaultExecutor {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private DefaultExecutor() {}

    static ExecutorService create() {
        int threads = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "jasyncio-executor-" + pool + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ThreadPoolExecutor ex =
                new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
        ex.allowCoreThreadTimeOut(true);
        return ex;
    }
}
