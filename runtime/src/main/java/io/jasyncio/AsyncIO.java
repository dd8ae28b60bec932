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
    private AsyncIO() {}

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
     * system property {@code jasyncio.clock} is {@code virtual}. A {@link Runner} used once.
     * @param <T> the type of the result
     * @param coro the coroutine to run
     * @return the coroutine's result
     */
    public static <T> T run(Coroutine<T> coro) {
        checkNotInLoop();
        try (Runner runner = new Runner()) {
            return runner.run(coro);
        }
    }

    /**
     * {@link #run(Coroutine)} with the loop's debug mode set to {@code debug}.
     * @param <T> the type of the result
     * @param coro the coroutine to run
     * @param debug the loop's debug mode
     * @return the coroutine's result
     */
    public static <T> T run(Coroutine<T> coro, boolean debug) {
        checkNotInLoop();
        try (Runner runner = new Runner(debug)) {
            return runner.run(coro);
        }
    }

    /**
     * {@link #run(Coroutine)} on a loop made by {@code loopFactory} (asyncio 3.12's loop_factory).
     * @param <T> the type of the result
     * @param coro the coroutine to run
     * @param loopFactory makes the loop to run on
     * @return the coroutine's result
     */
    public static <T> T run(Coroutine<T> coro, Supplier<EventLoop> loopFactory) {
        checkNotInLoop();
        try (Runner runner = new Runner(loopFactory)) {
            return runner.run(coro);
        }
    }

    private static void checkNotInLoop() {
        if (EventLoop.RUNNING.get() != null) {
            throw new IllegalStateException("run() cannot be called from a running event loop");
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
            throw new IllegalArgumentException(
                    "jasyncio.clock.start must be an ISO-8601 instant such as" + " 2026-01-01T09:00:00Z, got '" + start
                            + "'",
                    e);
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
     * {@link #createTask(Coroutine, String)} running in {@code context} (null: a copy of the
     * current context), as asyncio's {@code create_task(coro, name=..., context=...)}.
     */
    public static <T> Task<T> createTask(Coroutine<T> coro, String name, Context context) {
        Objects.requireNonNull(coro, "a coroutine was expected, got null");
        return EventLoop.running("createTask()").createTask(coro, name, context);
    }

    /**
     * {@link #createTask(Coroutine, String, Context)} with asyncio 3.14's {@code eager_start}: an
     * eager task runs its coroutine at once, inside this call, until the first suspension.
     */
    public static <T> Task<T> createTask(Coroutine<T> coro, String name, Context context, boolean eagerStart) {
        Objects.requireNonNull(coro, "a coroutine was expected, got null");
        return EventLoop.running("createTask()").createTask(coro, name, context, eagerStart);
    }

    /**
     * asyncio.eager_task_factory, for {@code loop.setTaskFactory(AsyncIO::eagerTaskFactory)}: tasks
     * start eagerly (unless {@code createTask} says {@code eagerStart=false}). An eager task runs
     * its coroutine synchronously inside {@code createTask} until the coroutine first suspends;
     * meanwhile {@link #currentTask()} is the new task. A coroutine that finishes without
     * suspending leaves a task that is done when {@code createTask} returns, never scheduled.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Task<?> eagerTaskFactory(
            EventLoop loop, Coroutine<?> coro, String name, Context context, Boolean eagerStart) {
        return new Task(loop, coro, name, context, eagerStart == null || eagerStart);
    }

    /**
     * asyncio.create_eager_task_factory: a factory calling {@code taskConstructor} (another factory,
     * e.g. one naming its tasks) with eager start unless {@code createTask} said otherwise.
     */
    public static TaskFactory createEagerTaskFactory(TaskFactory taskConstructor) {
        Objects.requireNonNull(taskConstructor, "taskConstructor");
        return (loop, coro, name, context, eagerStart) ->
                taskConstructor.createTask(loop, coro, name, context, eagerStart == null ? Boolean.TRUE : eagerStart);
    }

    /** asyncio.ensure_future: a future stays as it is; a coroutine is wrapped in a task of the running loop. */
    public static <T> Future<T> ensureFuture(Awaitable<T> awaitable) {
        return Futures.ensure(awaitable, null);
    }

    /**
     * asyncio.ensure_future(aw, loop=loop): a future stays as it is (it must belong to
     * {@code loop}, else {@link IllegalArgumentException}); a coroutine becomes a task of
     * {@code loop} (through its task factory), which need not be running.
     */
    public static <T> Future<T> ensureFuture(Awaitable<T> awaitable, EventLoop loop) {
        Objects.requireNonNull(awaitable, "ensureFuture(null)");
        return Futures.ensure(awaitable, Objects.requireNonNull(loop, "loop"));
    }

    /**
     * The task running now in this thread's loop, or null between tasks (in a callback);
     * {@link IllegalStateException} "no running event loop" when no loop runs in this thread, as
     * asyncio's {@code current_task()}.
     */
    public static Task<?> currentTask() {
        return EventLoop.running("currentTask()").currentTask;
    }

    /** The task {@code loop} is running now, or null (asyncio's {@code current_task(loop)}). */
    public static Task<?> currentTask(EventLoop loop) {
        return Objects.requireNonNull(loop, "loop").currentTask;
    }

    /**
     * The not-yet-done tasks of the running loop.
     * @return the pending tasks
     */
    public static Set<Task<?>> allTasks() {
        return EventLoop.running("allTasks()").pendingTasks();
    }

    /** The not-yet-done tasks of {@code loop}, running or not (asyncio's {@code all_tasks(loop)}). */
    public static Set<Task<?>> allTasks(EventLoop loop) {
        return Objects.requireNonNull(loop, "loop").pendingTasks();
    }

    /**
     * Prints every live event loop of the JVM with its pending tasks: for each task its state,
     * what it awaits, its coroutine stack at the lines of the suspended awaits and the tasks
     * awaiting it (the full form of {@link TaskDump}; Python 3.14's {@code python -m asyncio ps}
     * is {@link TaskDump#printTable}, {@code pstree} {@link TaskDump#printTree}). Safe from any
     * thread: see {@link TaskDump} for how running loops are read.
     *
     * @param out where to print
     */
    public static void dumpTasks(java.io.PrintStream out) {
        Objects.requireNonNull(out, "out");
        TaskDump.capture().print(out);
    }

    // ---- contexts -----------------------------------------------------------------------

    /** contextvars.copy_context(): a copy of the current {@link Context} (same as {@link Context#copyContext()}). */
    public static Context copyContext() {
        return Context.copyContext();
    }

    /**
     * asyncio.TaskGroup as a scope: a lazy coroutine that runs {@code body} with a new
     * {@link TaskGroup} inline in the awaiting task, then waits for every task the body created in
     * the group: {@code await(taskGroup(tg -> { tg.createTask(a()); tg.createTask(b()); return done(); }))}
     * or {@code await(taskGroup(tg -> body(tg)))} with an {@link Async} method {@code body}. Its
     * value is the body's; failures of the children come out together in an {@link ExceptionGroup}.
     */
    public static <T> Coroutine<T> taskGroup(AsyncFunction<? super TaskGroup, T> body) {
        return new TaskGroup().run(body);
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
     * asyncio.to_thread: a lazy coroutine that, when awaited, runs {@code fn} on the loop's default
     * executor in a copy of the awaiting task's context and returns its result (or throws its
     * exception). Cancelling the awaiting task stops waiting; a job that already started runs on.
     */
    public static <T> Coroutine<T> toThread(java.util.concurrent.Callable<T> fn) {
        return new ToThread<>(Objects.requireNonNull(fn, "fn"));
    }

    /** {@link #toThread(java.util.concurrent.Callable)} for a job without a result. */
    public static Coroutine<Void> toThread(Runnable fn) {
        Objects.requireNonNull(fn, "fn");
        return new ToThread<>(() -> {
            fn.run();
            return null;
        });
    }

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
        return method != null
                && method.isAnnotationPresent(Async.class)
                && Coroutine.class.isAssignableFrom(method.getReturnType());
    }

    /**
     * True for a coroutine function object: an async lambda or a method reference to an
     * {@link Async} method, i.e. an instance of a functional interface whose method returns
     * {@link Coroutine} ({@link AsyncSupplier}, {@link AsyncFunction} or your own); for a
     * {@link Method}, as {@link #isCoroutineFunction(Method)}.
     */
    public static boolean isCoroutineFunction(Object fn) {
        return CoroutineFunction.test(fn);
    }

    // ---- High-level API: gather, shield, waitFor, timeout, waitTasks, asCompleted ----------

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
    public static <T> Coroutine<WaitResult<T>> waitTasks(
            Collection<? extends Awaitable<? extends T>> aws, double timeout) {
        return new WaitTasks<>(aws, timeout, ReturnWhen.ALL_COMPLETED);
    }

    /**
     * asyncio.wait(aws, return_when=...).
     * @param <T> the type of the result
     * @param aws the futures and tasks to wait for
     * @param returnWhen when to return
     * @return a lazy coroutine of the done and pending sets
     */
    public static <T> Coroutine<WaitResult<T>> waitTasks(
            Collection<? extends Awaitable<? extends T>> aws, ReturnWhen returnWhen) {
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
    public static <T> Coroutine<WaitResult<T>> waitTasks(
            Collection<? extends Awaitable<? extends T>> aws, double timeout, ReturnWhen returnWhen) {
        return new WaitTasks<>(aws, timeout, returnWhen);
    }

    /**
     * asyncio.as_completed: starts every awaitable now and returns, in completion order, one lazy
     * coroutine per distinct awaitable giving the next result (or failure). Single use.
     * @param <T> the type of the result
     * @param aws the awaitables
     * @return one lazy coroutine per distinct awaitable, in completion order
     */
    public static <T> AsCompleted<T> asCompleted(Collection<? extends Awaitable<? extends T>> aws) {
        return new AsCompleted<>(aws, null);
    }

    /** asyncio.as_completed(aws, timeout=...): awaits after the timeout raise {@link TimeoutError}. */
    public static <T> AsCompleted<T> asCompleted(Collection<? extends Awaitable<? extends T>> aws, double timeout) {
        return new AsCompleted<>(aws, timeout);
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }

    // ---- streams ------------------------------------------------------------------------

    /**
     * Opens a TCP connection to {@code host}:{@code port} (asyncio.open_connection): a lazy
     * coroutine giving the connection's reader and writer. A host name is resolved off the loop
     * thread; each of its addresses is tried in order. Fails with the connect error (for example
     * {@link java.net.ConnectException}, or {@link java.net.UnknownHostException}).
     */
    public static Coroutine<Connection> openConnection(String host, int port) throws java.io.IOException {
        return Streams.openConnection(host, port, StreamReader.DEFAULT_LIMIT);
    }

    /** {@link #openConnection(String, int)} with the reader's buffer limit (asyncio's {@code limit=}). */
    public static Coroutine<Connection> openConnection(String host, int port, int limit) throws java.io.IOException {
        return Streams.openConnection(host, port, limit);
    }

    /**
     * Starts a TCP server on {@code host}:{@code port} (asyncio.start_server; a null host listens
     * on every interface, port 0 picks a free port): each accepted connection runs
     * {@code handler} in a task of its own. The server is serving when the coroutine returns.
     */
    public static Coroutine<Server> startServer(ClientHandler handler, String host, int port)
            throws java.io.IOException {
        return Streams.startServer(handler, host, port, StreamReader.DEFAULT_LIMIT, true);
    }

    /**
     * {@link #startServer(ClientHandler, String, int)} with the readers' buffer limit and whether
     * to start serving at once (asyncio's {@code limit=} and {@code start_serving=}).
     */
    public static Coroutine<Server> startServer(
            ClientHandler handler, String host, int port, int limit, boolean startServing) throws java.io.IOException {
        return Streams.startServer(handler, host, port, limit, startServing);
    }

    /** Opens a Unix domain socket connection to {@code path} (asyncio.open_unix_connection). */
    public static Coroutine<Connection> openUnixConnection(java.nio.file.Path path) throws java.io.IOException {
        return Streams.openUnixConnection(path, StreamReader.DEFAULT_LIMIT);
    }

    /**
     * Starts a Unix domain socket server at {@code path} (asyncio.start_unix_server); a stale
     * socket file at that path is removed first.
     */
    public static Coroutine<Server> startUnixServer(ClientHandler handler, java.nio.file.Path path)
            throws java.io.IOException {
        return Streams.startUnixServer(handler, path, StreamReader.DEFAULT_LIMIT, true);
    }
}
