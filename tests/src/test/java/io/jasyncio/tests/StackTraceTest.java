package io.jasyncio.tests;

import static io.jasyncio.AsyncIO.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Task stacks and async stack traces of rewritten coroutines: one element per awaiting
 * coroutine with its method name and the line of its suspended await (the seed's Task.get_stack;
 * asyncio itself only returns the outermost frame of a suspended task).
 */
class StackTraceTest {
    private final int[] lines = new int[3];

    /** The source line after the caller's: called on the line before an await, it names the await's line. */
    private static int nextLine() {
        return StackWalker.getInstance()
                        .walk(s -> s.skip(1).findFirst().orElseThrow())
                        .getLineNumber()
                + 1;
    }

    @Async
    Coroutine<String> outer(boolean fail) {
        lines[0] = nextLine();
        String r = await(middle(fail));
        return done(r);
    }

    @Async
    Coroutine<String> middle(boolean fail) {
        lines[1] = nextLine();
        String r = await(inner(fail));
        return done(r);
    }

    @Async
    Coroutine<String> inner(boolean fail) {
        lines[2] = nextLine();
        await(sleep(10));
        if (fail) {
            throw new IllegalStateException("deep failure");
        }
        return done("ok");
    }

    private static List<String> describe(List<StackTraceElement> frames) {
        return frames.stream()
                .map(e -> e.getMethodName() + ":" + e.getLineNumber())
                .collect(Collectors.toList());
    }

    @Async
    Coroutine<List<String>> stackOfSuspendedTask() {
        Task<String> t = createTask(outer(false));
        await(sleep(1));
        List<String> stack = describe(t.getStack());
        t.cancel();
        return done(stack);
    }

    @Test
    void suspendedThreeCoroutinesDeep() {
        List<String> stack = run(stackOfSuspendedTask(), EventLoop::withVirtualTime);
        // outer, middle, inner at their awaits; the runtime's own sleep is not a user frame
        assertThat(stack).containsExactly("outer:" + lines[0], "middle:" + lines[1], "inner:" + lines[2]);
    }

    @Async
    Coroutine<Throwable> failure() {
        Task<String> t = createTask(outer(true));
        await(waitTasks(List.of(t)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        t.printStack(10, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        printed = bytes.toString(StandardCharsets.UTF_8);
        failedStack = describe(t.getStack());
        return done(t.exception());
    }

    private String printed;
    private List<String> failedStack;

    @Test
    void failureAfterASuspensionCarriesEveryAwaitingCoroutine() {
        Throwable e = run(failure(), EventLoop::withVirtualTime);
        List<String> trace = Arrays.stream(e.getStackTrace())
                .filter(f -> f.getClassName().equals(StackTraceTest.class.getName()))
                .map(f -> f.getMethodName() + ":" + f.getLineNumber())
                .collect(Collectors.toList());
        // innermost first, as Java prints traces: inner threw; middle and outer were recorded at
        // the lines of their awaits although they were no longer on the Java stack
        assertThat(trace).containsSubsequence("inner:" + (lines[2] + 2), "middle:" + lines[1], "outer:" + lines[0]);
        assertThat(failedStack)
                .containsSubsequence("outer:" + lines[0], "middle:" + lines[1], "inner:" + (lines[2] + 2));
        assertThat(printed)
                .startsWith("Traceback for <Task finished")
                .contains("java.lang.IllegalStateException: deep failure\n\tat ");
    }

    private final int[] late = new int[2];

    @Async
    Coroutine<String> awaitsFailed(Task<String> t) {
        late[0] = nextLine();
        String r = await(t);
        return done(r);
    }

    @Async
    Coroutine<String> wrapper(Task<String> t) {
        late[1] = nextLine();
        String r = await(awaitsFailed(t));
        return done(r);
    }

    @Async
    Coroutine<Throwable> awaitAFailedTaskLater() {
        Task<String> t = createTask(outer(true));
        await(waitTasks(List.of(t)));
        try {
            await(wrapper(t));
            return done(null);
        } catch (IllegalStateException e) {
            return done(e);
        }
    }

    @Test
    void awaitingAnAlreadyFailedTaskRecordsTheAwaitersAtTheirLines() {
        Throwable e = run(awaitAFailedTaskLater(), EventLoop::withVirtualTime);
        List<String> trace = Arrays.stream(e.getStackTrace())
                .filter(f -> f.getClassName().equals(StackTraceTest.class.getName()))
                .map(f -> f.getMethodName() + ":" + f.getLineNumber())
                .collect(Collectors.toList());
        assertThat(trace)
                .containsSubsequence(
                        "inner:" + (lines[2] + 2),
                        "middle:" + lines[1],
                        "outer:" + lines[0],
                        "awaitsFailed:" + late[0],
                        "wrapper:" + late[1]);
    }

    private final int[] self = new int[3];

    @Async
    Coroutine<List<String>> selfInner() {
        self[2] = nextLine();
        List<String> stack = describe(currentTask().getStack());
        return done(stack);
    }

    @Async
    Coroutine<List<String>> selfMiddle() {
        await(sleep(1)); // resumed later by the task, straight into this frame
        self[1] = nextLine();
        List<String> stack = await(selfInner());
        return done(stack);
    }

    @Async
    Coroutine<List<String>> selfOuter() {
        self[0] = nextLine();
        List<String> stack = await(selfMiddle());
        return done(stack);
    }

    @Test
    void aRunningTaskSeesItsOwnStack() {
        // asyncio: current_task().get_stack() shows the running frames; here the frames running on
        // the Java stack and, above them, the suspended coroutine that awaits them.
        List<String> stack = run(selfOuter(), EventLoop::withVirtualTime);
        assertThat(stack).containsExactly("selfOuter:" + self[0], "selfMiddle:" + self[1], "selfInner:" + self[2]);
    }
}
