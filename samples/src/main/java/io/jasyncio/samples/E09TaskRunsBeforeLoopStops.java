package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;

/**
 * E9: main creates a task and prints the running loop, without awaiting the task. The task
 * still prints: its first step was queued before main's completion, and the loop runs its
 * ready queue in FIFO order before it stops.
 */
public class E09TaskRunsBeforeLoopStops {

    @Async
    static Coroutine<Void> coro() {
        System.out.println("something is running");
        return done();
    }

    @Async
    static Coroutine<Void> main() {
        createTask(coro());
        System.out.println(getRunningLoop());
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
