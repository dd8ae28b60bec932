package io.jasyncio;

/**
 * A body that makes a coroutine from one argument: the target type of an async lambda that is
 * given something, such as the task group of a scope, {@code tg -> { tg.createTask(work()); return done(); }}.
 *
 * <p>A lambda whose functional interface method returns {@link Coroutine} is rewritten like an
 * {@link Async} method: it may call {@code await}, and calling it evaluates nothing of its body but
 * returns a lazy coroutine that can be awaited once. A method reference to an {@code @Async} method
 * with one parameter ({@code this::fetch}) fits as well.
 *
 * <p>{@link #apply} declares {@code throws Exception} for the same reason as {@link AsyncSupplier#get}:
 * the lambda may call {@code @Async} methods that declare checked exceptions.
 *
 * @param <A> the argument
 * @param <T> the result of the coroutine
 */
@FunctionalInterface
public interface AsyncFunction<A, T> {
    /**
     * Makes the coroutine for {@code a}.
     *
     * @param a the argument
     * @return a coroutine, not yet started
     * @throws Exception what a hand-written implementation throws while making the coroutine
     */
    Coroutine<T> apply(A a) throws Exception;
}
