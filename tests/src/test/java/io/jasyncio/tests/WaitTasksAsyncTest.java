package io.jasyncio.tests;

import static io.jasyncio.AsyncIO.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import io.jasyncio.TimeoutError;
import io.jasyncio.WaitResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** waitTasks (asyncio.wait) and asCompleted in the @Async style. */
class WaitTasksAsyncTest {
    @Async
    Coroutine<Integer> after(double delay, int value) {
        await(sleep(delay));
        return done(value);
    }

    @Async
    Coroutine<String> eachReturnWhen() {
        List<Task<Integer>> ts = List.of(createTask(after(1, 1)), createTask(after(2, 2)), createTask(after(3, 3)));
        WaitResult<Integer> first = await(waitTasks(ts, FIRST_COMPLETED));
        double t1 = getRunningLoop().time();
        WaitResult<Integer> timedOut = await(waitTasks(ts, 0.5));
        double t2 = getRunningLoop().time();
        WaitResult<Integer> all = await(waitTasks(ts, ALL_COMPLETED));
        return done(first.done().size() + "/" + first.pending().size() + "@" + t1 + " "
                + timedOut.done().size() + "/" + timedOut.pending().size() + "@" + t2 + " "
                + all.done().size() + "/" + all.pending().size() + "@"
                + getRunningLoop().time());
    }

    @Test
    void returnWhenAndTimeout() {
        assertThat(run(eachReturnWhen(), EventLoop::withVirtualTime)).isEqualTo("1/2@1.0 1/2@1.5 3/0@3.0");
    }

    @Async
    Coroutine<List<String>> completionOrderWithTimeout() {
        List<String> seen = new ArrayList<>();
        for (Coroutine<Integer> next : asCompleted(List.of(after(3, 3), after(1, 1), after(2, 2)), 2.5)) {
            try {
                seen.add(await(next) + "@" + getRunningLoop().time());
            } catch (TimeoutError e) {
                seen.add("timeout@" + getRunningLoop().time());
            }
        }
        return done(seen);
    }

    @Test
    void asCompletedWithATimeoutMidway() {
        assertThat(run(completionOrderWithTimeout(), EventLoop::withVirtualTime))
                .containsExactly("1@1.0", "2@2.0", "timeout@2.5");
    }
}
