package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every example E1-E23 of SEED-EXAMPLES.md, written with hand-written coroutines ({@link Script})
 * so it does not depend on the rewriter, run under the virtual clock. Each line is asserted with
 * the virtual time at which it was printed ("1.00 hello" = printed 1 s after the start).
 */
class SeedExamplesScriptTest {
    private final VirtualRun vr = new VirtualRun();

    private Coroutine<Void> print(Object line) {
        vr.print(line);
        return null;
    }

    /** say_after(delay, what): sleeps, then prints. */
    private Coroutine<Void> sayAfter(double delay, String what) {
        return Script.of("sayAfter", s -> switch (s.pc) {
            case 0 -> s.await(1, AsyncIO.sleep(delay));
            default -> {
                s.value();
                vr.print(what);
                yield null;
            }
        });
    }

    @Test
    void e01HelloWorld() {
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                vr.print("hello");
                yield s.await(1, AsyncIO.sleep(1));
            }
            default -> {
                s.value();
                vr.print("world");
                yield null;
            }
        }));
        assertThat(vr.lines).containsExactly("0.00 hello", "1.00 world");
    }

    @Test
    void e02CallingACoroutineFunctionRunsNothing() {
        boolean[] ran = {false};
        Coroutine<Void> main = Script.of("main", s -> {
            ran[0] = true;
            return null;
        });
        assertThat(main.toString()).startsWith("<coroutine object main at ");
        assertThat(ran[0]).isFalse();
        assertThat(AsyncIO.isCoroutine(main)).isTrue();
    }

    /**
     * The main of E03 and E04: makes its awaitables, prints when it started, awaits them one after
     * the other, prints when it finished.
     */
    private void startedAwaitInTurnFinished(Supplier<List<Awaitable<?>>> start) {
        List<List<Awaitable<?>>> awaited = new ArrayList<>();
        vr.run(Script.of("main", s -> {
            if (s.pc == 0) {
                awaited.add(start.get());
                vr.print("started at " + vr.clock());
            } else {
                s.value();
            }
            List<Awaitable<?>> all = awaited.get(0);
            if (s.pc < all.size()) {
                return s.await(s.pc + 1, all.get(s.pc));
            }
            vr.print("finished at " + vr.clock());
            return null;
        }));
    }

    @Test
    void e03SequentialAwaitsTakeThreeSeconds() {
        startedAwaitInTurnFinished(() -> List.of(sayAfter(1, "hello"), sayAfter(2, "world")));
        assertThat(vr.lines)
                .containsExactly(
                        "0.00 started at " + vr.clockAt(0),
                        "1.00 hello",
                        "3.00 world",
                        "3.00 finished at " + vr.clockAt(3));
    }

    @Test
    void e04TasksRunConcurrentlyInTwoSeconds() {
        startedAwaitInTurnFinished(
                () -> List.of(AsyncIO.createTask(sayAfter(1, "hello")), AsyncIO.createTask(sayAfter(2, "world"))));
        assertThat(vr.lines)
                .containsExactly(
                        "0.00 started at " + vr.clockAt(0),
                        "1.00 hello",
                        "2.00 world",
                        "2.00 finished at " + vr.clockAt(2));
    }

    private Coroutine<Integer> nested() {
        return Script.of("nested", s -> {
            vr.print("something");
            return 42;
        });
    }

    @Test
    void e05BareCallDoesNothingAwaitRunsOnce() {
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                nested(); // a coroutine object, never awaited: nothing happens
                yield s.await(1, nested());
            }
            default -> {
                s.value();
                yield null;
            }
        }));
        assertThat(vr.lines).containsExactly("0.00 something");
    }

    @Test
    void e06TaskOfNested() {
        Object r = vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> s.await(1, AsyncIO.createTask(nested()));
            default -> s.value();
        }));
        assertThat(r).isEqualTo(42);
        assertThat(vr.lines).containsExactly("0.00 something");
    }

    @Test
    void e07GatherOfAFutureReturningCallAndACoroutine() {
        List<Object> r = vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                EventLoop loop = AsyncIO.getRunningLoop();
                Future<String> fromCallback = loop.createFuture();
                loop.callLater(2, () -> fromCallback.setResult("from callback"));
                Future<String> fromExecutor = loop.runInExecutor(Runnable::run, () -> "from executor");
                yield s.await(1, AsyncIO.gather(fromCallback, fromExecutor, VirtualRun.after(1, "from coroutine")));
            }
            default -> s.value();
        }));
        assertThat(r).containsExactly("from callback", "from executor", "from coroutine");
        assertThat(vr.elapsed()).isEqualTo(2.0);
    }

    @Test
    void e08CreateTaskWithoutARunningLoopFails() {
        Coroutine<Integer> coro = nested();
        assertThatThrownBy(() -> AsyncIO.createTask(coro)).hasMessageContaining("no running event loop");
    }

    @Test
    void e09TaskStartsBeforeTheLoopStops() {
        vr.run(Script.of("main", s -> {
            AsyncIO.createTask(Script.of("coro", c -> print("something is running")));
            vr.print(AsyncIO.getRunningLoop());
            return null;
        }));
        assertThat(vr.lines)
                .containsExactly("0.00 <EventLoop running=true closed=false debug=false>", "0.00 something is running");
    }

    @Test
    void e10DisplayDateEverySecondForFiveSeconds() {
        double[] end = new double[1];
        vr.run(Script.of("displayDate", s -> {
            EventLoop loop = AsyncIO.getRunningLoop();
            if (s.pc == 0) {
                end[0] = loop.time() + 5;
            } else {
                s.value();
            }
            vr.print(vr.clock());
            if (loop.time() + 1 >= end[0]) {
                return null;
            }
            return s.await(1, AsyncIO.sleep(1));
        }));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(i + ".00 " + vr.clockAt(i));
        }
        assertThat(vr.lines).isEqualTo(expected);
    }

    /** factorial(name, number): prints each step, sleeps 1 s per step, returns the factorial. */
    private Coroutine<Integer> factorial(String name, int number, boolean quiet) {
        int[] f = {1};
        int[] i = {2};
        return Script.of("factorial", s -> {
            if (s.pc == 1) {
                s.value();
                f[0] *= i[0];
                i[0]++;
            }
            if (i[0] <= number) {
                if (!quiet) {
                    vr.print("Task " + name + ": Compute factorial(" + i[0] + ")...");
                }
                return s.await(1, AsyncIO.sleep(1));
            }
            if (!quiet) {
                vr.print("Task " + name + ": factorial(" + number + ") = " + f[0]);
            }
            return quiet ? number : f[0];
        });
    }

    @Test
    void e11GatherFactorials() {
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 ->
                s.await(
                        1,
                        AsyncIO.gather(factorial("A", 2, false), factorial("B", 3, false), factorial("C", 4, false)));
            default -> s.value();
        }));
        assertThat(vr.lines)
                .containsExactly(
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

    @Test
    void e12GatherResultsInOrder() {
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 ->
                s.await(1, AsyncIO.gather(factorial("A", 2, true), factorial("B", 3, true), factorial("C", 4, true)));
            default -> print(s.value());
        }));
        assertThat(vr.lines).containsExactly("3.00 [2, 3, 4]");
    }

    /** division(divisor, dividend): sleeps {@code sleep ? divisor : 0} seconds, then divides and prints. */
    private Coroutine<Double> division(int divisor, int dividend, boolean sleep, boolean clockPrefix) {
        return Script.of("division", s -> {
            if (s.pc == 0 && sleep) {
                return s.await(1, AsyncIO.sleep(divisor));
            }
            if (s.pc == 1) {
                s.value();
            }
            if (divisor == 0) {
                throw new ArithmeticException("/ by zero");
            }
            double result = (double) dividend / divisor;
            vr.print((clockPrefix ? vr.clock() + ":" : "") + dividend + "/" + divisor + "=" + result);
            return result;
        });
    }

    @Test
    void e13FirstExceptionPropagatesOthersKeepRunning() {
        assertThatThrownBy(() -> vr.run(Script.of("main", s -> switch (s.pc) {
                    case 0 ->
                        s.await(
                                1,
                                AsyncIO.gather(
                                        division(0, 2, false, false),
                                        division(1, 2, false, false),
                                        division(2, 2, false, false)));
                    default -> print(s.value());
                })))
                .isInstanceOf(ArithmeticException.class)
                .hasMessage("/ by zero");
        assertThat(vr.lines).containsExactly("0.00 2/1=2.0", "0.00 2/2=1.0");
    }

    @Test
    void e14ReturnExceptionsInPlace() {
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 ->
                s.await(
                        1,
                        AsyncIO.gather(
                                true,
                                division(0, 2, false, false),
                                division(1, 2, false, false),
                                division(2, 2, false, false)));
            default -> print(s.value());
        }));
        assertThat(vr.lines)
                .containsExactly(
                        "0.00 2/1=2.0", "0.00 2/2=1.0", "0.00 [java.lang.ArithmeticException: / by zero, 2.0, 1.0]");
    }

    @Test
    void e15CancellingTheGatherCancelsUnfinishedChildren() {
        Object[] t = new Object[1];
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                t[0] = AsyncIO.gather(
                        true, division(0, 2, true, false), division(1, 5, true, false), division(3, 6, true, false));
                yield s.await(1, AsyncIO.sleep(2));
            }
            case 1 -> {
                s.value();
                ((Future<?>) t[0]).cancel();
                yield s.await(2, (Future<?>) t[0]);
            }
            default -> {
                try {
                    s.value();
                } catch (CancelledError e) {
                    vr.print("CancelledError");
                }
                yield null;
            }
        }));
        assertThat(vr.lines).containsExactly("1.00 5/1=5.0", "2.00 CancelledError");
    }

    @Test
    void e16CancellingAChildDoesNotCancelTheGather() {
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                Task<Double> task1 = AsyncIO.createTask(division(0, 2, true, false));
                Task<Double> task2 = AsyncIO.createTask(division(1, 5, true, false));
                Task<Double> task3 = AsyncIO.createTask(division(3, 6, true, false));
                Future<List<Object>> t = AsyncIO.gather(true, task1, task2, task3);
                task1.cancel();
                yield s.await(1, t);
            }
            default -> print(s.value());
        }));
        assertThat(vr.lines).containsExactly("1.00 5/1=5.0", "3.00 6/3=2.0", "3.00 [CancelledError(), 5.0, 2.0]");
    }

    @Test
    void e17ShieldedCoroutineKeepsRunning() {
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                vr.print("Start time:" + vr.clock());
                Future<Double> task1 = AsyncIO.shield(division(1, 2, true, true));
                Task<Double> task2 = AsyncIO.createTask(division(1, 5, true, true));
                Task<Double> task3 = AsyncIO.createTask(division(3, 6, true, true));
                Future<List<Object>> res = AsyncIO.gather(true, task1, task2, task3);
                task1.cancel();
                task2.cancel();
                yield s.await(1, res);
            }
            default -> print(s.value());
        }));
        assertThat(vr.lines)
                .containsExactly(
                        "0.00 Start time:" + vr.clockAt(0),
                        "1.00 " + vr.clockAt(1) + ":2/1=2.0",
                        "3.00 " + vr.clockAt(3) + ":6/3=2.0",
                        "3.00 [CancelledError(), CancelledError(), 2.0]");
    }

    @Test
    void e18WaitForTimesOut() {
        Coroutine<Void> eternity = Script.of("eternity", s -> switch (s.pc) {
            case 0 -> s.await(1, AsyncIO.sleep(3600));
            default -> {
                s.value();
                yield print("yay!");
            }
        });
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> s.await(1, AsyncIO.waitFor(eternity, 1.0));
            default -> {
                try {
                    s.value();
                } catch (TimeoutError e) {
                    vr.print("timeout!");
                }
                yield null;
            }
        }));
        assertThat(vr.lines).containsExactly("1.00 timeout!");
    }

    private Coroutine<Integer> foo() {
        return Script.of("foo", s -> 42);
    }

    @Test
    void e19WaitRejectsBareCoroutines() {
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> s.await(1, AsyncIO.waitTasks(List.of(foo())));
            default -> {
                try {
                    s.value();
                } catch (IllegalArgumentException e) {
                    vr.print(e.getMessage().substring(0, e.getMessage().indexOf(':')));
                }
                yield null;
            }
        }));
        assertThat(vr.lines).containsExactly("0.00 Passing coroutines is forbidden, use tasks explicitly");
    }

    @Test
    void e20WaitOnTasksYouHold() {
        Task<?>[] task = new Task<?>[1];
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                task[0] = AsyncIO.createTask(foo());
                yield s.await(1, AsyncIO.waitTasks(List.of(task[0])));
            }
            default -> {
                WaitResult<?> r = (WaitResult<?>) s.value();
                if (r.done().contains(task[0])) {
                    vr.print("Everything will work as expected now.");
                }
                yield null;
            }
        }));
        assertThat(vr.lines).containsExactly("0.00 Everything will work as expected now.");
    }

    @Test
    void e21AsCompletedInCompletionOrder() {
        List<Coroutine<Integer>> coros = new ArrayList<>();
        vr.run(Script.of("main", s -> {
            if (s.pc == 0) {
                vr.print("Start at: " + vr.clock());
                for (int i = 0; i < 10; i++) {
                    int delay = i;
                    coros.add(Script.of("eternity", e -> switch (e.pc) {
                        case 0 -> e.await(1, AsyncIO.sleep(delay));
                        default -> {
                            e.value();
                            vr.print("delay for " + delay + " seconds.");
                            yield delay;
                        }
                    }));
                }
                return s.await(1, drainAll(AsyncIO.asCompleted(coros)));
            }
            s.value();
            vr.print("End at: " + vr.clock());
            return null;
        }));
        List<String> expected = new ArrayList<>();
        expected.add("0.00 Start at: " + vr.clockAt(0));
        for (int i = 0; i < 10; i++) {
            expected.add(i + ".00 delay for " + i + " seconds.");
        }
        expected.add("9.00 End at: " + vr.clockAt(9));
        assertThat(vr.lines).isEqualTo(expected);
    }

    private Coroutine<Void> drainAll(Iterable<? extends Coroutine<?>> it) {
        var iterator = it.iterator();
        return Script.of("drain", s -> {
            if (s.pc == 1) {
                s.value();
            }
            return iterator.hasNext() ? s.await(1, iterator.next()) : null;
        });
    }

    @Test
    void e22RunCoroutineThreadsafe() throws Exception {
        EventLoop loop = vr.loop;
        Thread loopThread = new Thread(loop::runForever, "loop");
        loopThread.start();
        try {
            CompletableFuture<Integer> future = AsyncIO.runCoroutineThreadsafe(AsyncIO.sleep(1, 3), loop);
            assertThat(future.get(30, TimeUnit.SECONDS)).isEqualTo(3);

            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch cancelled = new CountDownLatch(1);
            CompletableFuture<Integer> stuck = AsyncIO.runCoroutineThreadsafe(
                    Script.of("stuck", s -> switch (s.pc) {
                        case 0 -> {
                            started.countDown();
                            yield s.await(1, AsyncIO.getRunningLoop().createFuture());
                        }
                        default -> {
                            try {
                                yield s.value();
                            } catch (CancelledError e) {
                                cancelled.countDown();
                                throw e;
                            }
                        }
                    }),
                    loop);
            // Cancelled before its task exists, the coroutine would never run (as in asyncio):
            // let it reach its await first, so the cancellation is delivered there.
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            List<String> out = new ArrayList<>();
            try {
                stuck.get(0, TimeUnit.SECONDS);
                out.add("The coroutine returned");
            } catch (TimeoutException e) {
                out.add("The coroutine took too long, cancelling the task...");
                stuck.cancel(true);
            }
            assertThat(out).containsExactly("The coroutine took too long, cancelling the task...");
            assertThat(stuck.isCancelled()).isTrue();
            assertThat(cancelled.await(30, TimeUnit.SECONDS))
                    .as("CancelledError thrown at the await")
                    .isTrue();

            CompletableFuture<Integer> failing =
                    AsyncIO.runCoroutineThreadsafe(VirtualRun.failAfter(1, new IllegalStateException("boom")), loop);
            assertThatThrownBy(() -> failing.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        } finally {
            loop.callSoonThreadsafe(loop::stop);
            loopThread.join(30_000);
        }
        assertThat(loopThread.isAlive()).isFalse();
    }

    @Test
    void e23CancelMe() {
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                Task<Void> task = AsyncIO.createTask(Script.of("cancelMe", c -> switch (c.pc) {
                    case 0 -> {
                        vr.print("cancel_me(): before sleep");
                        yield c.await(1, AsyncIO.sleep(3600));
                    }
                    default -> {
                        try {
                            c.value();
                        } catch (CancelledError e) {
                            vr.print("cancel_me(): cancel sleep");
                            throw e;
                        } finally {
                            vr.print("cancel_me(): after sleep");
                        }
                        yield null;
                    }
                }));
                yield s.await(1, Script.of("rest", r -> switch (r.pc) {
                    case 0 -> r.await(1, AsyncIO.sleep(1));
                    case 1 -> {
                        r.value();
                        task.cancel();
                        yield r.await(2, task);
                    }
                    default -> {
                        try {
                            r.value();
                        } catch (CancelledError e) {
                            vr.print("main(): cancel_me is cancelled now");
                        }
                        yield null;
                    }
                }));
            }
            default -> s.value();
        }));
        assertThat(vr.lines)
                .containsExactly(
                        "0.00 cancel_me(): before sleep",
                        "1.00 cancel_me(): cancel sleep",
                        "1.00 cancel_me(): after sleep",
                        "1.00 main(): cancel_me is cancelled now");
    }
}
