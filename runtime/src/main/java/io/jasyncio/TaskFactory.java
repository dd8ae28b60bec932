package io.jasyncio;

/**
 * What {@link EventLoop#createTask} calls to make a task once set with
 * {@link EventLoop#setTaskFactory} (asyncio's task factories, {@code factory(loop, coro, **kwargs)}).
 * A factory returns a {@link Task} of {@code loop} running {@code coro}, usually
 * {@code new Task<>(loop, coro, name, context, eagerStart != null && eagerStart)};
 * {@link AsyncIO#eagerTaskFactory} is one.
 */
@FunctionalInterface
public interface TaskFactory {
    /**
     * Makes the task for {@code loop.createTask(coro, ...)}.
     *
     * @param loop the loop the task belongs to
     * @param coro the coroutine to run
     * @param name the name asked for, or null
     * @param context the context asked for, or null (the task copies the current one)
     * @param eagerStart the eager start asked for, or null when the caller did not say
     * @return the new task (not null)
     */
    Task<?> createTask(EventLoop loop, Coroutine<?> coro, String name, Context context, Boolean eagerStart);
}
