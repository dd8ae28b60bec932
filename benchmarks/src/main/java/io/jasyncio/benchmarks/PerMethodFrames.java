package io.jasyncio.benchmarks;

import io.jasyncio.AsyncIO;
import io.jasyncio.Coroutine;
import io.jasyncio.Future;
import io.jasyncio.Task;

/**
 * A prototype, not shipped: the frame classes the rewriter would generate if each {@code @Async}
 * method got a class of its own (as Kotlin generates a continuation class per suspend function),
 * written by hand for two methods of {@link AsyncWorkloads}. Each holds exactly the values its
 * method keeps across an await, in fields of their own type, beside the state; the body is the
 * class's own {@code resume(Task)}, so no body constant and no overflow array. Measured against the
 * shared {@code internal.Frame} by {@link ParkedTaskLayout} (bytes per parked task) and
 * {@link FrameShapeBenchmarks} (resume speed). See docs/REWRITER.md, "A frame class per method".
 */
public final class PerMethodFrames {
    private PerMethodFrames() {}

    /** {@link AsyncWorkloads#waiter} as its own frame class. */
    public static Coroutine<Integer> waiter(Future<Integer> future) {
        return new Waiter(future);
    }

    /** {@link AsyncWorkloads#yielder} as its own frame class. */
    public static Coroutine<Void> yielder(long n) {
        return new Yielder(n);
    }

    /** {@code return done(await(future) + 1);}: the argument until the await, then nothing. */
    static final class Waiter extends Coroutine<Integer> {
        private int state;
        private Future<Integer> future;

        Waiter(Future<Integer> future) {
            this.future = future;
        }

        @Override
        protected Object resume(Task<?> task) throws Throwable {
            Object v;
            if (state == 0) {
                Future<Integer> f = future;
                future = null;
                v = awaitStep(task, f);
                if (v == SUSPEND) {
                    state = 1;
                    return SUSPEND;
                }
            } else {
                v = awaitResult(task);
            }
            return (Integer) v + 1;
        }
    }

    /** {@code for (long i = 0; i < n; i++) await(sleep(0));}: two longs, no reference. */
    static final class Yielder extends Coroutine<Void> {
        private int state;
        private long n;
        private long i;

        Yielder(long n) {
            this.n = n;
        }

        @Override
        protected Object resume(Task<?> task) throws Throwable {
            if (state == 1) {
                awaitResult(task);
                i++;
            }
            while (i < n) {
                if (awaitStep(task, AsyncIO.sleep(0)) == SUSPEND) {
                    state = 1;
                    return SUSPEND;
                }
                i++;
            }
            return null;
        }
    }
}
