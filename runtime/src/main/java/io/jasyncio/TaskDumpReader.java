package io.jasyncio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads one loop into a {@link TaskDump.LoopInfo}: on the loop's own thread when it runs on
 * another one (scheduled with {@code callSoonThreadsafe}, waited for a bounded time), else
 * directly. Every walk is bounded, so that a read without the loop's cooperation, which may see
 * the loop's structures halfway through a change, ends and at worst reports a task as unreadable.
 */
final class TaskDumpReader {
    /**
     * Longest coroutine chain walked, and most nested gathers followed: ten times the deepest chain
     * the runtime is built for, so only a read that sees a loop in a chain halfway changed stops here.
     */
    private static final int MAX_DEPTH = 1_000_000;

    private TaskDumpReader() {}

    /** The snapshot of {@code loop}, or null when it was closed meanwhile. */
    static TaskDump.LoopInfo read(EventLoop loop, long timeoutNanos) {
        Thread owner = loop.runningThread();
        if (owner == null || owner == Thread.currentThread()) {
            return snapshot(loop, owner, true);
        }
        CompletableFuture<TaskDump.LoopInfo> answer = new CompletableFuture<>();
        try {
            loop.callSoonThreadsafe(() -> {
                if (!answer.isDone()) {
                    try {
                        answer.complete(snapshot(loop, Thread.currentThread(), true));
                    } catch (RuntimeException | LinkageError e) {
                        answer.completeExceptionally(e);
                    }
                }
            });
        } catch (IllegalStateException closed) {
            return null;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        boolean interrupted = false;
        try {
            for (; ; ) {
                try {
                    return answer.get(10, TimeUnit.MILLISECONDS);
                } catch (TimeoutException | InterruptedException | CancellationException e) {
                    interrupted |= e instanceof InterruptedException;
                    Thread now = loop.runningThread();
                    if (now == null || interrupted || System.nanoTime() - deadline >= 0) {
                        if (answer.cancel(false)) {
                            // the loop stopped (read it as it is), or it is busy: read it anyway
                            return snapshot(loop, now, now == null);
                        }
                    }
                } catch (ExecutionException e) {
                    return snapshot(loop, loop.runningThread(), false);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reads {@code loop}, run by {@code owner} (null: not running). */
    private static TaskDump.LoopInfo snapshot(EventLoop loop, Thread owner, boolean consistent) {
        List<Task<?>> tasks;
        try {
            tasks = new ArrayList<>(loop.pendingTasks());
        } catch (RuntimeException e) {
            tasks = List.of();
            consistent = false;
        }
        Map<Task<?>, Boolean> pending = new IdentityHashMap<>();
        for (Task<?> t : tasks) {
            pending.put(t, Boolean.TRUE);
        }
        Map<Task<?>, List<Integer>> awaitedBy = new IdentityHashMap<>();
        List<Read> reads = new ArrayList<>(tasks.size());
        for (Task<?> t : tasks) {
            List<Integer> awaits = new ArrayList<>();
            Read r;
            try {
                TaskDump.State state = stateOf(loop, t);
                List<StackTraceElement> stack = frames(t, state, owner);
                String awaiting = state == TaskDump.State.SUSPENDED ? describe(loop, t) : null;
                for (Task<?> b : awaitedTasks(t)) {
                    if (pending.containsKey(b) && b != t) {
                        awaits.add(b.number());
                        awaitedBy.computeIfAbsent(b, k -> new ArrayList<>()).add(t.number());
                    }
                }
                r = new Read(t, state, stack, awaiting, awaits);
            } catch (RuntimeException e) {
                r = new Read(t, TaskDump.State.SCHEDULED, List.of(), "(unreadable: " + e + ")", awaits);
                consistent = false;
            }
            reads.add(r);
        }
        List<TaskDump.TaskInfo> infos = new ArrayList<>(reads.size());
        for (Read r : reads) {
            infos.add(new TaskDump.TaskInfo(
                    r.task.number(),
                    r.task.getName(),
                    r.state,
                    r.stack,
                    r.awaiting,
                    r.awaits,
                    awaitedBy.getOrDefault(r.task, List.of())));
        }
        return new TaskDump.LoopInfo(
                LiveLoops.id(loop),
                owner == null ? null : owner.getName(),
                owner == null ? -1 : owner.getId(),
                loop.isVirtualTime(),
                loop.time(),
                consistent,
                infos);
    }

    /** One task as read, before the tasks awaiting it are known. */
    private record Read(
            Task<?> task, TaskDump.State state, List<StackTraceElement> stack, String awaiting, List<Integer> awaits) {}

    private static TaskDump.State stateOf(EventLoop loop, Task<?> t) {
        if (loop.currentTask == t) {
            return TaskDump.State.RUNNING;
        }
        return t.waitTarget() != null ? TaskDump.State.SUSPENDED : TaskDump.State.SCHEDULED;
    }

    /** The task's coroutines, most recent first, each where it awaits. */
    private static List<StackTraceElement> frames(Task<?> t, TaskDump.State state, Thread owner) {
        if (state == TaskDump.State.RUNNING && owner == Thread.currentThread()) {
            // the task takes the dump itself: its running frames are on this thread's stack
            List<StackTraceElement> own = new ArrayList<>(TaskStack.of(t, -1));
            Collections.reverse(own);
            return own;
        }
        List<StackTraceElement> frames = new ArrayList<>();
        if (t.waitTarget() instanceof TimerHandle && !(t.current instanceof Sleep)) {
            // a coroutine awaiting sleep(d) waits on the timer itself (no Sleep frame is kept):
            // show the sleep it awaits, as asyncio's stack does
            frames.add(Sleep.LOCATION);
        }
        Coroutine<?> c = t.current;
        for (int n = 0; c != null && !c.isFinished() && n < MAX_DEPTH; n++, c = c.awaiter()) {
            frames.add(c.location());
        }
        return frames;
    }

    /**
     * The tasks {@code t} awaits: the one it is parked on, those of a gather or the one of a shield
     * it is parked on, those of its task groups.
     */
    private static Set<Task<?>> awaitedTasks(Task<?> t) {
        Set<Task<?>> out = new LinkedHashSet<>();
        if (t.waitTarget() instanceof Future<?> f) {
            addTasks(f, out, 0);
        }
        Coroutine<?> c = t.current;
        for (int n = 0; c != null && !c.isFinished() && n < MAX_DEPTH; n++, c = c.awaiter()) {
            Set<Task<?>> group = TaskGroup.tasksOfScope(c);
            if (group != null) {
                for (Task<?> child : List.copyOf(group)) {
                    if (!child.done()) {
                        out.add(child);
                    }
                }
            }
        }
        return out;
    }

    private static void addTasks(Future<?> f, Set<Task<?>> out, int depth) {
        if (f instanceof Task<?> task) {
            out.add(task);
        } else if (f instanceof Gather.GatheringFuture<?> g && depth < MAX_DEPTH) {
            for (Future<?> child : g.children()) {
                addTasks(child, out, depth + 1);
            }
        } else if (f instanceof Shield.Outer<?> shield && depth < MAX_DEPTH) {
            addTasks(shield.inner, out, depth + 1);
        }
    }

    /** What the suspended task {@code t} waits for, in words. */
    private static String describe(EventLoop loop, Task<?> t) {
        Object target = t.waitTarget();
        if (target instanceof TimerHandle timer) {
            double in = timer.when - loop.time();
            return Double.isInfinite(timer.when)
                    ? "sleep, forever"
                    : String.format(Locale.ROOT, "sleep, wakes in %.3f s", Math.max(0, in));
        }
        if (target instanceof Task<?> task) {
            return "task " + TaskDumpText.taskLabel(task.getName(), task.number());
        }
        if (target instanceof Gather.GatheringFuture<?> g) {
            StringBuilder sb = new StringBuilder("gather of ");
            List<Future<?>> children = g.children();
            sb.append(children.size()).append(':');
            String sep = " ";
            for (Future<?> child : children) {
                sb.append(sep);
                sep = ", ";
                sb.append(
                        child instanceof Task<?> task
                                ? "task " + TaskDumpText.taskLabel(task.getName(), task.number())
                                : String.valueOf(child));
            }
            return sb.toString();
        }
        if (target instanceof Shield.Outer<?> shield) {
            return "shield of "
                    + (shield.inner instanceof Task<?> task
                            ? "task " + TaskDumpText.taskLabel(task.getName(), task.number())
                            : String.valueOf(shield.inner));
        }
        String what = String.valueOf(target);
        Coroutine<?> inner = t.current;
        if (inner != null) {
            StackTraceElement where = inner.location();
            if (TaskStack.isRuntimeFrame(where)) {
                // a lock's acquire, a queue's get, an event's wait: name it
                return TaskDumpText.frameName(where) + ": " + what;
            }
        }
        return what;
    }
}
