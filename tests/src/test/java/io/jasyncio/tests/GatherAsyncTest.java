package io.jasyncio.tests;

import static io.jasyncio.AsyncIO.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Async;
import io.jasyncio.CancelledError;
import io.jasyncio.Coroutine;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.junit.AsyncTest;
import io.jasyncio.junit.TestLoop;
import java.util.ArrayList;
import java.util.List;

/** gather and shield in the @Async style (CPython 3.13 tasks.gather / tasks.shield semantics). */
class GatherAsyncTest {
    private final List<String> log = new ArrayList<>();
    private int runs;

    @Async
    Coroutine<String> after(double delay, String value) {
        runs++;
        await(sleep(delay));
        log.add(value + "@" + getRunningLoop().time());
        return done(value);
    }

    @Async
    Coroutine<String> failAfter(double delay, String message) {
        await(sleep(delay));
        throw new IllegalStateException(message);
    }

    @Async
    Coroutine<List<Object>> duplicatesAndFailures() {
        Coroutine<String> once = after(1, "x");
        List<Object> a = await(gather(once, after(0.5, "y"), once));
        List<Object> b = await(gather(true, failAfter(1, "a"), failAfter(0.5, "b"), after(2, "ok")));
        List<Object> all = new ArrayList<>(a);
        for (Object o : b) {
            all.add(o instanceof Throwable t ? t.getMessage() : o);
        }
        return done(all);
    }

    @AsyncTest
    void duplicatesRunOnceAndFailuresStayInPlace(TestLoop loop) {
        // asyncio: the same coroutine twice is wrapped once; return_exceptions keeps input order.
        List<Object> r = loop.run(duplicatesAndFailures());
        assertThat(r).containsExactly("x", "y", "x", "a", "b", "ok");
        assertThat(runs).isEqualTo(3);
    }

    @Async
    Coroutine<String> firstFailureWins() {
        try {
            await(gather(failAfter(1, "late"), failAfter(0.5, "early"), after(2, "survivor")));
            return done("no failure");
        } catch (IllegalStateException e) {
            String first = e.getMessage() + "@" + getRunningLoop().time();
            await(sleep(2)); // the survivor was not cancelled
            return done(first);
        }
    }

    @AsyncTest
    void firstFailurePropagatesOthersRunOn(TestLoop loop) {
        assertThat(loop.run(firstFailureWins())).isEqualTo("early@0.5");
        assertThat(log).containsExactly("survivor@2.0");
    }

    @Async
    Coroutine<String> cancelGatherVsChild() {
        Task<String> child = createTask(after(5, "child"));
        Future<List<Object>> g = gather(true, child, after(1, "other"));
        child.cancel();
        List<Object> r = await(g); // a cancelled child does not cancel the gather
        Future<List<Object>> g2 = gather(true, after(5, "a"), after(5, "b"));
        await(sleep(1));
        g2.cancel();
        try {
            await(g2);
            return done("not cancelled");
        } catch (CancelledError e) {
            return done(r.get(0) + " " + r.get(1) + " / gather cancelled@"
                    + getRunningLoop().time());
        }
    }

    @AsyncTest
    void cancellingAChildVersusTheGather(TestLoop loop) {
        assertThat(loop.run(cancelGatherVsChild())).isEqualTo("CancelledError() other / gather cancelled@2.0");
    }

    @Async
    Coroutine<String> shieldedCaller(Task<String> inner) {
        return done(await(shield(inner)));
    }

    @Async
    Coroutine<String> shieldUnderOuterCancellation() {
        Task<String> inner = createTask(after(2, "inner"));
        Task<String> caller = createTask(shieldedCaller(inner));
        await(sleep(1));
        caller.cancel();
        try {
            await(caller);
        } catch (CancelledError e) {
            log.add("caller cancelled@" + getRunningLoop().time());
        }
        return done(await(inner));
    }

    @AsyncTest
    void shieldKeepsTheInnerRunning(TestLoop loop) {
        assertThat(loop.run(shieldUnderOuterCancellation())).isEqualTo("inner");
        assertThat(log).containsExactly("caller cancelled@1.0", "inner@2.0");
    }
}
