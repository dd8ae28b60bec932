package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;

/**
 * E8: a task can only be created while an event loop runs in the current thread. Here there
 * is none, so createTask fails with "no running event loop" (the exception ends the program,
 * as the RuntimeError does in Python).
 */
public class E08CreateTaskWithoutLoop {

    @Async
    static Coroutine<Void> coro1() {
        System.out.println("something is running");
        return done();
    }

    public static void main(String[] args) {
        createTask(coro1());
    }
}
