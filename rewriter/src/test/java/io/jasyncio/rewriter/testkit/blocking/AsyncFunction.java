package io.jasyncio.rewriter.testkit.blocking;

/** Stand-in for io.jasyncio.AsyncFunction. */
@FunctionalInterface
public interface AsyncFunction<A, T> {
    Coroutine<T> apply(A a) throws Exception;
}
