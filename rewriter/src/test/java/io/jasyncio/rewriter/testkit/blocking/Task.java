package io.jasyncio.rewriter.testkit.blocking;

/** Stand-in for io.jasyncio.Task: the coroutine already ran when it was created. */
public final class Task<T> extends Future<T> {
    private final String name;

    Task(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }
}
