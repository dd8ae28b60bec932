package io.jasyncio;

import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A future or task that ended with an exception nobody retrieved (no {@code result()},
 * {@code exception()} or await) is reported to its loop's exception handler once it is garbage
 * collected: "Task exception was never retrieved", as asyncio does from {@code Future.__del__}.
 * Registration happens only when a future fails, so successful futures cost nothing.
 */
final class NeverRetrieved {
    private static final ReferenceQueue<Future<?>> QUEUE = new ReferenceQueue<>();
    private static final Set<Watch> WATCHED = ConcurrentHashMap.newKeySet();

    private NeverRetrieved() {}

    private static final class Watch extends PhantomReference<Future<?>> {
        final Failure failure;
        final EventLoop loop;
        final String description;
        final boolean task;
        /** Debug mode: where the future was created (asyncio's source_traceback), else null. */
        final StackTraceElement[] createdAt;

        Watch(Future<?> f, Failure failure) {
            super(f, QUEUE);
            this.failure = failure;
            this.loop = f.loop;
            this.description = f.toString();
            this.task = f instanceof Task<?>;
            this.createdAt = CreationSites.of(f);
        }
    }

    /** From Future.complete: {@code f} just failed with {@code failure} (not a cancellation). */
    static void watch(Future<?> f, Failure failure) {
        WATCHED.add(new Watch(f, failure));
    }

    /** Reports the collected futures whose failure was never retrieved; cheap when there is none. */
    static void poll() {
        Object ref;
        while ((ref = QUEUE.poll()) != null) {
            Watch w = (Watch) ref;
            WATCHED.remove(w);
            if (!w.failure.retrieved) {
                ExceptionContext context = new ExceptionContext(
                        (w.task ? "Task" : "Future")
                                + " exception was never retrieved\nfuture: " + w.description
                                + (w.createdAt == null ? "" : CreationSites.describe(w.createdAt)),
                        w.failure.error);
                if (w.loop.isClosed()) {
                    w.loop.defaultExceptionHandler(context);
                } else {
                    w.loop.callSoonThreadsafe(() -> w.loop.callExceptionHandler(context));
                }
            }
        }
    }
}
