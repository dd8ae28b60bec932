package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.Task;

/** E6: a task runs its coroutine concurrently with main; main awaits it for its result. */
public class E06AwaitTask {

    @Async
    static Coroutine<Integer> nested() {
        return done(42);
    }

    @Async
    static Coroutine<Void> main() {
        // Schedule nested() to run soon concurrently with main().
        Task<Integer> task = createTask(nested());

        // "task" can now be used to cancel nested(), or can simply be awaited
        // until it is complete:
        System.out.println(await(task));
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
