package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.Task;
import io.jasyncio.TaskGroup;

/**
 * E25 (asyncio documentation, "Task Groups"): the tasks of a group are all done when its scope
 * ends, so their results can be read without awaiting them. The documentation's
 * {@code some_coro(...)} and {@code another_coro(...)} are two small computations here.
 */
public class E25TaskGroupResults {
    static Task<Integer> task1;
    static Task<String> task2;

    @Async
    static Coroutine<Integer> someCoro(int x) {
        await(sleep(1));
        return done(x * x);
    }

    @Async
    static Coroutine<String> anotherCoro(String s) {
        await(sleep(2));
        return done(s.toUpperCase());
    }

    @Async
    static Coroutine<Void> body(TaskGroup tg) {
        task1 = tg.createTask(someCoro(7));
        task2 = tg.createTask(anotherCoro("done"));
        return done();
    }

    @Async
    static Coroutine<Void> main() {
        await(taskGroup(tg -> body(tg)));
        System.out.println("Both tasks have completed now: " + task1.result() + ", " + task2.result());
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
