package io.jasyncio;

/**
 * Anything {@link AsyncIO#await} accepts: a {@link Coroutine} or a {@link Future} (a
 * {@link Task} is a future). The set is closed; convert anything else with
 * {@link Future#fromCompletionStage} or await a {@code CompletionStage} directly.
 *
 * @param <T> the type of the awaited value
 */
public sealed interface Awaitable<T> permits Coroutine, Future {}
