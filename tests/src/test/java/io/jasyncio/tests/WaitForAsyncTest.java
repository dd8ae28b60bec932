package io.jasyncio.tests;

import static io.jasyncio.AsyncIO.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Async;
import io.jasyncio.CancelledError;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import io.jasyncio.TimeoutError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** waitFor and the timeout scope in the @Async style (CPython 3.12+ wait_for / timeouts). */
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

    @Test
    void timeoutCancelsAnInlineChainAndRaisesTimeoutError() {
        // asyncio 3.12+: the coroutine runs inline in the caller's task; the timeout cancels that
        // task, CancelledError unwinds the chain, the scope turns it into TimeoutError.
        assertThat(run(timeoutThroughAChain(), EventLoop::withVirtualTime)).isEqualTo("timeout@1.5 cancelling=0");
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

    @Test
    void anInnerThatSuppressesCancellationReturnsItsValue() {
        assertThat(run(suppressing(), EventLoop::withVirtualTime)).isEqualTo("suppressed@1.5");
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

    @Test
    void timeoutZeroNeverStartsACoroutine() {
        assertThat(run(zeroTimeout(), EventLoop::withVirtualTime)).isEqualTo("timeout late");
    }

    @Async
    Coroutine<String> scoped() {
        return done(await(timeout(2).run(sleep(1, "in time"))));
    }

    @Test
    void timeoutScope() {
        assertThat(run(scoped(), EventLoop::withVirtualTime)).isEqualTo("in time");
    }
}
