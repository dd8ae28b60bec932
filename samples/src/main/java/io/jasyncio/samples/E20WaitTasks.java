package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.Task;
import io.jasyncio.WaitResult;
import java.util.Set;

/** E20: create the task yourself, and {@code task} is found in {@code done}. */
public class E20WaitTasks {

    @Async
    static Coroutine<Integer> foo() {
        return done(42);
    }

    @Async
    static Coroutine<Void> main() {
        Task<Integer> task = createTask(foo());
        WaitResult<Integer> result = await(waitTasks(Set.of(task)));
        if (result.done().contains(task)) {
            System.out.println("Everything will work as expected now.");
        }
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
