package io.jasyncio;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The single-threaded event loop (asyncio's event loop, without I/O). One iteration: take in
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
public class EventLoop {
    private static final System.Logger LOG = System.getLogger("io.jasyncio");
    /** The loop running on each thread (null when none). */
    static final ThreadLocal<EventLoop> RUNNING = new ThreadLocal<>();

    private final LoopClock clock;
    /** Callbacks and task steps to run in the next iteration (asyncio's {@code _ready}). */
    private final ReadyQueue readyQueue = new ReadyQueue();
    /** Callbacks due at a time (asyncio's {@code _scheduled}). */
    final TimerHeap timers = new TimerHeap();
    /** Callbacks from other threads, and where the loop waits when nothing is ready. */
    final Inbox inbox = new Inbox();
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

    /** A loop on the system's monotonic clock. */
    public EventLoop() {
        this(LoopClock.system());
    }

    private EventLoop(LoopClock clock) {
        this.clock = clock;
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
        inbox.submit(h);
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
        boolean interrupted = false;
        try {
            for (;;) {
                interrupted |= runOnce();
                if (stopping) {
                    break;
                }
            }
        } finally {
            stopping = false;
            thread = null;
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

    /** Runs what is ready now, in FIFO order; what they schedule runs in the next iteration. */
    private void runReady() {
        for (int n = readyQueue.size(); n > 0; n--) {
            Object o = readyQueue.poll();
            if (debug) {
                SlowCallbacks.runTimed(this, o);
            } else if (o instanceof Task<?> t) {
                t.step();
            } else {
                ((Handle) o).run();
            }
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
        boolean newTask = !(awaitable instanceof Future);
        Future<T> future = ensureFuture(awaitable);
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
        Objects.requireNonNull(coro, "a coroutine was expected, got null");
        checkClosed();
        if (debug) {
            // asyncio: the task's first step goes through call_soon, which checks the thread
            checkThread();
        }
        // inside a step of this loop the creator's context is at hand: no thread-local lookup
        Task<?> creator = currentTask;
        return new Task<>(this, coro, name, creator != null ? creator.context : Context.current());
    }

    /** A future stays as it is (it must belong to this loop); a coroutine becomes a task. */
    @SuppressWarnings("unchecked")
    <T> Future<T> ensureFuture(Awaitable<T> awaitable) {
        if (awaitable instanceof Future<T> f) {
            if (f.loop != this) {
                throw new IllegalArgumentException(
                        "The future belongs to a different loop than the one specified as the loop argument");
            }
            return f;
        }
        return createTask((Coroutine<T>) awaitable);
    }

    void taskCreated(Task<?> t) {
        tasks.add(t);
    }

    void taskDone(Task<?> t) {
        tasks.remove(t);
    }

    /** The tasks of this loop that are not done yet, in creation order. */
    Set<Task<?>> pendingTasks() {
        return tasks.pending();
    }

    /** Cancels every pending task and runs the loop until they are all done (end of {@link AsyncIO#run}). */
    void cancelAllTasks() {
        tasks.cancelAll(this);
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
        StringBuilder sb = new StringBuilder(context.message() == null ? "Unhandled exception in event loop" : context.message());
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
