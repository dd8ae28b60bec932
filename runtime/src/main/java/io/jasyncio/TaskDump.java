package io.jasyncio;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of the pending tasks of every event loop of this JVM: for each task its name and id,
 * its state, its coroutine stack at the lines of the suspended awaits, what it awaits and which
 * tasks await it (the await graph). The Java counterpart of Python 3.14's
 * {@code python -m asyncio ps PID} and {@code pstree PID}: {@link #printTable} and
 * {@link #printTree} print the same table and tree; {@link #print} prints a fuller form, like a
 * Java thread dump. {@link AsyncIO#dumpTasks(PrintStream)} prints it in one call, and
 * {@code java -jar jasyncio-agent.jar ps|pstree|dump PID} takes it from another process.
 *
 * <p>The await graph has an edge from task A to task B when A is suspended on B, on a
 * {@link AsyncIO#gather} of futures that includes B, on a {@link AsyncIO#shield} of B, or runs the
 * body of a {@link TaskGroup} of which B is a task (as asyncio 3.14 records it). A task that awaits a plain future (a lock, a
 * queue, an event, a {@code CompletionStage}) awaits no task.
 *
 * <p>Taking a snapshot from another thread than a loop's is safe: a running loop is asked to take
 * its own snapshot between two callbacks ({@link EventLoop#callSoonThreadsafe}), and the caller
 * waits for it a bounded time (one second by default). A loop that does not answer in time (a
 * callback blocks it) is read from the calling thread without its cooperation: the reading cannot
 * harm the loop, but what it sees may be inconsistent, and {@link LoopInfo#consistent()} is false.
 * A loop that is not running, or runs on the calling thread, is read directly. The dump costs
 * nothing until it is taken: loops register (weakly) when made, tasks not at all.
 */
public final class TaskDump {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

    private final List<LoopInfo> loops;

    private TaskDump(List<LoopInfo> loops) {
        this.loops = List.copyOf(loops);
    }

    /**
     * Takes a snapshot of every live (not closed) event loop of the JVM, waiting at most one second
     * for each running loop (see the class comment).
     *
     * @return the snapshot
     */
    public static TaskDump capture() {
        return capture(DEFAULT_TIMEOUT);
    }

    /**
     * Like {@link #capture()}, waiting at most {@code timeout} for each running loop to answer
     * before reading it without its cooperation.
     *
     * @param timeout the longest wait for one running loop
     * @return the snapshot
     * @throws IllegalArgumentException when {@code timeout} is negative
     */
    public static TaskDump capture(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        long nanos =
                timeout.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1).toNanos() : timeout.toNanos();
        List<LoopInfo> loops = new ArrayList<>();
        for (EventLoop loop : LiveLoops.open()) {
            LoopInfo info = TaskDumpReader.read(loop, nanos);
            if (info != null) {
                loops.add(info);
            }
        }
        return new TaskDump(loops);
    }

    /** A snapshot of these loops (for tests of the printed forms). */
    static TaskDump of(List<LoopInfo> loops) {
        return new TaskDump(loops);
    }

    /**
     * The loops, oldest first.
     *
     * @return the loops of the snapshot
     */
    public List<LoopInfo> loops() {
        return loops;
    }

    /**
     * The task with this id, or null when the snapshot has none.
     *
     * @param id a task id ({@link TaskInfo#id()})
     * @return the task, or null
     */
    public TaskInfo task(int id) {
        for (LoopInfo loop : loops) {
            for (TaskInfo t : loop.tasks()) {
                if (t.id() == id) {
                    return t;
                }
            }
        }
        return null;
    }

    /**
     * The cycles of the await graph (tasks awaiting each other: they can never finish), found as
     * asyncio's {@code pstree} finds them: each cycle lists its tasks in await order and repeats the
     * first one at the end.
     *
     * @return the cycles, empty when there is none
     */
    public List<List<TaskInfo>> cycles() {
        return TaskDumpText.cycles(this);
    }

    /**
     * Prints the full form: each loop, then each of its tasks with its state, what it awaits, its
     * coroutine stack (most recent await first, like a Java stack trace) and the tasks awaiting
     * it; then the await cycles, if any.
     *
     * @param out where to print
     */
    public void print(PrintStream out) {
        Objects.requireNonNull(out, "out");
        out.print(TaskDumpText.full(this));
        out.flush();
    }

    /**
     * Prints the table of {@code python -m asyncio ps}: one row per task and awaiting task, with
     * the loop's thread id, the task's id and name, its coroutine stack (most recent first), and
     * the awaiting task's stack, name and id.
     *
     * @param out where to print
     */
    public void printTable(PrintStream out) {
        Objects.requireNonNull(out, "out");
        out.print(TaskDumpText.table(this));
        out.flush();
    }

    /**
     * Prints the trees of {@code python -m asyncio pstree}: each task that no task awaits is a
     * root, below it the frames of its coroutine stack down to the await, below them the tasks
     * it awaits. When the await graph has a cycle no tree can be drawn: this prints the error and
     * the cycles as asyncio does, and returns false. Each level of the tree indents, so of a stack
     * deeper than 64 frames only the oldest and the newest 32 are drawn, around a
     * {@code "… N more frames …"} node.
     *
     * @param out where to print
     * @return false when the await graph has cycles (and no tree was printed)
     */
    public boolean printTree(PrintStream out) {
        Objects.requireNonNull(out, "out");
        String text = TaskDumpText.tree(this);
        boolean ok = text != null;
        out.print(ok ? text : TaskDumpText.cycleError(this));
        out.flush();
        return ok;
    }

    /** The full form ({@link #print}). */
    @Override
    public String toString() {
        return TaskDumpText.full(this);
    }

    /** A task's state in the snapshot (see {@link Task}'s state diagram). */
    public enum State {
        /** Ready to run its next step (or its first), or yielding for one iteration ({@code sleep(0)}). */
        SCHEDULED,
        /** Running its step now: the task that took the dump, or one seen running by a racy read. */
        RUNNING,
        /** Suspended on a pending future or in a sleep. */
        SUSPENDED;

        /** The lower-case name the printed forms use. */
        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One event loop in the snapshot.
     *
     * @param id the loop's number, unique in the JVM (1 for the first loop made)
     * @param threadName the name of the thread running the loop, or null when it is not running
     * @param threadId the id of that thread ({@code Thread.getId()}), or -1 when it is not running
     * @param virtualTime whether the loop runs on virtual time
     * @param time the loop's time ({@link EventLoop#time()}) when the snapshot was taken
     * @param consistent false when the loop was running but did not answer in time and was read
     *     without its cooperation (the tasks may then be inconsistent)
     * @param tasks the loop's pending tasks, in creation order
     */
    public record LoopInfo(
            long id,
            String threadName,
            long threadId,
            boolean virtualTime,
            double time,
            boolean consistent,
            List<TaskInfo> tasks) {
        /**
         * Copies {@code tasks}.
         *
         * @param id the loop's number
         * @param threadName the name of its thread, or null
         * @param threadId the id of its thread, or -1
         * @param virtualTime whether the loop runs on virtual time
         * @param time the loop's time
         * @param consistent whether the loop answered
         * @param tasks the pending tasks
         */
        public LoopInfo {
            tasks = List.copyOf(tasks);
        }

        /**
         * Whether the loop was running when the snapshot was taken.
         *
         * @return true when a thread was running the loop
         */
        public boolean running() {
            return threadName != null;
        }
    }

    /**
     * One pending task in the snapshot.
     *
     * @param id the task's id: the number of its default name {@code Task-N}, unique in the JVM
     * @param name the task's name
     * @param state its state
     * @param stack its coroutine stack, most recent first (like {@link Throwable#getStackTrace()}):
     *     one element per awaiting coroutine at the line of its await, the runtime's own
     *     coroutines (a sleep, a lock's acquire, a task group's scope) included without a line
     * @param awaiting what the task is suspended on ("task \"worker\" #2", "sleep, wakes in
     *     1.500 s", "Lock.acquire: &lt;Future pending&gt;"), or null when it is not suspended
     * @param awaits the ids of the tasks it awaits (the edges of the await graph)
     * @param awaitedBy the ids of the tasks awaiting it
     */
    public record TaskInfo(
            int id,
            String name,
            State state,
            List<StackTraceElement> stack,
            String awaiting,
            List<Integer> awaits,
            List<Integer> awaitedBy) {
        /**
         * Copies the lists.
         *
         * @param id the task's id
         * @param name its name
         * @param state its state
         * @param stack its coroutine stack, most recent first
         * @param awaiting what it is suspended on, or null
         * @param awaits the ids of the tasks it awaits
         * @param awaitedBy the ids of the tasks awaiting it
         */
        public TaskInfo {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(state, "state");
            stack = List.copyOf(stack);
            awaits = List.copyOf(awaits);
            awaitedBy = List.copyOf(awaitedBy);
        }
    }

    /** Task ids to tasks, over all loops, in order. */
    Map<Integer, TaskInfo> byId() {
        Map<Integer, TaskInfo> map = new LinkedHashMap<>();
        for (LoopInfo loop : loops) {
            for (TaskInfo t : loop.tasks()) {
                map.put(t.id(), t);
            }
        }
        return map;
    }
}
