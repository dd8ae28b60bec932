package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Task.getStack / printStack and async stack traces. asyncio's get_stack returns only the task's
 * own coroutine frame for a suspended task; the seed asks for one frame per awaiting coroutine,
 * which is what these pin (limit semantics as asyncio: newest frames of a suspended stack, oldest
 * of a traceback).
 */
class TaskStackTest {
    private final VirtualRun vr = new VirtualRun();

    /** outer awaits middle awaits inner awaits sleep(10): pcs 1, 1, 1 are the resume points. */
    private Coroutine<Object> threeDeep(String failWith) {
        Coroutine<Object> inner = Script.of("inner", s -> switch (s.pc) {
            case 0 -> s.await(7, AsyncIO.sleep(10));
            default -> {
                s.value();
                if (failWith != null) {
                    throw new IllegalStateException(failWith); // created here, after the resume
                }
                yield "done";
            }
        });
        Coroutine<Object> middle = Script.of("middle", s -> switch (s.pc) {
            case 0 -> s.await(5, inner);
            default -> s.value();
        });
        return Script.of("outer", s -> switch (s.pc) {
            case 0 -> s.await(3, middle);
            default -> s.value();
        });
    }

    private static List<String> names(List<StackTraceElement> frames) {
        return frames.stream()
                .map(e -> e.getMethodName() + ":" + e.getLineNumber())
                .collect(Collectors.toList());
    }

    @Test
    void suspendedThreeCoroutinesDeepOneFramePerLevelOldestFirst() {
        Object[] seen = new Object[4];
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                Task<Object> t = AsyncIO.createTask(threeDeep(null));
                seen[0] = t;
                seen[1] = names(t.getStack()); // not started yet: only its coroutine
                yield s.await(1, AsyncIO.sleep(1));
            }
            case 1 -> {
                s.value();
                Task<?> t = (Task<?>) seen[0];
                seen[2] = names(t.getStack());
                seen[3] = names(t.getStack(2));
                yield s.await(2, t);
            }
            default -> s.value();
        }));
        assertThat(seen[1]).isEqualTo(List.of("outer:0"));
        // the runtime's own sleep is not a user frame
        assertThat(seen[2]).isEqualTo(List.of("outer:3", "middle:5", "inner:7"));
        // asyncio counts the limit from the task's coroutine: get_stack(limit=1) is that coroutine
        assertThat(seen[3]).isEqualTo(List.of("outer:3", "middle:5"));
        Task<?> t = (Task<?>) seen[0];
        assertThat(t.getStack()).as("finished task").isEmpty();
    }

    @Test
    void printStackNewestFirst() {
        String[] printed = new String[1];
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                Task<Object> t = AsyncIO.createTask(threeDeep(null), "deep");
                seenTask = t;
                yield s.await(1, AsyncIO.sleep(1));
            }
            case 1 -> {
                s.value();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                seenTask.printStack(10, new PrintStream(bytes, true, StandardCharsets.UTF_8));
                printed[0] = bytes.toString(StandardCharsets.UTF_8);
                seenTask.cancel();
                yield s.await(2, AsyncIO.sleep(0));
            }
            default -> s.value();
        }));
        String[] lines = printed[0].split("\n");
        assertThat(lines[0]).startsWith("Stack for <Task pending name='deep'").endsWith("(most recent call first):");
        assertThat(Arrays.copyOfRange(lines, 1, lines.length))
                .containsExactly(
                        "\tat Script.inner(Unknown Source)",
                        "\tat Script.middle(Unknown Source)",
                        "\tat Script.outer(Unknown Source)");
    }

    @Test
    void failedTaskHasItsTracebackAndAsyncFrames() {
        Task<?>[] t = new Task<?>[1];
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                t[0] = AsyncIO.createTask(threeDeep("deep failure"));
                yield s.await(1, AsyncIO.waitTasks(List.of(t[0])));
            }
            default -> s.value();
        }));
        // the failure was thrown after inner resumed from its sleep: middle and outer were not on
        // the Java stack any more, yet the trace names them, innermost first
        Throwable boom = t[0].exception();
        List<String> trace = Arrays.stream(boom.getStackTrace())
                .map(e -> e.getClassName() + "." + e.getMethodName())
                .collect(Collectors.toList());
        int middle = trace.indexOf("Script.middle");
        int outer = trace.indexOf("Script.outer");
        assertThat(middle).isGreaterThanOrEqualTo(0);
        assertThat(outer).isEqualTo(middle + 1);
        assertThat(trace.indexOf("io.jasyncio.Task.drive")).isGreaterThan(outer);
        // getStack of a failed task: the traceback, oldest first, coroutine frames only
        List<String> stack = names(t[0].getStack());
        assertThat(stack.subList(0, 2)).containsExactly("outer:3", "middle:5");
        assertThat(stack).noneMatch(n -> n.startsWith("drive") || n.startsWith("step") || n.startsWith("runOnce"));
        assertThat(names(t[0].getStack(1))).containsExactly("outer:3");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        t[0].printStack(10, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines[0]).startsWith("Traceback for <Task finished").endsWith("(most recent call first):");
        assertThat(lines[1]).isEqualTo("java.lang.IllegalStateException: deep failure");
        assertThat(lines[lines.length - 1]).isEqualTo("\tat Script.outer(Unknown Source)");
    }

    @Test
    void asyncFramesCrossTaskBoundaries() {
        // A coroutine awaiting a task that failed re-raises the same exception: the awaiting
        // coroutine (in the other task) is recorded too.
        Throwable boom = vr.failure(() -> Script.of("awaitsChild", a -> switch (a.pc) {
            case 0 -> a.await(4, AsyncIO.createTask(threeDeep("in child task")));
            default -> a.value();
        }));
        assertThat(boom).isInstanceOf(IllegalStateException.class);
        List<String> trace = Arrays.stream(boom.getStackTrace())
                .map(e -> e.getClassName() + "." + e.getMethodName())
                .collect(Collectors.toList());
        assertThat(trace).contains("Script.middle", "Script.outer", "Script.awaitsChild");
        assertThat(trace.indexOf("Script.awaitsChild")).isGreaterThan(trace.indexOf("Script.outer"));
    }

    @Test
    void cancelledTaskHasNoStack() {
        Task<?>[] t = new Task<?>[1];
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                t[0] = AsyncIO.createTask(threeDeep(null));
                yield s.await(1, AsyncIO.sleep(1));
            }
            case 1 -> {
                s.value();
                t[0].cancel();
                yield s.await(2, AsyncIO.waitTasks(List.of(t[0])));
            }
            default -> s.value();
        }));
        assertThat(t[0].cancelled()).isTrue();
        assertThat(t[0].getStack()).isEmpty();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        t[0].printStack(5, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("No stack for <Task cancelled");
    }

    @Test
    void deliveredCancellationShowsItsAsyncFramesWhenLookedAt() {
        // The runtime records a delivered cancellation's async frames lazily (docs/RUNTIME.md):
        // printing it or asking for its trace shows every coroutine it went through, innermost
        // first, as an eagerly recorded failure would.
        Throwable caught = vr.failure(() -> {
            Task<Object> t = AsyncIO.createTask(threeDeep(null));
            AsyncIO.createTask(Script.of("canceller", c -> switch (c.pc) {
                case 0 -> c.await(1, AsyncIO.sleep(1));
                default -> {
                    c.value();
                    t.cancel("stop");
                    yield null;
                }
            }));
            return Script.of("waiter", w -> w.pc == 0 ? w.await(9, t) : w.value());
        });
        assertThat(caught).isInstanceOf(CancelledError.class);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        caught.printStackTrace(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).startsWith("CancelledError('stop')");
        assertThat(printed.indexOf("Script.inner")).isPositive().isLessThan(printed.indexOf("Script.middle"));
        List<String> trace = Arrays.stream(caught.getStackTrace())
                .map(e -> e.getClassName() + "." + e.getMethodName())
                .collect(Collectors.toList());
        int inner = trace.indexOf("Script.inner");
        assertThat(inner).isGreaterThanOrEqualTo(0);
        assertThat(trace.subList(inner, inner + 4))
                .containsExactly("Script.inner", "Script.middle", "Script.outer", "Script.waiter");
        // no Java frames: they would only point into the loop that delivered it (as asyncio shows none)
        assertThat(trace).noneMatch(n -> n.startsWith("io.jasyncio.Task.") || n.startsWith("io.jasyncio.EventLoop."));
    }

    @Test
    void awaitingAnAlreadyFailedTaskRecordsTheInlineChain() {
        // The failure was raised in another task earlier; awaiting it now (no suspension) from a
        // chain of inline coroutines records each of them, innermost first, above the frames of
        // the task where it was raised.
        Throwable[] caught = new Throwable[1];
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                Task<Object> failed = AsyncIO.createTask(threeDeep("early"));
                yield s.await(1, AsyncIO.waitTasks(List.of(failed)));
            }
            case 1 -> {
                WaitResult<?> r = (WaitResult<?>) s.value();
                Future<?> failed = r.done().iterator().next();
                Coroutine<Object> b = Script.of("b", x -> x.pc == 0 ? x.await(1, failed) : x.value());
                Coroutine<Object> a = Script.of("a", x -> x.pc == 0 ? x.await(1, b) : x.value());
                yield s.await(2, a);
            }
            default -> {
                try {
                    s.value();
                } catch (IllegalStateException e) {
                    caught[0] = e;
                }
                yield null;
            }
        }));
        List<String> trace = Arrays.stream(caught[0].getStackTrace())
                .map(e -> e.getClassName() + "." + e.getMethodName())
                .collect(Collectors.toList());
        int outer = trace.indexOf("Script.outer");
        assertThat(outer).isGreaterThan(0);
        assertThat(trace.subList(outer, outer + 3)).containsExactly("Script.outer", "Script.b", "Script.a");
    }

    private Task<Object> seenTask;
}
