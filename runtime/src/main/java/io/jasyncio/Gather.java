package io.jasyncio;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * asyncio.gather (CPython 3.13 semantics): every awaitable runs concurrently (coroutines are
 * wrapped in tasks); the outer future gets the results in input order. The same awaitable passed
 * twice runs once and its result appears twice. With {@code returnExceptions=false} the first
 * failure (a cancelled child counts as a CancelledError) completes the outer future at once and
 * the other children keep running; with {@code true} failures are returned in place. Cancelling
 * the outer future cancels every unfinished child, and the outer then fails with CancelledError
 * even with {@code returnExceptions=true}: the one of the last child in argument order.
 */
final class Gather {
    private Gather() {}

    static <T> Future<List<T>> gather(boolean returnExceptions, List<? extends Awaitable<?>> aws) {
        Objects.requireNonNull(aws, "awaitables");
        if (aws.isEmpty()) {
            Future<List<T>> outer = AsyncIO.getRunningLoop().createFuture();
            outer.setResult(new ArrayList<>());
            return outer;
        }
        Map<Awaitable<?>, Future<?>> argToFut = new IdentityHashMap<>(aws.size()); // sized: no rehashing
        List<Future<?>> children = new ArrayList<>(aws.size());
        List<Future<?>> doneFuts = new ArrayList<>();
        EventLoop loop = null;
        Collector<T> collector = new Collector<>(returnExceptions, children);
        for (Awaitable<?> arg : aws) {
            Objects.requireNonNull(arg, "gather() argument");
            Future<?> fut = argToFut.get(arg);
            if (fut == null) {
                fut = Futures.ensure(arg, loop);
                if (loop == null) {
                    loop = fut.getLoop();
                }
                collector.nfuts++;
                argToFut.put(arg, fut);
                if (fut.done()) {
                    doneFuts.add(fut);
                } else {
                    addCallback(fut, collector);
                }
            }
            children.add(fut);
        }
        GatheringFuture<T> outer = new GatheringFuture<>(loop, children);
        collector.outer = outer;
        // Children done already are accounted for now, after the outer exists (as asyncio does):
        // if all were done, the gather is complete on return.
        for (Future<?> f : doneFuts) {
            collector.accept(f);
        }
        return outer;
    }

    @SuppressWarnings("unchecked")
    private static void addCallback(Future<?> fut, Consumer<Future<?>> cb) {
        ((Future<Object>) fut).addDoneCallback((Consumer<? super Future<Object>>) (Consumer<?>) cb);
    }

    /** The done callback shared by all children of one gather. */
    private static final class Collector<T> implements Consumer<Future<?>> {
        final boolean returnExceptions;
        final List<Future<?>> children;
        int nfuts;
        int nfinished;
        GatheringFuture<T> outer;

        Collector(boolean returnExceptions, List<Future<?>> children) {
            this.returnExceptions = returnExceptions;
            this.children = children;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void accept(Future<?> fut) {
            nfinished++;
            if (outer == null || outer.done()) {
                if (!fut.cancelled()) {
                    fut.exception(); // mark the exception retrieved: the gather owns it
                }
                return;
            }
            if (!returnExceptions) {
                Throwable exc = Futures.failure(fut);
                if (exc != null) {
                    outer.setException(exc);
                    return;
                }
            }
            if (nfinished == nfuts) {
                List<Object> results = new ArrayList<>(children.size());
                for (Future<?> child : children) {
                    // a cancelled child's place holds a new CancelledError: its own error stays for
                    // whoever awaits the child (asyncio 3.14)
                    results.add(
                            child.cancelled()
                                    ? Futures.newCancelledError(child)
                                    : child.exception() != null ? child.exception() : child.result());
                }
                if (outer.cancelRequested) {
                    // A cancelled gather fails with CancelledError whatever returnExceptions says: the
                    // error of the last child in argument order, as asyncio's _done_callback takes it.
                    outer.setException(Futures.makeCancelledError(children.get(children.size() - 1)));
                } else {
                    outer.setResult((List<T>) results);
                }
            }
        }
    }

    /** The outer future: cancelling it cancels the children instead of itself. */
    static final class GatheringFuture<T> extends Future<List<T>> {
        private final List<Future<?>> children;
        boolean cancelRequested;

        GatheringFuture(EventLoop loop, List<Future<?>> children) {
            super(loop);
            this.children = children;
        }

        /** The futures gathered, in argument order (for the task dump). */
        List<Future<?>> children() {
            return children;
        }

        @Override
        public boolean cancel() {
            return cancel(null);
        }

        @Override
        public boolean cancel(String message) {
            if (done()) {
                return false;
            }
            boolean ret = false;
            for (Future<?> child : children) {
                if (child.cancel(message)) {
                    ret = true;
                }
            }
            if (ret) {
                cancelRequested = true;
            }
            return ret;
        }
    }
}
