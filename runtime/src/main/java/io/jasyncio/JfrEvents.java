package io.jasyncio;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.EventType;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * The runtime's JFR events, category "jasyncio", all disabled unless a recording's settings
 * enable them (the {@code jasyncio.jfc} settings file beside this class enables them all).
 * Called only while {@link Jfr#recording} is true, so this class, the event classes and JFR's
 * metadata are loaded only by a program that records; each emitter first asks whether its
 * event is enabled and allocates nothing when it is not.
 */
final class JfrEvents {
    private static final String CATEGORY = "jasyncio";

    private static final EventType CREATED = EventType.getEventType(TaskCreated.class);
    private static final EventType FINISHED = EventType.getEventType(TaskFinished.class);
    private static final EventType CANCELLED = EventType.getEventType(TaskCancelled.class);
    private static final EventType SLOW = EventType.getEventType(SlowStep.class);

    /**
     * The TaskFinished event of each task created while that event was enabled, begun at the
     * task's creation so that its duration is the task's life. Weak: a task never finished
     * (its loop closed) is dropped with its entry.
     */
    private static final Map<Task<?>, TaskFinished> FINISH = Collections.synchronizedMap(new WeakHashMap<>());

    /** Each loop thread's SlowStep event, begun for every step and committed only for a slow one. */
    private static final ThreadLocal<SlowStep> NEXT_SLOW_STEP = ThreadLocal.withInitial(SlowStep::new);

    private JfrEvents() {}

    /** {@code t} was just created (its constructor has named it; an eager start has not run yet). */
    static void taskCreated(Task<?> t) {
        EventLoop loop = t.loop;
        if (FINISHED.isEnabled()) {
            TaskFinished finish = new TaskFinished();
            finish.createdAt = loop.time();
            finish.begin();
            FINISH.put(t, finish);
        }
        if (CREATED.isEnabled()) {
            TaskCreated e = new TaskCreated();
            e.task = t.getName();
            Coroutine<?> coro = t.getCoro();
            e.coroutine = coro == null ? null : coro.coroutineName();
            e.parentTask = loop.currentTask == null ? null : loop.currentTask.getName();
            e.loop = LiveLoops.id(loop);
            StackTraceElement[] site = CreationSites.of(t);
            e.creationSite = site == null || site.length == 0 ? null : site[0].toString();
            e.commit();
        }
    }

    /** {@code t} is done: its outcome is set. */
    static void taskFinished(Task<?> t) {
        TaskFinished e = FINISH.isEmpty() ? null : FINISH.remove(t);
        if (!FINISHED.isEnabled()) {
            return;
        }
        EventLoop loop = t.loop;
        if (e == null) {
            // created before the event was enabled: its life is unknown
            e = new TaskFinished();
            e.loopDuration = Long.MIN_VALUE;
        } else {
            e.end();
            e.loopDuration = nanos(loop.time() - e.createdAt);
        }
        e.task = t.getName();
        e.loop = LiveLoops.id(loop);
        if (t.outcome instanceof Failure f) {
            e.outcome = f.cancelled ? "cancelled" : "exception";
            e.exception = f.cancelled ? null : f.error.getClass().getName();
            e.message = f.error.getMessage();
        } else {
            e.outcome = "result";
        }
        e.commit();
    }

    /** {@code cancel(message)} was called on the pending task {@code t} (its count already includes it). */
    static void taskCancelled(Task<?> t, String message) {
        if (!CANCELLED.isEnabled()) {
            return;
        }
        TaskCancelled e = new TaskCancelled();
        e.task = t.getName();
        e.loop = LiveLoops.id(t.loop);
        e.message = message;
        e.cancelling = t.cancelling();
        Task<?> current = t.loop.currentTask;
        e.requestedBy = current == null || EventLoop.RUNNING.get() != t.loop ? null : current.getName();
        e.commit();
    }

    /**
     * A SlowStep event begun now, before a step or callback runs; null when the event is not
     * enabled. Most steps are fast and their event is never committed: the thread's event is
     * begun again for the next step instead of allocating one per step.
     */
    static Object beginSlowStep() {
        if (!SLOW.isEnabled()) {
            return null;
        }
        SlowStep e = NEXT_SLOW_STEP.get();
        e.begin();
        return e;
    }

    /** The step {@code ran} (a task or a handle), timed by {@code event}, took at least the loop's threshold. */
    static void slowStep(Object event, EventLoop loop, Object ran) {
        SlowStep e = (SlowStep) event;
        NEXT_SLOW_STEP.remove(); // a committed event is not reused
        e.end();
        e.loop = LiveLoops.id(loop);
        e.task = ran instanceof Task<?> t ? t.getName() : null;
        e.step = String.valueOf(ran);
        e.threshold = nanos(loop.getSlowCallbackDuration());
        e.commit();
    }

    /**
     * The periodic LoopStatistics: one event per open loop, read from JFR's periodic thread
     * without stopping the loop (the counts are a racy snapshot, as JFR's own statistics are).
     */
    static void emitLoopStatistics() {
        for (EventLoop loop : LiveLoops.open()) {
            LoopStatistics e = new LoopStatistics();
            e.loop = LiveLoops.id(loop);
            e.loopThread = loop.runningThread();
            e.running = e.loopThread != null;
            e.virtualTime = loop.isVirtualTime();
            e.loopTime = loop.time();
            e.readyQueue = Math.max(0, loop.readyCount());
            e.timers = Math.max(0, loop.timers.size());
            e.liveTasks = Math.max(0, loop.taskCount());
            e.commit();
        }
    }

    private static long nanos(double seconds) {
        return Math.round(seconds * 1e9);
    }

    @Name("io.jasyncio.TaskCreated")
    @Label("Task Created")
    @Category(CATEGORY)
    @Description("A task was created (createTask, TaskGroup, gather of coroutines, ...)")
    @Enabled(false)
    @StackTrace(false)
    static final class TaskCreated extends Event {
        @Label("Task")
        @Description("The task's name")
        String task;

        @Label("Coroutine")
        @Description("The coroutine the task runs (its method's name)")
        String coroutine;

        @Label("Parent Task")
        @Description("The task whose step created it; null when created outside a task")
        String parentTask;

        @Label("Loop")
        @Description("The number of the task's event loop, in the order the process created loops")
        long loop;

        @Label("Creation Site")
        @Description("The user code that created the task; recorded only in the loop's debug mode")
        String creationSite;
    }

    @Name("io.jasyncio.TaskFinished")
    @Label("Task Finished")
    @Category(CATEGORY)
    @Description("A task is done: its outcome, and its life from creation (the event's duration)")
    @Enabled(false)
    @StackTrace(false)
    static final class TaskFinished extends Event {
        @Label("Task")
        @Description("The task's name")
        String task;

        @Label("Loop")
        @Description("The number of the task's event loop")
        long loop;

        @Label("Outcome")
        @Description("result, exception or cancelled")
        String outcome;

        @Label("Exception")
        @Description("The class of the exception the task ended with; null unless the outcome is exception")
        String exception;

        @Label("Message")
        @Description("The message of the exception, or of the cancellation")
        String message;

        @Label("Loop Duration")
        @Description("The task's life on the loop's clock (virtual time on a virtual-time loop); "
                + "N/A for a task created before the event was enabled")
        @Timespan(Timespan.NANOSECONDS)
        long loopDuration;

        /** The loop's time at the task's creation (not recorded). */
        transient double createdAt;
    }

    @Name("io.jasyncio.TaskCancelled")
    @Label("Task Cancelled")
    @Category(CATEGORY)
    @Description("cancel() was called on a pending task; the stack trace shows who called it")
    @Enabled(false)
    static final class TaskCancelled extends Event {
        @Label("Task")
        @Description("The task's name")
        String task;

        @Label("Loop")
        @Description("The number of the task's event loop")
        long loop;

        @Label("Message")
        @Description("The cancel message, or null")
        String message;

        @Label("Cancelling")
        @Description("The task's pending cancellation requests, this one included (Task.cancelling())")
        int cancelling;

        @Label("Requested By")
        @Description("The task whose step called cancel(); null from a callback or another thread")
        String requestedBy;
    }

    @Name("io.jasyncio.SlowStep")
    @Label("Slow Step")
    @Category(CATEGORY)
    @Description("A task step or callback held the loop at least the loop's slow-callback duration "
            + "(0.1 s unless set); the event's duration is the step's")
    @Enabled(false)
    @StackTrace(false)
    static final class SlowStep extends Event {
        @Label("Loop")
        @Description("The number of the event loop")
        long loop;

        @Label("Task")
        @Description("The name of the task that ran the step; null for a callback")
        String task;

        @Label("Step")
        @Description("What ran: the task or the callback's handle, as its toString shows it")
        String step;

        @Label("Threshold")
        @Description("The loop's slow-callback duration")
        @Timespan(Timespan.NANOSECONDS)
        long threshold;
    }

    @Name("io.jasyncio.LoopStatistics")
    @Label("Event Loop Statistics")
    @Category(CATEGORY)
    @Description("Each open event loop's ready queue, timers and pending tasks")
    @Enabled(false)
    @StackTrace(false)
    @Period("1 s")
    static final class LoopStatistics extends Event {
        @Label("Loop")
        @Description("The number of the event loop")
        long loop;

        @Label("Loop Thread")
        @Description("The thread running the loop; null when it is not running")
        Thread loopThread;

        @Label("Running")
        boolean running;

        @Label("Virtual Time")
        @Description("Whether the loop runs on virtual time")
        boolean virtualTime;

        @Label("Loop Time")
        @Description("The loop's clock, in seconds")
        double loopTime;

        @Label("Ready Queue")
        @Description("Callbacks and task steps ready to run")
        int readyQueue;

        @Label("Timers")
        @Description("Timers scheduled and not cancelled (sleeps, timeouts, callLater)")
        int timers;

        @Label("Pending Tasks")
        @Description("Tasks created and not done")
        int liveTasks;
    }
}
