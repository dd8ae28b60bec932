package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.WaitResult;
import java.util.Set;

/**
 * E19: the pitfall of passing a bare coroutine to waitTasks (asyncio.wait). It would be wrapped
 * in a task, so {@code coro} could never be found in {@code done}; like Python 3.11+, jasyncio
 * refuses it with a clear error, which ends the program. E20 shows the right way.
 */
public class E19WaitTasksRejectsCoroutines {

    @Async
    static Coroutine<Integer> foo() {
        return done(42);
    }

    @Async
    static Coroutine<Void> main() {
        Coroutine<Integer> coro = foo();
        WaitResult<Integer> result = await(waitTasks(Set.of(coro)));
        if (result.done().contains(coro)) {
            System.out.println("This branch will never be run!");
        }
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
