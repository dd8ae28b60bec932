package io.jasyncio;

import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The single-threaded event loop (asyncio's event loop). One iteration: take in
 * what other threads submitted, move the due timers to the ready queue, then run exactly the
 * callbacks and task steps that were ready when the iteration began, in FIFO order (what they
 * schedule runs in the next iteration).
 *
 * <p>Not thread-safe: from other threads use only {@link #callSoonThreadsafe} (and
 * {@link AsyncIO#runCoroutineThreadsafe}).
 *
 * <p><b>Virtual time</b> ({@link #withVirtualTime()}): {@link #time()} starts at 0 and moves
 * only when the loop has nothing ready: it jumps to the next timer, so sleeps and timeouts
 * take no real time and run deterministically. Timers with equal deadlines fire in the order
 * they were scheduled. {@link #advanceTime} moves it by hand. While work submitted to other
 * threads is in flight ({@link #runInExecutor}, an awaited {@code CompletionStage}) virtual
 * time advances no faster than real time, so a real result is not outrun by a timeout.
 *
 * <p>Its parts: {@code LoopClock} (the clock and virtual time), {@code ReadyQueue} and
 * {@code TimerHeap} (what runs next), {@code Inbox} (what other threads submit, and where the
 * loop waits when nothing is ready), {@code TaskRegistry} (the pending tasks) and
 * {@code ExecutorBridge} ({@link #runInExecutor} and the default executor).
 */
public final class EventLoop {
    private static final System.Logger LOG = System.getLogger("io.jasyncio");
    /** The loop running on each thread (null when none). */
    static final ThreadLocal<EventLoop> RUNNING = new ThreadLocal<>();

    private final LoopClock clock;
    /** Callbacks and task steps to run in the next iteration (asyncio's {@code _ready}). */
    private final ReadyQueue readyQueue = new ReadyQueue();
    /** Callbacks due at a time (asyncio's {@code _scheduled}). */
    final TimerHeap timers = new TimerHeap();
    /** Callbacks from other threads, and where the loop waits when nothing is ready. */
    final Inbox inbox;
    /** The selector and the channels watched for I/O readiness. */
    final IoPoller io;

    private final TaskRegistry tasks = new TaskRegistry();
    private final ExecutorBridge executors = new ExecutorBridge(this);
    private volatile Thread thread;

    private boolean stopping;
    private volatile boolean closed;
    private boolean debug = Boolean.getBoolean("jasyncio.debug");
    private double slowCallbackDuration = 0.1;
    private ExceptionHandler exceptionHandler;

    /** The task whose step is running (null between steps). */
    Task<?> currentTask;
    /** How many coroutines are nested on the Java stack in the current step. */
    int inlineDepth;
    /** The context state of the thread running the loop (task steps and callbacks switch its owner). */
    ContextState contextState;

    private TaskFactory taskFactory;

    /** A loop on the system's monotonic clock. */
    public EventLoop() {
        this(LoopClock.system());
    }

    private EventLoop(LoopClock clock) {
        Jfr.install(); // listen to JFR recordings from the first loop on
        this.clock = clock;
        this.io = new IoPoller(this);
        this.inbox = new Inbox(io);
        LiveLoops.add(this);
    }

    /**
     * A loop on a virtual clock (see the class comment); for tests and fast runs of timed programs.
     * @return a new loop on virtual time
     */
    public static EventLoop withVirtualTime() {
        return new EventLoop(LoopClock.virtual(Instant.now()));
    }

    /**
     * A loop on a virtual clock whose {@link #wallClock()} starts at {@code start} instead of
     * now, so that programs printing wall-clock times print the same ones on every run.
     * @param start the wall clock's instant at virtual time zero
     * @return a new loop on virtual time
     */
    public static EventLoop withVirtualTime(Instant start) {
        return new EventLoop(LoopClock.virtual(Objects.requireNonNull(start, "start")));
    }

    /** The running loop of this thread, or an {@link IllegalStateException} "no running event loop". */
    static EventLoop running(String what) {
        EventLoop loop = RUNNING.get();
        if (loop == null) {
            throw new IllegalStateException("no running event loop");
        }
        return loop;
    }

    // ---- time ---------------------------------------------------------------------------

    /**
     * The loop's monotonic time in seconds (virtual time on a virtual loop).
     * @return the time in seconds
     */
    public double time() {
        return clock.now();
    }

    /**
     * True for a loop made by {@link #withVirtualTime()}.
     * @return whether the loop runs on virtual time
     */
    public boolean isVirtualTime() {
        return clock.isVirtual();
    }

    /**
     * A wall clock for printing times: the system clock, or on a virtual loop the instant the
     * loop was created plus the virtual time elapsed since.
     * @return the wall clock
     */
    public Clock wallClock() {
        return clock.wallClock();
    }

    /**
     * Moves virtual time forward by {@code seconds}; timers now due run in the next iteration.
     * @param seconds how far to move, in seconds
     */
    public void advanceTime(double seconds) {
        clock.advance(seconds);
    }

    // ---- scheduling ---------------------------------------------------------------------

    /**
     * Runs {@code callback} in the next iteration, after what is already scheduled.
     * @param callback what to run
     * @return a handle that can cancel the call
     */
    public Handle callSoon(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        checkClosed();
        if (debug) {
            checkThread();
        }
        Handle h = new Handle(this, callback);
        readyQueue.add(h);
        return h;
    }

    /**
     * Runs {@code callback} after {@code delay} seconds (a negative delay counts as 0).
     * @param delay seconds from now
     * @param callback what to run
     * @return a handle that can cancel the call
     */
    public TimerHandle callLater(double delay, Runnable callback) {
        if (Double.isNaN(delay)) {
            throw new IllegalArgumentException("delay is NaN");
        }
        return callAt(time() + Math.max(0, delay), callback);
    }

    /**
     * Runs {@code callback} once {@link #time()} reaches {@code when}.
     * @param when the loop time to run at
     * @param callback what to run
     * @return a handle that can cancel the call
     */
    public TimerHandle callAt(double when, Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        if (Double.isNaN(when)) {
            throw new IllegalArgumentException("when is NaN");
        }
        checkClosed();
        if (debug) {
            checkThread();
        }
        TimerHandle h = new TimerHandle(this, when, timers.nextSeq(), callback);
        timers.add(h);
        return h;
    }

    /**
     * The only way in from other threads: runs {@code callback} on the loop soon.
     * @param callback what to run
     * @return a handle that can cancel the call
     */
    public Handle callSoonThreadsafe(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        checkClosed();
        Handle h = new Handle(this, callback);
        if (thread == Thread.currentThread()) {
            // from the loop's own thread: in order with callSoon work, as asyncio's shared ready queue
            readyQueue.add(h);
            return h;
        }
        inbox.submit(h);
        return h;
    }

    /** {@link #callSoon(Runnable)} running {@code callback} in {@code context} (null: a copy of the current one). */
    public Handle callSoon(Runnable callback, Context context) {
        return withContext(callSoon(callback), context);
    }

    /** {@link #callLater(double, Runnable)} running {@code callback} in {@code context} (null: a copy of the current one). */
    public TimerHandle callLater(double delay, Runnable callback, Context context) {
        return withContext(callLater(delay, callback), context);
    }

    /** {@link #callAt(double, Runnable)} running {@code callback} in {@code context} (null: a copy of the current one). */
    public TimerHandle callAt(double when, Runnable callback, Context context) {
        return withContext(callAt(when, callback), context);
    }

    /**
     * {@link #callSoonThreadsafe(Runnable)} running {@code callback} in {@code context} (null: a
     * copy of the calling thread's current one).
     */
    public Handle callSoonThreadsafe(Runnable callback, Context context) {
        Objects.requireNonNull(callback, "callback");
        // set before the loop thread can see the handle
        Runnable inContext = context == null ? callback : () -> context.run(callback);
        return callSoonThreadsafe(inContext);
    }

    private static <H extends Handle> H withContext(H h, Context context) {
        if (context != null) {
            h.context = context;
        }
        return h;
    }

    /** Queues a task step or a handle for the next iteration. */
    final void ready(Object taskOrHandle) {
        readyQueue.add(taskOrHandle);
    }

    /** Number of pending timers (for tests and diagnostics). */
    int pendingTimers() {
        return timers.size();
    }

    /** Futures waiting for a result from another thread (for tests and diagnostics). */
    int workInFlight() {
        return inbox.jobsInFlight();
    }

    /**
     * Debug mode: a method that is not thread-safe called from another thread than the one
     * running the loop fails at once (asyncio's _check_thread) instead of corrupting the loop.
     */
    private void checkThread() {
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            throw new IllegalStateException("Non-thread-safe operation invoked on an event loop other than the"
                    + " current one: use callSoonThreadsafe or runCoroutineThreadsafe from other threads");
        }
    }

    /**
     * Debug mode: callbacks and task steps running at least this long (seconds) are logged.
     * @return the threshold in seconds
     */
    public double getSlowCallbackDuration() {
        return slowCallbackDuration;
    }

    /**
     * Sets the debug-mode threshold for slow callbacks and task steps (asyncio's slow_callback_duration).
     * @param seconds the threshold in seconds
     */
    public void setSlowCallbackDuration(double seconds) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("slow callback duration must be >= 0: " + seconds);
        }
        this.slowCallbackDuration = seconds;
    }

    private void checkClosed() {
        if (closed) {
            throw new IllegalStateException("Event loop is closed");
        }
    }

    // ---- running ------------------------------------------------------------------------

    /** Runs until {@link #stop()} is called. */
    public void runForever() {
        checkClosed();
        checkNotRunning();
        thread = Thread.currentThread();
        RUNNING.set(this);
        contextState = ContextState.current();
        ContextState.loopStarted();
        boolean interrupted = false;
        try {
            for (; ; ) {
                interrupted |= runOnce();
                if (stopping) {
                    break;
                }
            }
        } finally {
            stopping = false;
            thread = null;
            ContextState.loopStopped(contextState);
            RUNNING.remove();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void checkNotRunning() {
        if (thread != null) {
            throw new IllegalStateException("This event loop is already running");
        }
        if (RUNNING.get() != null) {
            throw new IllegalStateException("Cannot run the event loop while another loop is running");
        }
    }

    /**
     * One iteration (asyncio's {@code _run_once}): take in what other threads submitted, wait
     * when nothing is ready, move the due timers to the ready queue, then run exactly what was
     * ready when the iteration began. Returns whether the thread was interrupted while waiting.
     */
    private boolean runOnce() {
        boolean interrupted = false;
        inbox.drainTo(readyQueue);
        if (readyQueue.isEmpty() && !stopping) {
            interrupted = waitForWork();
            inbox.drainTo(readyQueue);
        } else if (io.needsSelect()) {
            io.select(0); // work is ready: poll I/O without blocking, so that busy tasks cannot starve it
        }
        moveDueTimers();
        NeverRetrieved.poll();
        if (debug) {
            NeverAwaited.poll();
        }
        runReady();
        return interrupted;
    }

    private void moveDueTimers() {
        TimerHandle next = timers.first();
        if (next != null) {
            double now = time();
            while (next != null && next.when <= now) {
                readyQueue.add(timers.poll());
                next = timers.first();
            }
        }
    }

    /**
     * Runs what is ready now, in FIFO order; what they schedule runs in the next iteration. The
     * debug and JFR switches are read once per iteration (a recording that starts meanwhile times
     * the steps from the next one on). A task step leaves itself as the context owner
     * ({@link Task#stepInLoop}); the loop thread's own owner is put back before a callback runs
     * (a runtime callback runs in it) and when the iteration ends.
     */
    private void runReady() {
        int n = readyQueue.size();
        if (debug || Jfr.recording) {
            for (; n > 0; n--) {
                SlowCallbacks.runTimed(this, readyQueue.poll());
            }
            return;
        }
        ContextState state = contextState;
        Object idle = state.owner;
        try {
            for (; n > 0; n--) {
                Object o = readyQueue.poll();
                if (o instanceof Task<?> t) {
                    t.stepInLoop();
                } else {
                    state.owner = idle;
                    ((Handle) o).run();
                }
            }
        } finally {
            state.owner = idle;
        }
    }

    /** Nothing is ready: wait for the next timer (or jump to it) or for input from other threads. */
    private boolean waitForWork() {
        TimerHandle next = timers.first();
        if (next == null || next.when == Double.POSITIVE_INFINITY) {
            // no timer, or sleep(infinity): a deadline that never comes; virtual time must not jump to it
            return inbox.waitForInput(-1);
        }
        return clock.waitUntil(next.when, inbox);
    }

    /**
     * Runs the loop until {@code awaitable} is done (a coroutine is wrapped in a task) and
     * returns its result, or rethrows its exception.
     * @param <T> the type of the result
     * @param awaitable a future, or a coroutine to wrap in a task
     * @return the result of {@code awaitable}
     */
    public <T> T runUntilComplete(Awaitable<T> awaitable) {
        Objects.requireNonNull(awaitable, "awaitable");
        checkClosed();
        checkNotRunning();
        Future<T> future = Futures.ensure(awaitable, this);
        Consumer<Future<T>> stopper = f -> stop();
        future.addDoneCallback(stopper);
        try {
            runForever();
        } finally {
            future.removeDoneCallback(stopper);
        }
        if (!future.done()) {
            throw new IllegalStateException("Event loop stopped before Future completed.");
        }
        return future.result();
    }

    /** Stops the loop after the current iteration (the callbacks already ready still run). */
    public void stop() {
        stopping = true;
    }

    /** Closes the loop: drops pending callbacks and timers, shuts the default executor down (no wait). */
    public void close() {
        if (thread != null) {
            throw new IllegalStateException("Cannot close a running event loop");
        }
        if (closed) {
            return;
        }
        closed = true;
        readyQueue.clear();
        timers.clear();
        inbox.clear();
        io.close();
        executors.close();
    }

    /**
     * True while the loop runs (runForever or runUntilComplete).
     * @return whether the loop is running
     */
    public boolean isRunning() {
        return thread != null;
    }

    /**
     * True once the loop was closed.
     * @return whether the loop is closed
     */
    public boolean isClosed() {
        return closed;
    }

    /**
     * The loop's debug mode.
     * @return whether debug mode is on
     */
    public boolean getDebug() {
        return debug;
    }

    /**
     * Turns debug mode on or off.
     * @param enabled the new mode
     */
    public void setDebug(boolean enabled) {
        this.debug = enabled;
        if (enabled) {
            NeverAwaited.enabled = true;
        }
    }

    // ---- I/O ----------------------------------------------------------------------------

    /**
     * Calls {@code callback} on the loop whenever {@code channel} is readable (or, for a server
     * channel, has a connection to accept), until {@link #removeReader}; replaces an earlier reader
     * of the channel (asyncio's {@code add_reader}). The channel must be non-blocking. While a
     * channel is watched, the loop waits in a {@link java.nio.channels.Selector} and virtual time
     * runs no faster than real time.
     */
    public void addReader(SelectableChannel channel, Runnable callback) {
        checkClosed();
        io.watch(channel, true, callback);
    }

    /** Stops watching {@code channel} for reading; returns whether it was watched. */
    public boolean removeReader(SelectableChannel channel) {
        return io.unwatch(channel, true);
    }

    /**
     * Calls {@code callback} on the loop whenever {@code channel} is writable (or, for a socket
     * that is connecting, when its connection is established or failed), until
     * {@link #removeWriter} (asyncio's {@code add_writer}).
     */
    public void addWriter(SelectableChannel channel, Runnable callback) {
        checkClosed();
        io.watch(channel, false, callback);
    }

    /** Stops watching {@code channel} for writing; returns whether it was watched. */
    public boolean removeWriter(SelectableChannel channel) {
        return io.unwatch(channel, false);
    }

    /**
     * Receives up to {@code maxBytes} from the non-blocking {@code channel} (asyncio's
     * {@code sock_recv}): the bytes read, empty at end of stream. Waits until the channel has data.
     */
    public Future<byte[]> sockRecv(SocketChannel channel, int maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 0: " + maxBytes);
        }
        ByteBuffer buf = ByteBuffer.allocate(maxBytes);
        Future<byte[]> result = createFuture();
        Future<Integer> read = sockRecvInto(channel, buf);
        read.addDoneCallback(f -> {
            if (result.done()) {
                return;
            }
            if (f.cancelled()) {
                result.cancel();
            } else if (f.exception() != null) {
                result.setException(f.exception());
            } else {
                result.setResult(java.util.Arrays.copyOf(buf.array(), Math.max(0, f.result())));
            }
        });
        result.addDoneCallback(f -> {
            if (f.cancelled()) {
                read.cancel();
            }
        });
        return result;
    }

    /**
     * Reads from the non-blocking {@code channel} into {@code buffer} once it has data (asyncio's
     * {@code sock_recv_into}): the number of bytes read, -1 at end of stream (as
     * {@link SocketChannel#read(ByteBuffer)}). Cancelling the future reads nothing more.
     */
    public Future<Integer> sockRecvInto(SocketChannel channel, ByteBuffer buffer) {
        checkClosed();
        return SocketOps.recvInto(this, channel, buffer);
    }

    /**
     * Writes all of {@code buffer} to the non-blocking {@code channel}, waiting for it to be
     * writable as often as needed (asyncio's {@code sock_sendall}). When the future fails or is
     * cancelled, the buffer's position tells how much was sent.
     */
    public Future<Void> sockSendall(SocketChannel channel, ByteBuffer buffer) {
        checkClosed();
        return SocketOps.sendAll(this, channel, buffer);
    }

    /**
     * Connects the non-blocking {@code channel} to a resolved {@code address} (asyncio's
     * {@code sock_connect}); fails with the connect error, e.g. {@link java.net.ConnectException}.
     */
    public Future<Void> sockConnect(SocketChannel channel, SocketAddress address) {
        checkClosed();
        return SocketOps.connect(this, channel, address);
    }

    /**
     * Accepts a connection on the non-blocking {@code server} channel (asyncio's
     * {@code sock_accept}); the accepted channel is already non-blocking.
     */
    public Future<SocketChannel> sockAccept(ServerSocketChannel server) {
        checkClosed();
        return SocketOps.accept(this, server);
    }

    // ---- futures and tasks --------------------------------------------------------------

    /**
     * A new pending future of this loop.
     * @param <T> the type of the result
     * @return the future
     */
    public <T> Future<T> createFuture() {
        return new Future<>(this);
    }

    /**
     * Wraps {@code coro} in a task scheduled to start soon; the task copies the current ContextVar values.
     * @param <T> the type of the result
     * @param coro the coroutine the task runs
     * @return the new task
     */
    public <T> Task<T> createTask(Coroutine<T> coro) {
        return createTask(coro, null);
    }

    /**
     * {@link #createTask(Coroutine)} with a name (null: the default {@code Task-N}).
     * @param <T> the type of the result
     * @param coro the coroutine the task runs
     * @param name the name of the task, or null
     * @return the new task
     */
    public <T> Task<T> createTask(Coroutine<T> coro, String name) {
        return newTask(coro, name, null, null);
    }

    /**
     * {@link #createTask(Coroutine, String)} running in {@code context} (null: a copy of the
     * current context), as asyncio's {@code create_task(coro, name=..., context=...)}.
     */
    public <T> Task<T> createTask(Coroutine<T> coro, String name, Context context) {
        return newTask(coro, name, context, null);
    }

    /**
     * {@link #createTask(Coroutine, String, Context)} that starts the task eagerly or not
     * (asyncio 3.14's {@code eager_start}): an eager task runs its coroutine at once, inside this
     * call, until the first suspension (see {@link Task#Task}).
     */
    public <T> Task<T> createTask(Coroutine<T> coro, String name, Context context, boolean eagerStart) {
        return newTask(coro, name, context, eagerStart);
    }

    /** Every createTask: through the task factory when one is set; {@code eagerStart} null when not given. */
    @SuppressWarnings("unchecked")
    private <T> Task<T> newTask(Coroutine<T> coro, String name, Context context, Boolean eagerStart) {
        Objects.requireNonNull(coro, "a coroutine was expected, got null");
        checkClosed();
        if (debug) {
            // asyncio: the task's first step goes through call_soon, which checks the thread
            checkThread();
        }
        TaskFactory factory = taskFactory;
        if (factory == null) {
            return new Task<>(this, coro, name, context, eagerStart != null && eagerStart);
        }
        Task<?> task = factory.createTask(this, coro, name, context, eagerStart);
        if (task == null) {
            throw new IllegalStateException("the task factory returned null for " + coro);
        }
        return (Task<T>) task;
    }

    /**
     * Sets the factory {@link #createTask} uses (asyncio's {@code loop.set_task_factory}), e.g.
     * {@code AsyncIO::eagerTaskFactory}; null restores the default ({@code new Task<>(...)}).
     */
    public void setTaskFactory(TaskFactory factory) {
        this.taskFactory = factory;
    }

    /** The task factory, or null for the default one. */
    public TaskFactory getTaskFactory() {
        return taskFactory;
    }

    void taskCreated(Task<?> t) {
        tasks.add(t);
        if (Jfr.recording) JfrEvents.taskCreated(t);
    }

    void taskDone(Task<?> t) {
        tasks.remove(t);
    }

    /** The tasks of this loop that are not done yet, in creation order. */
    Set<Task<?>> pendingTasks() {
        return tasks.pending();
    }

    /** The thread running the loop, or null. */
    Thread runningThread() {
        return thread;
    }

    /** Cancels every pending task and runs the loop until they are all done (end of {@link AsyncIO#run}). */
    void cancelAllTasks() {
        tasks.cancelAll(this);
    }

    /** How many tasks are pending (read from other threads by the JFR statistics: a racy snapshot). */
    int taskCount() {
        return tasks.size();
    }

    /** How many callbacks and task steps are ready (read from other threads, like {@link #taskCount}). */
    int readyCount() {
        return readyQueue.size();
    }

    // ---- executors ----------------------------------------------------------------------

    /**
     * Runs {@code fn} on {@code executor} (null: the loop's default executor, created on first
     * use) and returns a future of this loop for its result. Cancelling the future cancels the
     * job if it has not started.
     * @param <T> the type of the result
     * @param executor the executor, or null for the loop's default executor
     * @param fn the blocking code to run
     * @return a future of this loop for the result of {@code fn}
     */
    public <T> Future<T> runInExecutor(Executor executor, Callable<T> fn) {
        Objects.requireNonNull(fn, "fn");
        checkClosed();
        return executors.run(executor, fn);
    }

    /** Shuts the default executor down and waits (up to 300 s, as asyncio 3.12) for its threads. */
    public void shutdownDefaultExecutor() {
        executors.shutdownDefault();
    }

    // ---- errors -------------------------------------------------------------------------

    /**
     * Sets the handler of errors the loop catches; null restores the default (logging).
     * @param handler the handler, or null for the default
     */
    public void setExceptionHandler(ExceptionHandler handler) {
        this.exceptionHandler = handler;
    }

    /**
     * The handler set with {@link #setExceptionHandler}, or null for the default.
     * @return the handler, or null
     */
    public ExceptionHandler getExceptionHandler() {
        return exceptionHandler;
    }

    /**
     * Reports an error to the exception handler; a failing handler is logged, never thrown.
     * @param context what happened
     */
    public void callExceptionHandler(ExceptionContext context) {
        ExceptionHandler h = exceptionHandler;
        if (h == null) {
            try {
                defaultExceptionHandler(context);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                LOG.log(System.Logger.Level.ERROR, "Exception in default exception handler", t);
            }
            return;
        }
        try {
            h.handle(this, context);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            try {
                defaultExceptionHandler(new ExceptionContext("Unhandled error in exception handler", t));
                defaultExceptionHandler(context);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable again) {
                LOG.log(System.Logger.Level.ERROR, "Exception in default exception handler", again);
            }
        }
    }

    /**
     * Logs the error with {@link System.Logger} (logger "io.jasyncio", level ERROR).
     * @param context what happened
     */
    public void defaultExceptionHandler(ExceptionContext context) {
        StringBuilder sb =
                new StringBuilder(context.message() == null ? "Unhandled exception in event loop" : context.message());
        if (context.future() != null) {
            sb.append("\nfuture: ").append(context.future());
        }
        if (context.handle() != null) {
            sb.append("\nhandle: ").append(context.handle());
        }
        LOG.log(System.Logger.Level.ERROR, sb.toString(), context.exception());
    }

    @Override
    public String toString() {
        return "<EventLoop running=" + isRunning() + " closed=" + closed + " debug=" + debug + ">";
    }
}
