package io.jasyncio.rewriter.testkit.blocking;

/** Stand-in for io.jasyncio.AsyncSupplier. */
@FunctionalInterface
public interface AsyncSupplier<T> {
    Coroutine<T> get() throws Exception;
}
