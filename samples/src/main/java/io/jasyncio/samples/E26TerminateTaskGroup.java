package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.ExceptionGroup;
import io.jasyncio.TaskGroup;

/**
 * E26 (asyncio documentation, "Terminating a Task Group"): a task that raises a dedicated
 * exception stops the whole group; {@code except* TerminateTaskGroup: pass} becomes
 * {@code eg.handle(TerminateTaskGroup.class, e -> {}).rethrowRest()}. Task 2 is cancelled before
 * it is done.
 */
public class E26TerminateTaskGroup {

    /** Exception raised to terminate a task group. */
    static final class TerminateTaskGroup extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Used to force termination of a task group. */
    @Async
    static Coroutine<Void> forceTerminateTaskGroup() {
        throw new TerminateTaskGroup();
    }

    @Async
    static Coroutine<Void> job(int taskId, double sleepTime) {
        System.out.println("Task " + taskId + ": start");
        await(sleep(sleepTime));
        System.out.println("Task " + taskId + ": done");
        return done();
    }

    @Async
    static Coroutine<Void> body(TaskGroup group) {
        // spawn some tasks
        group.createTask(job(1, 0.5));
        group.createTask(job(2, 1.5));
        // sleep for 1 second
        await(sleep(1));
        // add an exception-raising task to force the group to terminate
        group.createTask(forceTerminateTaskGroup());
        return done();
    }

    @Async
    static Coroutine<Void> main() {
        try {
            await(taskGroup(group -> body(group)));
        } catch (ExceptionGroup eg) {
            eg.handle(TerminateTaskGroup.class, e -> {}).rethrowRest();
        }
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
