package io.jasyncio;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * asyncio.Runner (3.11+): one event loop for several {@link #run} calls, closed by
 * {@link #close()} (or try-with-resources):
 * <pre>{@code
 * try (Runner runner = new Runner()) {
 *     runner.run(setUp());
 *     runner.run(main());        // same loop: tasks left pending by the first run go on here
 * }
 * }</pre>
 * The loop is made on first use (by {@link #getLoop()} or {@link #run}), with the loop factory
 * when one was given, else {@link AsyncIO#newEventLoop()}; the debug flag, when given, is set on
 * it. Every run's task runs in the same {@link Context} (a copy of the context current when the
 * loop was made), so the {@link ContextVar} values one run sets are seen by the next, as Python's.
 * {@link #close()} cancels the tasks still pending and waits for them, shuts the default
 * executor down and closes the loop, as {@link AsyncIO#run} does at its end ({@code run} is a
 * Runner used once). Java has no asynchronous generators to finalise, and the runner installs no
 * SIGINT handler.
 */
public final class Runner implements AutoCloseable {
    private enum State {
        CREATED,
        INITIALIZED,
        CLOSED
    }

    private State state = State.CREATED;
    private final Boolean debug;
    private final Supplier<EventLoop> loopFactory;
    private EventLoop loop;
    private Context context;

    /** A runner whose loop comes from {@link AsyncIO#newEventLoop()}, with its default debug mode. */
    public Runner() {
        this(null, null);
    }

    /** A runner whose loop runs in debug mode when {@code debug} is true (asyncio's {@code debug=}). */
    public Runner(boolean debug) {
        this(Boolean.valueOf(debug), null);
    }

    /** A runner whose loop is made by {@code loopFactory} (asyncio's {@code loop_factory=}). */
    public Runner(Supplier<EventLoop> loopFactory) {
        this(null, Objects.requireNonNull(loopFactory, "loopFactory"));
    }

    /** A runner with both a debug flag and a loop factory. */
    public Runner(boolean debug, Supplier<EventLoop> loopFactory) {
        this(Boolean.valueOf(debug), Objects.requireNonNull(loopFactory, "loopFactory"));
    }

    private Runner(Boolean debug, Supplier<EventLoop> loopFactory) {
        this.debug = debug;
        this.loopFactory = loopFactory;
    }

    /**
     * Runs {@code coro} in a new task of this runner's loop until it completes, and returns its
     * result or throws its failure as is. Fails with {@link IllegalStateException} when called
     * from a running event loop ({@code coro} is then left untouched) or after {@link #close()}.
     */
    public <T> T run(Coroutine<T> coro) {
        Objects.requireNonNull(coro, "a coroutine was expected, got null");
        if (EventLoop.RUNNING.get() != null) {
            throw new IllegalStateException("Runner.run() cannot be called from a running event loop");
        }
        lazyInit();
        Task<T> task = loop.createTask(coro, null, context);
        return loop.runUntilComplete(task);
    }

    /** The runner's loop, made now if it was not yet; {@link IllegalStateException} once closed. */
    public EventLoop getLoop() {
        lazyInit();
        return loop;
    }

    /**
     * Cancels the loop's pending tasks and waits for them (their failures go to the loop's
     * exception handler), shuts the default executor down and closes the loop. Does nothing when
     * the loop was never made or the runner is closed already; the runner cannot run afterwards.
     */
    @Override
    public void close() {
        if (state != State.INITIALIZED) {
            return;
        }
        EventLoop l = loop;
        try {
            l.cancelAllTasks();
            l.shutdownDefaultExecutor();
        } finally {
            l.close();
            loop = null;
            context = null;
            state = State.CLOSED;
        }
    }

    private void lazyInit() {
        if (state == State.CLOSED) {
            throw new IllegalStateException("Runner is closed");
        }
        if (state == State.INITIALIZED) {
            return;
        }
        EventLoop l = loopFactory == null
                ? AsyncIO.newEventLoop()
                : Objects.requireNonNull(loopFactory.get(), "the loop factory returned null");
        if (debug != null) {
            l.setDebug(debug);
        }
        loop = l;
        context = Context.copyContext();
        state = State.INITIALIZED;
    }

    @Override
    public String toString() {
        return "<Runner " + state.name().toLowerCase() + (loop != null ? " loop=" + loop : "") + ">";
    }
}
