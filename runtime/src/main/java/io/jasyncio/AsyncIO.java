package io.jasyncio;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The static facade: the Java face of Python's {@code asyncio} module. Use it with
 * {@code import static io.jasyncio.AsyncIO.*;}.
 *
 * <p>{@code await}/{@code done} are fixed (the rewriter matches their descriptors).
 */
public final class AsyncIO {
    private AsyncIO() {
    }

    /**
     * Waits for {@code awaitable} and returns its result, or rethrows its failure as is. Only
     * meaningful inside an {@link Async} method that was rewritten; anywhere else it fails at
     * once with a message that names the calling method and how to enable the rewriter.
     */
    public static <T> T await(Awaitable<T> awaitable) {
        throw NotRewritten.at("await");
    }

    /** Waits for a {@link CompletionStage} (completed on any thread); see {@link #await(Awaitable)}. */
    public static <T> T await(CompletionStage<T> stage) {
        throw NotRewritten.at("await");
    }

    /**
     * The normal way out of an {@link Async} method: {@code return done(value);} (the rewriter
     * turns it into a plain return). Elsewhere it makes a coroutine that completes with
     * {@code value} when awaited.
     */
    public static <T> Coroutine<T> done(T value) {
        return new Done<>(value);
    }

    /** {@code return done();} ends a {@code Coroutine<Void>} method. */
    public static Coroutine<Void> done() {
        return done(null);
    }

    // ---- running ------------------------------------------------------------------------

    /**
     * Runs {@code coro} on a new event loop until it completes and returns its result (or
     * rethrows its exception); then cancels the tasks still pending and waits for them, shuts
     * the default executor down and closes the loop. The program's main entry point; it
     * cannot be called while a loop runs in this thread. The loop uses virtual time when the
     * system property {@code jasyncio.clock} is {@code virtual}.
     */
    public static <T> T run(Coroutine<T> coro) {
        return run(coro, AsyncIO::newEventLoop);
    }

    /** {@link #run(Coroutine)} with the loop's debug mode set to {@code debug}. */
    public static <T> T run(Coroutine<T> coro, boolean debug) {
        return run(coro, () -> {
            EventLoop loop = newEventLoop();
            loop.setDebug(debug);
            return loop;
        });
    }

    /** {@link #run(Coroutine)} on a loop made by {@code loopFactory} (asyncio 3.12's loop_factory). */
    public static <T> T run(Coroutine<T> coro, Supplier<EventLoop> loopFactory) {
        if (EventLoop.RUNNING.get() != null) {
            throw new IllegalStateException("run() cannot be called from a running event loop");
        }
        Objects.requireNonNull(coro, "a coroutine was expected, got null");
        EventLoop loop = Objects.requireNonNull(loopFactory.get(), "the loop factory returned null");
        T result;
        try {
            result = loop.runUntilComplete(loop.createTask(coro));
        } catch (Throwable t) {
            try {
                shutdown(loop);
            } catch (Throwable again) {
                t.addSuppressed(again);
            }
            throw t;
        }
        shutdown(loop);
        return result;
    }

    private static void shutdown(EventLoop loop) {
        try {
            loop.cancelAllTasks();
            loop.shutdownDefaultExecutor();
        } finally {
            loop.close();
        }
    }

    /**
     * A new event loop: on the system clock, or on virtual time when the system property
     * {@code jasyncio.clock} is {@code virtual}; then the system property
     * {@code jasyncio.clock.start} (an ISO-8601 instant such as {@code 2026-01-01T09:00:00Z}),
     * when set, is where the loop's {@link EventLoop#wallClock() wall clock} starts.
     */
    public static EventLoop newEventLoop() {
        if (!"virtual".equals(System.getProperty("jasyncio.clock"))) {
            return new EventLoop();
        }
        String start = System.getProperty("jasyncio.clock.start");
        if (start == null) {
            return EventLoop.withVirtualTime();
        }
        try {
            return EventLoop.withVirtualTime(Instant.parse(start));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("jasyncio.clock.start must be an ISO-8601 instant such as"
                    + " 2026-01-01T09:00:00Z, got '" + start + "'", e);
        }
    }

    /** The loop running in this thread; {@link IllegalStateException} "no running event loop" otherwise. */
    public static EventLoop getRunningLoop() {
        return EventLoop.running("getRunningLoop()");
    }

    // ---- tasks --------------------------------------------------------------------------

    /** Wraps {@code coro} in a task of the running loop, scheduled to start soon. */
    public static <T> Task<T> createTask(Coroutine<T> coro) {
        return createTask(coro, null);
    }

    /** {@link #createTask(Coroutine)} with a name (null: the default {@code Task-N}). */
    public static <T> Task<T> createTask(Coroutine<T> coro, String name) {
        Objects.requireNonNull(coro, "a coroutine was expected, got null");
        return EventLoop.running("createTask()").createTask(coro, name);
    }

    /** A future stays as it is; a coroutine is wrapped in a task of the running loop. */
    @SuppressWarnings("unchecked")
    public static <T> Future<T> ensureFuture(Awaitable<T> awaitable) {
        Objects.requireNonNull(awaitable, "ensureFuture(null)");
        if (awaitable instanceof Future<T> f) {
            return f;
        }
        return createTask((Coroutine<T>) awaitable);
    }

    /** The task running now, or null (outside of tasks, or when no loop runs in this thread). */
    public static Task<?> currentTask() {
        EventLoop loop = EventLoop.RUNNING.get();
        return loop == null ? null : loop.currentTask;
    }

    /** The not-yet-done tasks of the running loop. */
    public static Set<Task<?>> allTasks() {
        return EventLoop.running("allTasks()").pendingTasks();
    }

    // ---- sleeping -----------------------------------------------------------------------

    /**
     * A coroutine that suspends the awaiting task for {@code seconds} (&lt;= 0: gives up the
     * loop for exactly one iteration). Lazy: the time counts from when it is awaited.
     */
    public static Coroutine<Void> sleep(double seconds) {
        return new Sleep<>(seconds, null);
    }

    /** {@link #sleep(double)} that returns {@code result}. */
    public static <T> Coroutine<T> sleep(double seconds, T result) {
        return new Sleep<>(seconds, result);
    }

    public static Coroutine<Void> sleep(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        return new Sleep<>(duration.toNanos() / 1e9, null);
    }

    // ---- threads ------------------------------------------------------------------------

    /**
     * Submits {@code coro} to {@code loop} from any thread. The returned future completes with
     * the coroutine's outcome (a cancelled task cancels it); cancelling it cancels the task.
     */
    public static <T> CompletableFuture<T> runCoroutineThreadsafe(Coroutine<T> coro, EventLoop loop) {
        Objects.requireNonNull(coro, "a coroutine was expected, got null");
        Objects.requireNonNull(loop, "loop");
        ThreadsafeFuture<T> result = new ThreadsafeFuture<>(loop);
        loop.callSoonThreadsafe(() -> {
            if (result.isCancelled()) {
                return;
            }
            Task<T> task;
            try {
                task = loop.createTask(coro);
            } catch (Throwable e) {
                result.completeExceptionally(e);
                throw e;
            }
            result.bind(task);
        });
        return result;
    }

    // ---- introspection ------------------------------------------------------------------

    /** True for a coroutine object (what calling an {@link Async} method returns). */
    public static boolean isCoroutine(Object obj) {
        return obj instanceof Coroutine;
    }

    /** True for a coroutine function: a method annotated {@link Async} that returns {@link Coroutine}. */
    public static boolean isCoroutineFunction(Method method) {
        return method != null && method.isAnnotationPresent(Async.class)
                && Coroutine.class.isAssignableFrom(method.getReturnType());
    }
}
