package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.CancelledError;
import io.jasyncio.Coroutine;
import io.jasyncio.Task;

/**
 * E23: Task.cancel() throws CancelledError into the coroutine at its suspended await; the
 * coroutine cleans up and lets it propagate, so awaiting the task raises it too.
 */
public class E23CancelTask {

    @Async
    static Coroutine<Void> cancelMe() {
        System.out.println("cancel_me(): before sleep");
        try {
            // Wait for 1 hour
            await(sleep(3600));
        } catch (CancelledError e) {
            System.out.println("cancel_me(): cancel sleep");
            throw e;
        } finally {
            System.out.println("cancel_me(): after sleep");
        }
        return done();
    }

    @Async
    static Coroutine<Void> main() {
        // Create a "cancelMe" task
        Task<Void> task = createTask(cancelMe());

        // Wait for 1 second
        await(sleep(1));

        task.cancel();
        try {
            await(task);
        } catch (CancelledError e) {
            System.out.println("main(): cancel_me is cancelled now");
        }
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
