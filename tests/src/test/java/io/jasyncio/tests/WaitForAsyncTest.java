package io.jasyncio.tests;

import static io.jasyncio.AsyncIO.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Async;
import io.jasyncio.CancelledError;
import io.jasyncio.Coroutine;
import io.jasyncio.Task;
import io.jasyncio.TimeoutError;
import io.jasyncio.junit.AsyncTest;
import io.jasyncio.junit.TestLoop;
import java.util.ArrayList;
import java.util.List;

/**
 * waitFor and the timeout scope in the @Async style (CPython 3.12+ wait_for / timeouts), on the
 * JUnit extension's virtual-time loop, which also fails a test that leaves a task behind.
 */
class WaitForAsyncTest {
    private final List<String> log = new ArrayList<>();

    @Async
    Coroutine<String> deep(int depth) {
        if (depth == 0) {
            try {
                await(sleep(10));
            } catch (CancelledError e) {
                log.add("innermost cancelled@" + getRunningLoop().time());
                throw e;
            }
            return done("finished");
        }
        try {
            return done(await(deep(depth - 1)));
        } finally {
            log.add("unwound " + depth);
        }
    }

    @Async
    Coroutine<String> timeoutThroughAChain() {
        Task<?> me = currentTask();
        try {
            return done(await(waitFor(deep(3), 1.5)));
        } catch (TimeoutError e) {
            return done("timeout@" + getRunningLoop().time() + " cancelling=" + me.cancelling());
        }
    }

    @AsyncTest
    void timeoutCancelsAnInlineChainAndRaisesTimeoutError(TestLoop loop) {
        // asyncio 3.12+: the coroutine runs inline in the caller's task; the timeout cancels that
        // task, CancelledError unwinds the chain, the scope turns it into TimeoutError.
        assertThat(loop.run(timeoutThroughAChain())).isEqualTo("timeout@1.5 cancelling=0");
        assertThat(log).containsExactly("innermost cancelled@1.5", "unwound 1", "unwound 2", "unwound 3");
    }

    @Async
    Coroutine<String> stubborn() {
        try {
            await(sleep(10));
        } catch (CancelledError e) {
            await(sleep(0.5));
            return done("suppressed");
        }
        return done("slept");
    }

    @Async
    Coroutine<String> suppressing() {
        return done(await(waitFor(stubborn(), 1)) + "@" + getRunningLoop().time());
    }

    @AsyncTest
    void anInnerThatSuppressesCancellationReturnsItsValue(TestLoop loop) {
        assertThat(loop.run(suppressing())).isEqualTo("suppressed@1.5");
    }

    @Async
    Coroutine<String> zeroTimeout() {
        String first;
        try {
            first = await(waitFor(stubborn(), 0));
        } catch (TimeoutError e) {
            first = "timeout";
        }
        return done(first + " " + await(waitFor(sleep(0, "late"), 1)));
    }

    @AsyncTest
    void timeoutZeroNeverStartsACoroutine(TestLoop loop) {
        assertThat(loop.run(zeroTimeout())).isEqualTo("timeout late");
    }

    @Async
    Coroutine<String> scoped() {
        return done(await(timeout(2).run(sleep(1, "in time"))));
    }

    @AsyncTest
    void timeoutScope(TestLoop loop) {
        assertThat(loop.run(scoped())).isEqualTo("in time");
    }
}
