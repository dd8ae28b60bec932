package io.jasyncio.tests;

import static io.jasyncio.AsyncIO.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Async;
import io.jasyncio.AsyncIterator;
import io.jasyncio.Context;
import io.jasyncio.ContextVar;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The task API written the way users write it: rewritten {@code @Async} methods. */
class TaskApiAsyncTest {
    private static final ContextVar<String> REQUEST = new ContextVar<>("request", "-");

    private static EventLoop virtualLoop() {
        return EventLoop.withVirtualTime();
    }

    @Async
    Coroutine<String> foo() {
        String name = await(bar());
        return done(name);
    }

    @Async
    Coroutine<String> bar() {
        // test_tasks test_get_stack: from inside, T.get_stack(limit=1)[0] is foo, the task's coroutine
        List<StackTraceElement> one = currentTask().getStack(1);
        return done(one.get(0).getMethodName());
    }

    @Test
    void getStackWithLimitOneOfTheRunningTaskIsItsOwnCoroutine() {
        assertThat(run(foo(), TaskApiAsyncTest::virtualLoop)).isEqualTo("foo");
    }

    @Async
    Coroutine<Integer> answer() {
        return done(42);
    }

    @Async
    Coroutine<String> eagerMain() {
        getRunningLoop().setTaskFactory(io.jasyncio.AsyncIO::eagerTaskFactory);
        Task<Integer> t = createTask(answer());
        // asyncio 3.12: a coroutine that never suspends finished inside create_task
        String r = t.done() + " " + t.result() + " " + (t.getCoro() == null);
        await(sleep(0));
        return done(r);
    }

    @Test
    void anEagerTaskFinishesInsideCreateTask() {
        assertThat(run(eagerMain(), TaskApiAsyncTest::virtualLoop)).isEqualTo("true 42 true");
    }

    @Async
    Coroutine<String> after(double delay, String value) {
        await(sleep(delay));
        return done(value);
    }

    @Async
    Coroutine<List<String>> walkAsCompleted() {
        List<Task<String>> tasks =
                List.of(createTask(after(3, "c")), createTask(after(1, "a")), createTask(after(2, "b")));
        List<String> out = new ArrayList<>();
        // Python: async for t in as_completed(tasks): out.append(f"{tasks.index(t)}:{t.result()}")
        for (AsyncIterator<Future<String>> it = asCompleted(tasks).asyncIterator(); await(it.hasNext()); ) {
            Future<String> t = it.next();
            out.add(tasks.indexOf(t) + ":" + t.result() + "@" + getRunningLoop().time());
        }
        return done(out);
    }

    @Test
    void theAsyncIterationIdiom() {
        assertThat(run(walkAsCompleted(), TaskApiAsyncTest::virtualLoop))
                .containsExactly("1:a@1.0", "2:b@2.0", "0:c@3.0");
    }

    @Async
    Coroutine<String> handler(String id) {
        REQUEST.set(id);
        await(sleep(1));
        String onThread = await(toThread(() -> "thread sees " + REQUEST.get()));
        return done(onThread);
    }

    @Async
    Coroutine<List<String>> contexts() {
        Task<String> a = createTask(handler("a"));
        Context ctx = new Context();
        Task<String> b = createTask(handler("b"), "b", ctx);
        List<String> out = new ArrayList<>();
        out.add(await(a));
        out.add(await(b));
        out.add("context of b has " + ctx.get(REQUEST));
        out.add("main has " + REQUEST.get());
        return done(out);
    }

    @Test
    void requestIdsStayWithTheirTasks() {
        assertThat(run(contexts(), TaskApiAsyncTest::virtualLoop))
                .containsExactly("thread sees a", "thread sees b", "context of b has b", "main has -");
    }
}
