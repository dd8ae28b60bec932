package io.jasyncio;

/**
 * A body that makes a coroutine: the target type of an async lambda with no argument, such as
 * the body of a scope, {@code await(timeout(5).run(() -> { await(sleep(1)); return done(); }))}.
 *
 * <p>A lambda whose functional interface method returns {@link Coroutine} is rewritten like an
 * {@link Async} method: it may call {@code await}, and calling it evaluates nothing of its body but
 * returns a lazy coroutine that can be awaited once. A method reference to an {@code @Async} method
 * ({@code this::fetch}) fits as well.
 *
 * <p>{@link #get} declares {@code throws Exception} because an async body declares the checked
 * exceptions its body throws, as an {@code @Async} method does: a call to an {@code @Async} method
 * that declares {@code IOException} compiles inside the lambda. A rewritten lambda never throws
 * from {@code get} itself; its failure is the failure of the coroutine.
 *
 * @param <T> the result of the coroutine
 */
@FunctionalInterface
public interface AsyncSupplier<T> {
    /**
     * Makes the coroutine.
     *
     * @return a coroutine, not yet started
     * @throws Exception what a hand-written implementation throws while making the coroutine
     */
    Coroutine<T> get() throws Exception;
}
