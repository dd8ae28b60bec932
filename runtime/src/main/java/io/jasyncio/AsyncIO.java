package io.jasyncio;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
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
     * @param <T> the type of the result
     * @param awaitable what to wait for
     * @return the result of {@code awaitable}
     */
    public static <T> T await(Awaitable<T> awaitable) {
        throw NotRewritten.at("await");
    }

    /**
     * Waits for a {@link CompletionStage} (completed on any thread); see {@link #await(Awaitable)}.
     * @param <T> the type of the result
     * @param stage the completion stage to wait for
     * @return the stage's result
     */
    public static <T> T await(CompletionStage<T> stage) {
        throw NotRewritten.at("await");
    }

    /**
     * The normal way out of an {@link Async} method: {@code return done(value);} (the rewriter
     * turns it into a plain return). Elsewhere it makes a coroutine that completes with
     * {@code value} when awaited.
     * @param <T> the type of the result
     * @param value the result of the coroutine
     * @return a coroutine that completes with {@code value}
     */
    public static <T> Coroutine<T> done(T value) {
        return new Done<>(value);
    }

    /**
     * {@code return done();} ends a {@code Coroutine<Void>} method.
     * @return a coroutine that completes with null
     */
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
     * @param <T> the type of the result
     * @param coro the coroutine to run
     * @return the coroutine's result
     */
    public static <T> T run(Coroutine<T> coro) {
        return run(coro, AsyncIO::newEventLoop);
    }

    /**
     * {@link #run(Coroutine)} with the loop's debug mode set to {@code debug}.
     * @param <T> the type of the result
     * @param coro the coroutine to run
     * @param debug the loop's debug mode
     * @return the coroutine's result
     */
    public static <T> T run(Coroutine<T> coro, boolean debug) {
        return run(coro, () -> {
            EventLoop loop = newEventLoop();
            loop.setDebug(debug);
            return loop;
        });
    }

    /**
     * {@link #run(Coroutine)} on a loop made by {@code loopFactory} (asyncio 3.12's loop_factory).
     * @param <T> the type of the result
     * @param coro the coroutine to run
     * @param loopFactory makes the loop to run on
     * @return the coroutine's result
     */
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
     * @return a new, not running event loop
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

    /**
     * The loop running in this thread; {@link IllegalStateException} "no running event loop" otherwise.
     * @return the running loop
     */
    public static EventLoop getRunningLoop() {
        return EventLoop.running("getRunningLoop()");
    }

    // ---- tasks --------------------------------------------------------------------------

    /**
     * Wraps {@code coro} in a task of the running loop, scheduled to start soon.
     * @param <T> the type of the result
     * @param coro the coroutine the task runs
     * @return the new task
     */
    public static <T> Task<T> createTask(Coroutine<T> coro) {
        return createTask(coro, null);
    }

    /**
     * {@link #createTask(Coroutine)} with a name (null: the default {@code Task-N}).
     * @param <T> the type of the result
     * @param coro the coroutine the task runs
     * @param name the name of the task, or null
     * @return the new task
     */
    public static <T> Task<T> createTask(Coroutine<T> coro, String name) {
        Objects.requireNonNull(coro, "a coroutine was expected, got null");
        return EventLoop.running("createTask()").createTask(coro, name);
    }

    /**
     * A future stays as it is; a coroutine is wrapped in a task of the running loop.
     * @param <T> the type of the result
     * @param awaitable a future, or a coroutine to wrap in a task
     * @return a future of {@code awaitable}
     */
    @SuppressWarnings("unchecked")
    public static <T> Future<T> ensureFuture(Awaitable<T> awaitable) {
        Objects.requireNonNull(awaitable, "ensureFuture(null)");
        if (awaitable instanceof Future<T> f) {
            return f;
        }
        return createTask((Coroutine<T>) awaitable);
    }

    /**
     * The task running now, or null (outside of tasks, or when no loop runs in this thread).
     * @return the current task, or null
     */
    public static Task<?> currentTask() {
        EventLoop loop = EventLoop.RUNNING.get();
        return loop == null ? null : loop.currentTask;
    }

    /**
     * The not-yet-done tasks of the running loop.
     * @return the pending tasks
     */
    public static Set<Task<?>> allTasks() {
        return EventLoop.running("allTasks()").pendingTasks();
    }

    // ---- sleeping -----------------------------------------------------------------------

    /**
     * A coroutine that suspends the awaiting task for {@code seconds} (&lt;= 0: gives up the
     * loop for exactly one iteration). Lazy: the time counts from when it is awaited.
     * @param seconds how long to sleep, in loop seconds
     * @return a lazy coroutine that sleeps
     */
    public static Coroutine<Void> sleep(double seconds) {
        return Sleep.of(seconds, null);
    }

    /**
     * {@link #sleep(double)} that returns {@code result}.
     * @param <T> the type of the result
     * @param seconds how long to sleep, in loop seconds
     * @param result the value the sleep returns
     * @return a lazy coroutine that sleeps, then returns {@code result}
     */
    public static <T> Coroutine<T> sleep(double seconds, T result) {
        return Sleep.of(seconds, result);
    }

    /**
     * {@link #sleep(double)} for a {@link Duration}.
     * @param duration how long to sleep
     * @return a lazy coroutine that sleeps
     */
    public static Coroutine<Void> sleep(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        return Sleep.of(duration.toNanos() / 1e9, null);
    }

    // ---- threads ------------------------------------------------------------------------

    /**
     * Submits {@code coro} to {@code loop} from any thread. The returned future completes with
     * the coroutine's outcome (a cancelled task cancels it); cancelling it cancels the task.
     * @param <T> the type of the result
     * @param coro the coroutine to run in {@code loop}
     * @param loop a loop, usually running in another thread
     * @return a future of the coroutine's outcome
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

    /**
     * True for a coroutine object (what calling an {@link Async} method returns).
     * @param obj any object
     * @return whether {@code obj} is a coroutine object
     */
    public static boolean isCoroutine(Object obj) {
        return obj instanceof Coroutine;
    }

    /**
     * True for a coroutine function: a method annotated {@link Async} that returns {@link Coroutine}.
     * @param method a method, or null
     * @return whether {@code method} is a coroutine function
     */
    public static boolean isCoroutineFunction(Method method) {
        return method != null && method.isAnnotationPresent(Async.class)
                && Coroutine.class.isAssignableFrom(method.getReturnType());
    }

    // ---- High-level API: gather, shield, waitFor, timeout, waitTasks, asCompleted (issue 5) ----

    /** asyncio.FIRST_COMPLETED, for {@code import static io.jasyncio.AsyncIO.*}. */
    public static final ReturnWhen FIRST_COMPLETED = ReturnWhen.FIRST_COMPLETED;
    /** asyncio.FIRST_EXCEPTION. */
    public static final ReturnWhen FIRST_EXCEPTION = ReturnWhen.FIRST_EXCEPTION;
    /** asyncio.ALL_COMPLETED. */
    public static final ReturnWhen ALL_COMPLETED = ReturnWhen.ALL_COMPLETED;

    /**
     * asyncio.gather: runs the awaitables concurrently (coroutines become tasks) and returns an
     * already scheduled future of their results in argument order. The first failure propagates at
     * once (the others keep running); cancelling the returned future cancels every unfinished child.
     * @param aws the awaitables
     * @return a future of the results, in argument order
     */
    public static Future<List<Object>> gather(Awaitable<?>... aws) {
        return Gather.gather(false, Arrays.asList(aws));
    }

    /**
     * asyncio.gather over a homogeneous list: the results are typed.
     * @param <T> the type of the result
     * @param aws the awaitables
     * @return a future of the results, in list order
     */
    public static <T> Future<List<T>> gather(List<? extends Awaitable<? extends T>> aws) {
        return Gather.gather(false, aws);
    }

    /**
     * asyncio.gather(..., return_exceptions=...): with {@code true} failures (CancelledError too)
     * are returned in place of results instead of propagating.
     * @param returnExceptions true to return failures in place of results
     * @param aws the awaitables
     * @return a future of the results (or failures), in argument order
     */
    public static Future<List<Object>> gather(boolean returnExceptions, Awaitable<?>... aws) {
        return Gather.gather(returnExceptions, Arrays.asList(aws));
    }

    /**
     * asyncio.gather(*aws, return_exceptions=...) over a list.
     * @param returnExceptions true to return failures in place of results
     * @param aws the awaitables
     * @return a future of the results (or failures), in list order
     */
    public static Future<List<Object>> gather(boolean returnExceptions, List<? extends Awaitable<?>> aws) {
        return Gather.gather(returnExceptions, aws);
    }

    /**
     * asyncio.shield: a future mirroring {@code aw} whose cancellation does not cancel {@code aw}
     * (a coroutine is wrapped in a task); cancelling {@code aw} by other means cancels it too.
     * @param <T> the type of the result
     * @param aw what to protect from cancellation
     * @return a future mirroring {@code aw}
     */
    public static <T> Future<T> shield(Awaitable<T> aw) {
        return Shield.shield(aw);
    }

    /**
     * asyncio.wait_for (3.12+): a lazy coroutine awaiting {@code aw} under a {@link Timeout} of
     * {@code seconds}. On timeout {@code aw} is cancelled and waited for until it stopped, then
     * {@link TimeoutError} is raised. Zero or negative: a done awaitable gives its result, anything
     * else is cancelled and TimeoutError raised.
     * @param <T> the type of the result
     * @param aw what to wait for
     * @param seconds the timeout in seconds
     * @return a lazy coroutine of {@code aw}'s result
     */
    public static <T> Coroutine<T> waitFor(Awaitable<T> aw, double seconds) {
        return new WaitFor<>(aw, seconds);
    }

    /**
     * {@link #waitFor(Awaitable, double)} with a {@link Duration}; null means no timeout.
     * @param <T> the type of the result
     * @param aw what to wait for
     * @param timeout the timeout in seconds, or null for none
     * @return a lazy coroutine of {@code aw}'s result
     */
    public static <T> Coroutine<T> waitFor(Awaitable<T> aw, Duration timeout) {
        return new WaitFor<>(aw, timeout == null ? null : seconds(timeout));
    }

    /**
     * asyncio.wait_for(aw, None): no timeout, but cancelling the caller still cancels {@code aw}.
     * @param <T> the type of the result
     * @param aw what to wait for
     * @return a lazy coroutine of {@code aw}'s result
     */
    public static <T> Coroutine<T> waitFor(Awaitable<T> aw) {
        return new WaitFor<>(aw, null);
    }

    /**
     * asyncio.timeout(delay) (3.11+): a {@link Timeout} scope expiring {@code delay} seconds after
     * it is entered: {@code await(timeout(5).run(work()))}.
     * @param delay seconds from entering the scope
     * @return a timeout scope
     */
    public static Timeout timeout(double delay) {
        return new Timeout(getRunningLoop().time() + delay);
    }

    /**
     * asyncio.timeout(None): a scope without a deadline (set one later with {@link Timeout#reschedule}).
     * @param delay null (a scope without a deadline) or the time from entering the scope
     * @return a timeout scope
     */
    public static Timeout timeout(Duration delay) {
        return new Timeout(delay == null ? null : getRunningLoop().time() + seconds(delay));
    }

    /**
     * asyncio.timeout_at(when): a {@link Timeout} scope expiring at loop time {@code when}.
     * @param when the deadline in loop time
     * @return a timeout scope
     */
    public static Timeout timeoutAt(double when) {
        return new Timeout(when);
    }

    /**
     * asyncio.wait, named {@code waitTasks} because {@code wait} is a final method of Object: a lazy
     * coroutine that waits for the futures/tasks until all are done and returns the
     * {@code (done, pending)} sets. Bare coroutines are rejected: wrap them with createTask first.
     * @param <T> the type of the result
     * @param aws the futures and tasks to wait for
     * @return a lazy coroutine of the done and pending sets
     */
    public static <T> Coroutine<WaitResult<T>> waitTasks(Collection<? extends Awaitable<? extends T>> aws) {
        return new WaitTasks<>(aws, null, ReturnWhen.ALL_COMPLETED);
    }

    /**
     * asyncio.wait(aws, timeout=...): returns when all are done or after {@code timeout} seconds (never raises).
     * @param <T> the type of the result
     * @param aws the futures and tasks to wait for
     * @param timeout the timeout in seconds, or null for none
     * @return a lazy coroutine of the done and pending sets
     */
    public static <T> Coroutine<WaitResult<T>> waitTasks(Collection<? extends Awaitable<? extends T>> aws,
            double timeout) {
        return new WaitTasks<>(aws, timeout, ReturnWhen.ALL_COMPLETED);
    }

    /**
     * asyncio.wait(aws, return_when=...).
     * @param <T> the type of the result
     * @param aws the futures and tasks to wait for
     * @param returnWhen when to return
     * @return a lazy coroutine of the done and pending sets
     */
    public static <T> Coroutine<WaitResult<T>> waitTasks(Collection<? extends Awaitable<? extends T>> aws,
            ReturnWhen returnWhen) {
        return new WaitTasks<>(aws, null, returnWhen);
    }

    /**
     * asyncio.wait(aws, timeout=..., return_when=...).
     * @param <T> the type of the result
     * @param aws the futures and tasks to wait for
     * @param timeout the timeout in seconds, or null for none
     * @param returnWhen when to return
     * @return a lazy coroutine of the done and pending sets
     */
    public static <T> Coroutine<WaitResult<T>> waitTasks(Collection<? extends Awaitable<? extends T>> aws,
            double timeout, ReturnWhen returnWhen) {
        return new WaitTasks<>(aws, timeout, returnWhen);
    }

    /**
     * asyncio.as_completed: starts every awaitable now and returns, in completion order, one lazy
     * coroutine per distinct awaitable giving the next result (or failure). Single use.
     * @param <T> the type of the result
     * @param aws the awaitables
     * @return one lazy coroutine per distinct awaitable, in completion order
     */
    public static <T> Iterable<Coroutine<T>> asCompleted(Collection<? extends Awaitable<? extends T>> aws) {
        return new AsCompleted<>(aws, null);
    }

    /**
     * asyncio.as_completed(aws, timeout=...): awaits after the timeout raise {@link TimeoutError}.
     * @param <T> the type of the result
     * @param aws the awaitables
     * @param timeout the timeout in seconds, or null for none
     * @return one lazy coroutine per distinct awaitable, in completion order
     */
    public static <T> Iterable<Coroutine<T>> asCompleted(Collection<? extends Awaitable<? extends T>> aws,
            double timeout) {
        return new AsCompleted<>(aws, timeout);
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }
}
