package io.jasyncio.tests;

import static io.jasyncio.AsyncIO.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Async;
import io.jasyncio.CancelledError;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.TimeoutError;
import io.jasyncio.WaitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Every example E1-E23 of SEED-EXAMPLES.md, written as a user writes it (@Async methods,
 * rewritten by the Maven plugin), run under the virtual clock. Each printed line is asserted with
 * the virtual time at which it appeared ("1.00 world" = one second after the start).
 */
class SeedExamplesTest {
    private final SeedRun out = new SeedRun();

    // E1
    @Async
    Coroutine<Void> helloWorld() {
        out.println("hello");
        await(sleep(1));
        out.println("world");
        return done();
    }

    @Test
    void e01HelloWorld() {
        out.run(helloWorld());
        assertThat(out.lines).containsExactly("0.00 hello", "1.00 world");
    }

    // E2
    @Test
    void e02CallingAnAsyncMethodRunsNothing() {
        Coroutine<Void> coro = helloWorld();
        assertThat(coro.toString()).startsWith("<coroutine object helloWorld at ");
        assertThat(out.lines).isEmpty();
        assertThat(isCoroutine(coro)).isTrue();
    }

    // E3, E4
    @Async
    Coroutine<Void> sayAfter(double delay, String what) {
        await(sleep(delay));
        out.println(what);
        return done();
    }

    @Async
    Coroutine<Void> sequential() {
        out.println("started at " + out.clock());
        await(sayAfter(1, "hello"));
        await(sayAfter(2, "world"));
        out.println("finished at " + out.clock());
        return done();
    }

    @Test
    void e03SequentialTakesThreeSeconds() {
        out.run(sequential());
        assertThat(out.lines).containsExactly("0.00 started at " + out.clockAt(0), "1.00 hello", "3.00 world",
                "3.00 finished at " + out.clockAt(3));
    }

    @Async
    Coroutine<Void> concurrent() {
        Task<Void> task1 = createTask(sayAfter(1, "hello"));
        Task<Void> task2 = createTask(sayAfter(2, "world"));
        out.println("started at " + out.clock());
        await(task1);
        await(task2);
        out.println("finished at " + out.clock());
        return done();
    }

    @Test
    void e04TasksTakeTwoSeconds() {
        out.run(concurrent());
        assertThat(out.lines).containsExactly("0.00 started at " + out.clockAt(0), "1.00 hello", "2.00 world",
                "2.00 finished at " + out.clockAt(2));
    }

    // E5, E6
    @Async
    Coroutine<Integer> nested() {
        out.println("something");
        return done(42);
    }

    @Async
    Coroutine<Void> bareCallThenAwait() {
        nested(); // a coroutine object nobody awaits: nothing happens
        await(nested());
        return done();
    }

    @Test
    void e05OnlyTheAwaitedCallRuns() {
        out.run(bareCallThenAwait());
        assertThat(out.lines).containsExactly("0.00 something");
    }

    @Async
    Coroutine<Integer> taskOfNested() {
        Task<Integer> task = createTask(nested());
        return done(await(task));
    }

    @Test
    void e06AwaitATask() {
        assertThat(out.run(taskOfNested())).isEqualTo(42);
        assertThat(out.lines).containsExactly("0.00 something");
    }

    // E7
    Future<String> futureReturningCall() {
        EventLoop loop = getRunningLoop();
        Future<String> f = loop.createFuture();
        loop.callLater(2, () -> f.setResult("from a callback"));
        return f;
    }

    @Async
    Coroutine<String> someCoroutine() {
        await(sleep(1));
        return done("from a coroutine");
    }

    @Async
    Coroutine<List<Object>> futures() {
        Future<String> executor = getRunningLoop().runInExecutor(Runnable::run, () -> "from an executor");
        return done(await(gather(futureReturningCall(), someCoroutine(), executor)));
    }

    @Test
    void e07FuturesAndCoroutinesTogether() {
        assertThat(out.run(futures())).containsExactly("from a callback", "from a coroutine", "from an executor");
        assertThat(out.elapsed()).isEqualTo(2.0);
    }

    // E8
    @Async
    Coroutine<Void> coro1() {
        out.println("never");
        return done();
    }

    @Test
    void e08CreateTaskNeedsARunningLoop() {
        assertThatThrownBy(() -> createTask(coro1())).hasMessageContaining("no running event loop");
    }

    // E9
    @Async
    Coroutine<Void> somethingRunning() {
        out.println("something is running");
        return done();
    }

    @Async
    Coroutine<Void> printLoop() {
        createTask(somethingRunning());
        out.println(getRunningLoop());
        return done();
    }

    @Test
    void e09TheTaskRunsBeforeTheLoopStops() {
        out.run(printLoop());
        assertThat(out.lines).containsExactly("0.00 <EventLoop running=true closed=false debug=false>",
                "0.00 something is running");
    }

    // E10
    @Async
    Coroutine<Void> displayDate() {
        EventLoop loop = getRunningLoop();
        double endTime = loop.time() + 5.0;
        while (true) {
            out.println(out.clock());
            if (loop.time() + 1.0 >= endTime) {
                break;
            }
            await(sleep(1));
        }
        return done();
    }

    @Test
    void e10DisplayDateFiveTimes() {
        out.run(displayDate());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(i + ".00 " + out.clockAt(i));
        }
        assertThat(out.lines).isEqualTo(expected);
    }

    // E11, E12
    @Async
    Coroutine<Integer> factorial(String name, int number) {
        int f = 1;
        for (int i = 2; i <= number; i++) {
            out.println("Task " + name + ": Compute factorial(" + i + ")...");
            await(sleep(1));
            f *= i;
        }
        out.println("Task " + name + ": factorial(" + number + ") = " + f);
        return done(f);
    }

    @Async
    Coroutine<Void> gatherFactorials() {
        await(gather(factorial("A", 2), factorial("B", 3), factorial("C", 4)));
        return done();
    }

    @Test
    void e11GatherRunsConcurrently() {
        out.run(gatherFactorials());
        assertThat(out.lines).containsExactly(
                "0.00 Task A: Compute factorial(2)...",
                "0.00 Task B: Compute factorial(2)...",
                "0.00 Task C: Compute factorial(2)...",
                "1.00 Task A: factorial(2) = 2",
                "1.00 Task B: Compute factorial(3)...",
                "1.00 Task C: Compute factorial(3)...",
                "2.00 Task B: factorial(3) = 6",
                "2.00 Task C: Compute factorial(4)...",
                "3.00 Task C: factorial(4) = 24");
    }

    @Async
    Coroutine<Integer> quietFactorial(String name, int number) {
        for (int i = 2; i <= number; i++) {
            await(sleep(1));
        }
        return done(number);
    }

    @Async
    Coroutine<Void> gatherResults() {
        List<Integer> results = await(gather(List.of(quietFactorial("A", 2), quietFactorial("B", 3),
                quietFactorial("C", 4))));
        out.println(results);
        return done();
    }

    @Test
    void e12GatherResultsInArgumentOrder() {
        out.run(gatherResults());
        assertThat(out.lines).containsExactly("3.00 [2, 3, 4]");
    }

    // E13-E17
    @Async
    Coroutine<Double> division(int divisor, int dividend) {
        if (divisor == 0) {
            throw new ArithmeticException("/ by zero");
        }
        double result = (double) dividend / divisor;
        out.println(dividend + "/" + divisor + "=" + result);
        return done(result);
    }

    @Async
    Coroutine<Double> slowDivision(int divisor, int dividend, boolean clock) {
        await(sleep(divisor));
        if (divisor == 0) {
            throw new ArithmeticException("/ by zero");
        }
        double result = (double) dividend / divisor;
        out.println((clock ? out.clock() + ":" : "") + dividend + "/" + divisor + "=" + result);
        return done(result);
    }

    @Async
    Coroutine<Void> firstExceptionPropagates() {
        out.println(await(gather(division(0, 2), division(1, 2), division(2, 2))));
        return done();
    }

    @Test
    void e13TheFirstExceptionPropagatesOthersKeepRunning() {
        assertThatThrownBy(() -> out.run(firstExceptionPropagates())).isInstanceOf(ArithmeticException.class);
        assertThat(out.lines).containsExactly("0.00 2/1=2.0", "0.00 2/2=1.0");
    }

    @Async
    Coroutine<Void> returnExceptions() {
        out.println(await(gather(true, division(0, 2), division(1, 2), division(2, 2))));
        return done();
    }

    @Test
    void e14ExceptionsReturnedInPlace() {
        out.run(returnExceptions());
        assertThat(out.lines).containsExactly("0.00 2/1=2.0", "0.00 2/2=1.0",
                "0.00 [java.lang.ArithmeticException: / by zero, 2.0, 1.0]");
    }

    @Async
    Coroutine<Void> cancelTheGather() {
        Future<List<Object>> t = gather(true, slowDivision(0, 2, false), slowDivision(1, 5, false),
                slowDivision(3, 6, false));
        await(sleep(2));
        t.cancel();
        try {
            await(t);
        } catch (CancelledError e) {
            out.println("CancelledError");
        }
        return done();
    }

    @Test
    void e15CancellingTheGatherCancelsWhatIsLeft() {
        out.run(cancelTheGather());
        assertThat(out.lines).containsExactly("1.00 5/1=5.0", "2.00 CancelledError");
    }

    @Async
    Coroutine<Void> cancelAChild() {
        Task<Double> task1 = createTask(slowDivision(0, 2, false));
        Task<Double> task2 = createTask(slowDivision(1, 5, false));
        Task<Double> task3 = createTask(slowDivision(3, 6, false));
        Future<List<Object>> t = gather(true, task1, task2, task3);
        task1.cancel();
        out.println(await(t));
        return done();
    }

    @Test
    void e16CancellingAChildDoesNotCancelTheGather() {
        out.run(cancelAChild());
        assertThat(out.lines).containsExactly("1.00 5/1=5.0", "3.00 6/3=2.0", "3.00 [CancelledError(), 5.0, 2.0]");
    }

    @Async
    Coroutine<Void> shielded() {
        out.println("Start time:" + out.clock());
        Future<Double> task1 = shield(slowDivision(1, 2, true));
        Task<Double> task2 = createTask(slowDivision(1, 5, true));
        Task<Double> task3 = createTask(slowDivision(3, 6, true));
        Future<List<Object>> res = gather(true, task1, task2, task3);
        task1.cancel();
        task2.cancel();
        out.println(await(res));
        return done();
    }

    @Test
    void e17TheShieldedDivisionStillRuns() {
        out.run(shielded());
        assertThat(out.lines).containsExactly("0.00 Start time:" + out.clockAt(0),
                "1.00 " + out.clockAt(1) + ":2/1=2.0", "3.00 " + out.clockAt(3) + ":6/3=2.0",
                "3.00 [CancelledError(), CancelledError(), 2.0]");
    }

    // E18
    @Async
    Coroutine<Void> eternity() {
        await(sleep(3600));
        out.println("yay!");
        return done();
    }

    @Async
    Coroutine<Void> timeoutMain() {
        try {
            await(waitFor(eternity(), 1.0));
        } catch (TimeoutError e) {
            out.println("timeout!");
        }
        return done();
    }

    @Test
    void e18WaitForTimesOutAfterOneSecond() {
        out.run(timeoutMain());
        assertThat(out.lines).containsExactly("1.00 timeout!");
    }

    // E19, E20
    @Async
    Coroutine<Integer> foo() {
        return done(42);
    }

    @Async
    Coroutine<Void> waitOnACoroutine() {
        Coroutine<Integer> coro = foo();
        try {
            WaitResult<Integer> r = await(waitTasks(List.of(coro)));
            out.println("done: " + r.done().size());
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage().substring(0, e.getMessage().indexOf(':')));
        }
        return done();
    }

    @Test
    void e19WaitRejectsBareCoroutines() {
        out.run(waitOnACoroutine());
        assertThat(out.lines).containsExactly("0.00 Passing coroutines is forbidden, use tasks explicitly");
    }

    @Async
    Coroutine<Void> waitOnATask() {
        Task<Integer> task = createTask(foo());
        WaitResult<Integer> r = await(waitTasks(List.of(task)));
        if (r.done().contains(task)) {
            out.println("Everything will work as expected now.");
        }
        return done();
    }

    @Test
    void e20WaitOnTheTaskYouHold() {
        out.run(waitOnATask());
        assertThat(out.lines).containsExactly("0.00 Everything will work as expected now.");
    }

    // E21
    @Async
    Coroutine<Integer> eternity(int delay) {
        await(sleep(delay));
        out.println("delay for " + delay + " seconds.");
        return done(delay);
    }

    @Async
    Coroutine<Void> completionOrder() {
        out.println("Start at: " + out.clock());
        List<Coroutine<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tasks.add(eternity(i));
        }
        for (Coroutine<Integer> next : asCompleted(tasks)) {
            await(next);
        }
        out.println("End at: " + out.clock());
        return done();
    }

    @Test
    void e21AsCompletedInCompletionOrder() {
        out.run(completionOrder());
        List<String> expected = new ArrayList<>();
        expected.add("0.00 Start at: " + out.clockAt(0));
        for (int i = 0; i < 10; i++) {
            expected.add(i + ".00 delay for " + i + " seconds.");
        }
        expected.add("9.00 End at: " + out.clockAt(9));
        assertThat(out.lines).isEqualTo(expected);
    }

    // E22
    @Async
    Coroutine<Integer> stuck() {
        Future<Integer> never = getRunningLoop().createFuture();
        return done(await(never));
    }

    @Test
    void e22RunCoroutineThreadsafe() throws Exception {
        EventLoop loop = out.loop;
        Thread loopThread = new Thread(loop::runForever, "loop");
        loopThread.start();
        List<String> printed = new ArrayList<>();
        try {
            CompletableFuture<Integer> future = runCoroutineThreadsafe(sleep(1, 3), loop);
            printed.add("The coroutine returned: " + future.get(30, TimeUnit.SECONDS));
            CompletableFuture<Integer> slow = runCoroutineThreadsafe(stuck(), loop);
            try {
                slow.get(0, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                printed.add("The coroutine took too long, cancelling the task...");
                slow.cancel(true);
            }
        } finally {
            loop.callSoonThreadsafe(loop::stop);
            loopThread.join(30_000);
        }
        assertThat(printed).containsExactly("The coroutine returned: 3",
                "The coroutine took too long, cancelling the task...");
        assertThat(loopThread.isAlive()).isFalse();
    }

    // E23
    @Async
    Coroutine<Void> cancelMe() {
        out.println("cancel_me(): before sleep");
        try {
            await(sleep(3600));
        } catch (CancelledError e) {
            out.println("cancel_me(): cancel sleep");
            throw e;
        } finally {
            out.println("cancel_me(): after sleep");
        }
        return done();
    }

    @Async
    Coroutine<Void> cancelMain() {
        Task<Void> task = createTask(cancelMe());
        await(sleep(1));
        task.cancel();
        try {
            await(task);
        } catch (CancelledError e) {
            out.println("main(): cancel_me is cancelled now");
        }
        return done();
    }

    @Test
    void e23CancelMe() {
        out.run(cancelMain());
        assertThat(out.lines).containsExactly("0.00 cancel_me(): before sleep", "1.00 cancel_me(): cancel sleep",
                "1.00 cancel_me(): after sleep", "1.00 main(): cancel_me is cancelled now");
    }
}
