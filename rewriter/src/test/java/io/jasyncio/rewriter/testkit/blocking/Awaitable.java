package io.jasyncio.rewriter.testkit.blocking;

/** Stand-in for io.jasyncio.Awaitable. */
public interface Awaitable<T> {
    /** The value, or throws the failure as is (checked ones too). */
    T get();
}
