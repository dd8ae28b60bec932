package io.jasyncio;

import java.io.PrintStream;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Task.get_stack / Task.print_stack, and the async stack traces behind them.
 *
 * <p>A suspended task's stack is one element per awaiting coroutine, oldest (the task's own
 * coroutine) first, each at the line of its suspended await. A failed task's stack is its
 * exception's traceback, oldest first, restricted to the coroutines' frames. As in asyncio a
 * {@code limit} keeps the newest frames of a suspended stack and the oldest of a traceback.
 *
 * <p>Async stack traces: a failure handed from a coroutine to the one awaiting it, after a
 * suspension, no longer has the awaiting coroutines on its Java stack; the task records each of
 * them into the exception's stack trace (just above the task's own frames), so the trace of a
 * failure deep in a chain of awaits names every awaiting coroutine with the line of its await.
 */
final class TaskStack {
    /** Async frames recorded into one exception per task step, at most (bounds the cost of deep chains). */
    static final int MAX_RECORDED = 256;

    private static final CodeSource RUNTIME = Task.class.getProtectionDomain().getCodeSource();

    private TaskStack() {}

    /**
     * Task.getStack(limit); a negative limit means no limit. The limit keeps the oldest frames,
     * the task's own coroutine first: asyncio starts at the task's coroutine, so
     * {@code get_stack(limit=1)} is that coroutine whether the task runs or is suspended. The
     * runtime's own coroutines ({@code sleep}, the awaits of {@code asCompleted}, ...) are not
     * user frames and are left out.
     */
    static List<StackTraceElement> of(Task<?> task, int limit) {
        List<StackTraceElement> frames = new ArrayList<>();
        if (!task.done()) {
            // innermost first while walking up, then reversed
            Coroutine<?> c = task.current;
            if (task.loop.currentTask == task && task.loop.isRunning()) {
                // the task asks for its own stack: what runs now is on the Java stack; the
                // coroutine the step resumed and everything inline above it
                frames.addAll(runningFrames());
                c = c == null ? null : c.awaiter();
            }
            for (; c != null && !c.isFinished(); c = c.awaiter()) {
                StackTraceElement where = c.location();
                if (!isRuntimeFrame(where)) {
                    frames.add(where);
                }
            }
            Collections.reverse(frames);
            if (limit >= 0 && frames.size() > limit) {
                frames = new ArrayList<>(frames.subList(0, limit));
            }
        } else if (!task.cancelled() && task.exception() != null) {
            List<StackTraceElement> tb = traceback(task.exception());
            for (int i = 0; i < tb.size() && frames.size() != limit; i++) {
                frames.add(tb.get(i));
            }
        }
        return Collections.unmodifiableList(frames);
    }

    /** The current thread's frames between here and the task's step loop, innermost first, without runtime frames. */
    private static List<StackTraceElement> runningFrames() {
        return StackWalker.getInstance()
                .walk(s -> s.map(StackWalker.StackFrame::toStackTraceElement)
                        .takeWhile(e -> !e.getClassName().equals("io.jasyncio.Task")
                                || !e.getMethodName().equals("drive"))
                        .filter(e -> !isRuntimeFrame(e))
                        .collect(java.util.stream.Collectors.toList()));
    }

    /** Task.printStack(limit, out): newest first, like a Java stack trace. */
    static void print(Task<?> task, int limit, PrintStream out) {
        Objects.requireNonNull(out, "out");
        List<StackTraceElement> frames = of(task, limit);
        Throwable exc = task.done() && !task.cancelled() ? task.exception() : null;
        StringBuilder sb = new StringBuilder();
        if (frames.isEmpty()) {
            sb.append("No stack for ").append(task).append('\n');
        } else if (exc != null) {
            sb.append("Traceback for ").append(task).append(" (most recent call first):\n");
        } else {
            sb.append("Stack for ").append(task).append(" (most recent call first):\n");
        }
        if (exc != null) {
            sb.append(exc).append('\n');
        }
        for (int i = frames.size() - 1; i >= 0; i--) {
            sb.append("\tat ").append(frames.get(i)).append('\n');
        }
        out.print(sb);
        out.flush();
    }

    /** The coroutine frames of {@code exc}'s stack trace, oldest first. */
    static List<StackTraceElement> traceback(Throwable exc) {
        StackTraceElement[] trace = exc.getStackTrace();
        int end = taskFrameIndex(trace);
        List<StackTraceElement> frames = new ArrayList<>(end);
        for (int i = end - 1; i >= 0; i--) {
            if (!isRuntimeFrame(trace[i])) {
                frames.add(trace[i]);
            }
        }
        return frames;
    }

    /**
     * Records {@code awaiter}, which let {@code exc} propagate after resuming from a suspended
     * await, into the exception's stack trace, just above the running task's frames.
     */
    static void recordAwaiter(Throwable exc, Coroutine<?> awaiter) {
        if (exc instanceof VirtualMachineError) {
            return;
        }
        if (exc instanceof CancelledError ce && ce.deferFrame(awaiter.location(), false)) {
            return;
        }
        record(exc, awaiter.location(), false);
    }

    /**
     * Records {@code awaiter}, running now, whose await just failed with {@code exc} (an already
     * failed future, or a coroutine run inline), unless the trace has that frame already (the
     * exception was raised right here). A rewritten awaiter is on the Java stack with the true
     * line of its await; its frame's saved state only knows the last suspension.
     */
    static void recordRunningAwaiter(Throwable exc, Coroutine<?> awaiter) {
        if (exc instanceof VirtualMachineError) {
            return;
        }
        StackTraceElement where = awaiter.runningLocation();
        if (where == null) {
            return;
        }
        if (exc instanceof CancelledError ce && ce.deferFrame(where, true)) {
            return;
        }
        record(exc, where, true);
    }

    private static void record(Throwable exc, StackTraceElement where, boolean unlessPresent) {
        StackTraceElement[] trace = exc.getStackTrace();
        StackTraceElement[] grown = withFrame(trace, where, unlessPresent, false);
        if (grown != trace) {
            exc.setStackTrace(grown);
        }
    }

    /**
     * {@code trace} with the async frame {@code where} inserted just above the task's frames;
     * {@code trace} itself when stack traces are off (an empty trace, unless {@code intoEmpty}: a
     * delivered cancellation, whose trace is only its async frames), the trace is too long, or ({@code
     * unlessPresent}) the frame is there already. Shared by the eager and the deferred path
     * (CancelledError), so both give the same trace.
     */
    static StackTraceElement[] withFrame(
            StackTraceElement[] trace, StackTraceElement where, boolean unlessPresent, boolean intoEmpty) {
        if ((trace.length == 0 && !intoEmpty) || trace.length > MAX_TRACE) {
            return trace; // stack traces disabled for this exception, or bounded
        }
        int at = taskFrameIndex(trace);
        if (unlessPresent) {
            for (int i = 0; i < at; i++) {
                if (where.equals(trace[i])) {
                    return trace;
                }
            }
        }
        StackTraceElement[] grown = new StackTraceElement[trace.length + 1];
        System.arraycopy(trace, 0, grown, 0, at);
        grown[at] = where;
        System.arraycopy(trace, at, grown, at + 1, trace.length - at);
        return grown;
    }

    /** Traces longer than this get no more async frames (bounds the cost of long failure chains). */
    static final int MAX_TRACE = 4096;

    /** Index of the first frame of the task machinery (the step loop), or the length. */
    private static int taskFrameIndex(StackTraceElement[] trace) {
        for (int i = 0; i < trace.length; i++) {
            if (trace[i].getClassName().equals("io.jasyncio.Task")) {
                return i;
            }
        }
        return trace.length;
    }

    /** A frame of the runtime itself (await plumbing), hidden from task stacks. */
    static boolean isRuntimeFrame(StackTraceElement e) {
        String cls = e.getClassName();
        if (!cls.startsWith("io.jasyncio.")) {
            return cls.startsWith("java.") || cls.startsWith("jdk.");
        }
        int dollar = cls.indexOf('$');
        String outer = dollar < 0 ? cls : cls.substring(0, dollar);
        try {
            Class<?> c = Class.forName(outer, false, Task.class.getClassLoader());
            CodeSource cs = c.getProtectionDomain().getCodeSource();
            return Objects.equals(cs, RUNTIME);
        } catch (ClassNotFoundException | LinkageError | SecurityException e2) {
            return false;
        }
    }
}
