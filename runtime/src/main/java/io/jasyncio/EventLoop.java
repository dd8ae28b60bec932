package io.jasyncio;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
 */
public class EventLoop {
    private static final System.Logger LOG = System.getLogger("io.jasyncio");
    /** The loop running on each thread (null when none). */
    static final ThreadLocal<EventLoop> RUNNING = new ThreadLocal<>();

    private final ReadyQueue readyQueue = new ReadyQueue();
    final TimerHeap timers = new TimerHeap();
    private int timerSeq;
    private final ConcurrentLinkedQueue<Handle> threadsafe = new ConcurrentLinkedQueue<>();
    /** The loop thread is parked waiting for {@link #threadsafe} input. */
    private volatile boolean idle;
    private volatile Thread thread;

    private final boolean virtual;
    private double virtualNow;
    private final Instant virtualStart;

    private boolean stopping;
    private volatile boolean closed;
    private boolean debug = Boolean.getBoolean("jasyncio.debug");
    private double slowCallbackDuration = 0.1;
    private ExceptionHandler exceptionHandler;
    private ExecutorService defaultExecutor;
    private boolean executorShutdownCalled;
    /** Jobs running on other threads whose results will come back through {@link #threadsafe}. */
    private int inFlight;

    /** The task whose step is running (null between steps). */
    Task<?> currentTask;
    /** How many coroutines are nested on the Java stack in the current step. */
    int inlineDepth;
    /** The context state of the thread running the loop (task steps and callbacks switch its owner). */
    ContextState contextState;
    private TaskFactory taskFactory;
    private Task<?> liveHead;
    private Task<?> liveTail;

    /** A loop on the system's monotonic clock. */
    public EventLoop() {
        this(false);
    }

    private EventLoop(boolean virtual) {
        this(virtual, virtual ? Instant.now() : null);
    }

    private EventLoop(boolean virtual, Instant virtualStart) {
        this.virtual = virtual;
        this.virtualStart = virtualStart;
    }

    /** A loop on a virtual clock (see the class comment); for tests and fast runs of timed programs. */
    public static EventLoop withVirtualTime() {
        return new EventLoop(true);
    }

    /**
     * A loop on a virtual clock whose {@link #wallClock()} starts at {@code start} instead of
     * now, so that programs printing wall-clock times print the same ones on every run.
     */
    public static EventLoop withVirtualTime(Instant start) {
        return new EventLoop(true, Objects.requireNonNull(start, "start"));
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

    /** The loop's monotonic time in seconds (virtual time on a virtual loop). */
    public double time() {
        return virtual ? virtualNow : System.nanoTime() * 1e-9;
    }

    /** True for a loop made by {@link #withVirtualTime()}. */
    public boolean isVirtualTime() {
        return virtual;
    }

    /**
     * A wall clock for printing times: the system clock, or on a virtual loop the instant the
     * loop was created plus the virtual time elapsed since.
     */
    public Clock wallClock() {
        return virtual ? new VirtualWallClock(ZoneId.systemDefault()) : Clock.systemDefaultZone();
    }

    /** Moves virtual time forward by {@code seconds}; timers now due run in the next iteration. */
    public void advanceTime(double seconds) {
        if (!virtual) {
            throw new IllegalStateException("advanceTime() needs a loop with virtual time (EventLoop.withVirtualTime())");
        }
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("cannot advance time by " + seconds + " seconds");
        }
        virtualNow += seconds;
    }

    private final class VirtualWallClock extends Clock {
        private final ZoneId zone;

        VirtualWallClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new VirtualWallClock(z);
        }

        @Override
        public Instant instant() {
            return virtualStart.plusNanos(Math.round(virtualNow * 1e9));
        }
    }

    // ---- scheduling ---------------------------------------------------------------------

    /** Runs {@code callback} in the next iteration, after what is already scheduled. */
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

    /** Runs {@code callback} after {@code delay} seconds (a negative delay counts as 0). */
    public TimerHandle callLater(double delay, Runnable callback) {
        if (Double.isNaN(delay)) {
            throw new IllegalArgumentException("delay is NaN");
        }
        return callAt(time() + Math.max(0, delay), callback);
    }

    /** Runs {@code callback} once {@link #time()} reaches {@code when}. */
    public TimerHandle callAt(double when, Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        if (Double.isNaN(when)) {
            throw new IllegalArgumentException("when is NaN");
        }
        checkClosed();
        if (debug) {
            checkThread();
        }
        TimerHandle h = new TimerHandle(this, when, timerSeq++, callback);
        timers.add(h);
        return h;
    }

    /** The only way in from other threads: runs {@code callback} on the loop soon. */
    public Handle callSoonThreadsafe(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        checkClosed();
        Handle h = new Handle(this, callback);
        if (thread == Thread.currentThread()) {
            // from the loop's own thread: in order with callSoon work, as asyncio's shared ready queue
            readyQueue.add(h);
            return h;
        }
        threadsafe.add(h);
        if (idle) {
            LockSupport.unpark(thread);
        }
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

    int nextTimerSeq() {
        return timerSeq++;
    }

    void addTimer(TimerHandle h) {
        timers.add(h);
    }

    /** Queues a task step or a handle for the next iteration. */
    final void ready(Object taskOrHandle) {
        readyQueue.add(taskOrHandle);
    }

    /** Number of pending timers (for tests and diagnostics). */
    int pendingTimers() {
        return timers.size();
    }

    void inFlight(int delta) {
        inFlight += delta;
    }

    /** Futures waiting for a result from another thread (for tests and diagnostics). */
    int workInFlight() {
        return inFlight;
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

    /** Debug mode: callbacks and task steps running at least this long (seconds) are logged. */
    public double getSlowCallbackDuration() {
        return slowCallbackDuration;
    }

    /** Sets the debug-mode threshold for slow callbacks and task steps (asyncio's slow_callback_duration). */
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

    /** One iteration; returns whether the thread was interrupted while waiting. */
    private boolean runOnce() {
        boolean interrupted = false;
        drainThreadsafe();
        if (readyQueue.isEmpty() && !stopping) {
            interrupted = waitForWork();
            drainThreadsafe();
        }
        TimerHandle next = timers.first();
        if (next != null) {
            double now = time();
            while (next != null && next.when <= now) {
                readyQueue.add(timers.poll());
                next = timers.first();
            }
        }
        NeverRetrieved.poll();
        if (debug) {
            NeverAwaited.poll();
        }
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
        return interrupted;
    }

    private void drainThreadsafe() {
        Handle h;
        while ((h = threadsafe.poll()) != null) {
            readyQueue.add(h);
        }
    }

    /** Nothing is ready: wait for the next timer (or jump to it) or for input from other threads. */
    private boolean waitForWork() {
        TimerHandle next = timers.first();
        if (next == null) {
            return parkUntilInput(-1);
        }
        double when = next.when;
        if (when == Double.POSITIVE_INFINITY) {
            // sleep(infinity): a deadline that never comes; virtual time must not jump to it
            return parkUntilInput(-1);
        }
        double delta = when - time();
        if (delta <= 0) {
            return false;
        }
        if (!virtual) {
            return parkUntilInput(toNanos(delta));
        }
        if (inFlight == 0) {
            virtualNow = when;
            return false;
        }
        long start = System.nanoTime();
        boolean interrupted = parkUntilInput(toNanos(delta));
        if (threadsafe.isEmpty()) {
            virtualNow = when;
        } else {
            virtualNow = Math.min(when, virtualNow + (System.nanoTime() - start) * 1e-9);
        }
        return interrupted;
    }

    private static long toNanos(double seconds) {
        return seconds >= 9e9 ? Long.MAX_VALUE : Math.max(1, (long) Math.ceil(seconds * 1e9));
    }

    /** Parks until another thread submits something or {@code nanos} pass (-1: no limit). */
    private boolean parkUntilInput(long nanos) {
        boolean interrupted = false;
        idle = true;
        try {
            long deadline = nanos < 0 ? 0 : System.nanoTime() + nanos;
            while (threadsafe.isEmpty()) {
                if (nanos < 0) {
                    LockSupport.park(this);
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    LockSupport.parkNanos(this, left);
                }
                // an interrupt would make park return at once forever: remember it, restore it on exit
                interrupted |= Thread.interrupted();
            }
        } finally {
            idle = false;
        }
        return interrupted;
    }

    /**
     * Runs the loop until {@code awaitable} is done (a coroutine is wrapped in a task) and
     * returns its result, or rethrows its exception.
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
        threadsafe.clear();
        executorShutdownCalled = true;
        if (defaultExecutor != null) {
            defaultExecutor.shutdown();
            defaultExecutor = null;
        }
    }

    public boolean isRunning() {
        return thread != null;
    }

    public boolean isClosed() {
        return closed;
    }

    public boolean getDebug() {
        return debug;
    }

    public void setDebug(boolean enabled) {
        this.debug = enabled;
        if (enabled) {
            NeverAwaited.enabled = true;
        }
    }

    // ---- futures and tasks --------------------------------------------------------------

    public <T> Future<T> createFuture() {
        return new Future<>(this);
    }

    /** Wraps {@code coro} in a task scheduled to start soon; the task copies the current ContextVar values. */
    public <T> Task<T> createTask(Coroutine<T> coro) {
        return createTask(coro, null);
    }

    /** {@link #createTask(Coroutine)} with a name (null: the default {@code Task-N}). */
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
        Task<?> tail = liveTail;
        t.prevLive = tail;
        if (tail == null) {
            liveHead = t;
        } else {
            tail.nextLive = t;
        }
        liveTail = t;
    }

    void taskDone(Task<?> t) {
        Task<?> prev = t.prevLive;
        Task<?> next = t.nextLive;
        if (prev == null) {
            liveHead = next;
        } else {
            prev.nextLive = next;
        }
        if (next == null) {
            liveTail = prev;
        } else {
            next.prevLive = prev;
        }
        t.prevLive = null;
        t.nextLive = null;
    }

    /** The tasks of this loop that are not done yet, in creation order. */
    Set<Task<?>> pendingTasks() {
        Set<Task<?>> set = new LinkedHashSet<>();
        for (Task<?> t = liveHead; t != null; t = t.nextLive) {
            set.add(t);
        }
        return set;
    }

    /** Cancels every pending task and runs the loop until they are all done (end of {@link AsyncIO#run}). */
    void cancelAllTasks() {
        List<Task<?>> toCancel = new ArrayList<>(pendingTasks());
        if (toCancel.isEmpty()) {
            return;
        }
        for (Task<?> t : toCancel) {
            t.cancel();
        }
        Future<Void> all = createFuture();
        int[] left = {toCancel.size()};
        for (Task<?> t : toCancel) {
            t.addCallback((Consumer<Future<?>>) f -> {
                if (--left[0] == 0) {
                    all.setResult(null);
                }
            });
        }
        runUntilComplete(all);
        for (Task<?> t : toCancel) {
            if (!t.cancelled() && t.exception() != null) {
                callExceptionHandler(new ExceptionContext("unhandled exception during run() shutdown",
                        t.exception(), t, null));
            }
        }
    }

    // ---- executors ----------------------------------------------------------------------

    /**
     * Runs {@code fn} on {@code executor} (null: the loop's default executor, created on first
     * use) and returns a future of this loop for its result. Cancelling the future cancels the
     * job if it has not started.
     */
    public <T> Future<T> runInExecutor(Executor executor, Callable<T> fn) {
        Objects.requireNonNull(fn, "fn");
        checkClosed();
        Executor ex = executor != null ? executor : defaultExecutor();
        Future<T> future = new ForeignFuture<>(this);
        Runnable job = () -> {
            T value = null;
            Throwable error = null;
            try {
                value = fn.call();
            } catch (Throwable e) {
                error = e;
            }
            T v = value;
            Throwable e = error;
            try {
                callSoonThreadsafe(() -> {
                    if (!future.done()) {
                        if (e == null) {
                            future.setResult(v);
                        } else {
                            future.settleFailure(e);
                        }
                    }
                });
            } catch (IllegalStateException closedMeanwhile) {
                // the loop was closed while the job ran: nobody is left to tell
            }
        };
        try {
            if (ex instanceof ExecutorService service) {
                java.util.concurrent.Future<?> submitted = service.submit(job);
                future.addDoneCallback(f -> {
                    if (f.cancelled()) {
                        submitted.cancel(false);
                    }
                });
            } else {
                ex.execute(job);
            }
        } catch (RejectedExecutionException e) {
            future.cancel();
            throw e;
        }
        return future;
    }

    private ExecutorService defaultExecutor() {
        if (executorShutdownCalled) {
            throw new IllegalStateException("Executor shutdown has been called");
        }
        if (defaultExecutor == null) {
            defaultExecutor = DefaultExecutor.create();
        }
        return defaultExecutor;
    }

    /** Shuts the default executor down and waits (up to 300 s, as asyncio 3.12) for its threads. */
    public void shutdownDefaultExecutor() {
        executorShutdownCalled = true;
        ExecutorService ex = defaultExecutor;
        if (ex == null) {
            return;
        }
        defaultExecutor = null;
        ex.shutdown();
        try {
            if (!ex.awaitTermination(300, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING,
                        "The default executor did not finish joining its threads within 300 seconds.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- errors -------------------------------------------------------------------------

    /** Sets the handler of errors the loop catches; null restores the default (logging). */
    public void setExceptionHandler(ExceptionHandler handler) {
        this.exceptionHandler = handler;
    }

    public ExceptionHandler getExceptionHandler() {
        return exceptionHandler;
    }

    /** Reports an error to the exception handler; a failing handler is logged, never thrown. */
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

    /** Logs the error with {@link System.Logger} (logger "io.jasyncio", level ERROR). */
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
