package io.jasyncio;

import static io.jasyncio.VirtualRun.after;
import static io.jasyncio.VirtualRun.cancelAfter;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * waitFor: pins CPython 3.12+ asyncio.wait_for, which is {@code async with timeout(t): return
 * await fut} (the coroutine runs inline in the caller's task) plus the special case for
 * {@code timeout <= 0}. Python 3.11's older wait_for (a new task per call) differs in timing
 * details; these tests follow 3.12+.
 */
class WaitForTest {
    private final VirtualRun vr = new VirtualRun();

    /** Awaits waitFor(aw, timeout) in a main coroutine; returns "value@t" or "Error@t". */
    private String outcome(Awaitable<?> aw, double timeout) {
        return vr.outcome(AsyncIO.waitFor(aw, timeout));
    }

    @Test
    void timeoutCancelsTheCoroutineAndRaisesTimeoutError() {
        // asyncio (E18): wait_for(eternity(), 1.0) raises TimeoutError after 1 s; the inner sees
        // CancelledError at its await.
        List<String> log = new ArrayList<>();
        Coroutine<Void> eternity = Script.of("eternity", s -> switch (s.pc) {
            case 0 -> s.await(1, AsyncIO.sleep(3600));
            default -> {
                try {
                    s.value();
                } catch (CancelledError e) {
                    log.add("inner cancelled at " + vr.elapsed());
                    throw e;
                }
                log.add("yay!");
                yield null;
            }
        });
        assertThat(outcome(eternity, 1.0)).isEqualTo("TimeoutError@1.0");
        assertThat(log).containsExactly("inner cancelled at 1.0");
    }

    @Test
    void aCoroutineRunsInlineInTheCallersTask() {
        // asyncio 3.12+: no new task is created for a coroutine.
        Task<?>[] tasks = new Task<?>[2];
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                tasks[0] = AsyncIO.currentTask();
                yield s.await(
                        1,
                        AsyncIO.waitFor(
                                Script.of("inner", i -> {
                                    tasks[1] = AsyncIO.currentTask();
                                    return 1;
                                }),
                                5));
            }
            default -> s.value();
        }));
        assertThat(tasks[1]).isSameAs(tasks[0]);
    }

    @Test
    void resultWithinTheTimeoutIsReturned() {
        assertThat(outcome(after(1, "r"), 2)).isEqualTo("r@1.0");
    }

    @Test
    void timeoutZeroReturnsTheResultOfADoneFuture() {
        // asyncio: timeout <= 0 and fut.done() -> fut.result(), no TimeoutError.
        Future<Integer> f = vr.future();
        f.setResult(5);
        assertThat(outcome(f, 0)).isEqualTo("5@0.0");
    }

    @Test
    void timeoutZeroRethrowsTheFailureOfADoneFuture() {
        Future<Integer> f = vr.future();
        f.setException(new IllegalStateException("failed"));
        assertThat(outcome(f, 0)).isEqualTo("IllegalStateException@0.0");
    }

    @Test
    void timeoutZeroOrNegativeNeverStartsACoroutine() {
        // asyncio: wait_for(func(), 0) raises TimeoutError and func's body never ran.
        for (double timeout : new double[] {0, -1}) {
            VirtualRun run = new VirtualRun();
            boolean[] started = {false};
            String[] out = new String[1];
            run.run(Script.of("main", s -> switch (s.pc) {
                case 0 ->
                    s.await(
                            1,
                            AsyncIO.waitFor(
                                    Script.of("func", f -> {
                                        started[0] = true;
                                        return 1;
                                    }),
                                    timeout));
                default -> {
                    try {
                        out[0] = String.valueOf(s.value());
                    } catch (TimeoutError e) {
                        out[0] = "timeout, cause " + e.getCause().getClass().getSimpleName();
                    }
                    yield null;
                }
            }));
            assertThat(out[0]).isEqualTo("timeout, cause CancelledError");
            assertThat(started[0]).isFalse();
        }
    }

    @Test
    void timeoutZeroOnAPendingTaskCancelsAndWaitsForIt() {
        // asyncio: _cancel_and_wait: the task gets to clean up (0.5 s) before TimeoutError.
        List<String> log = new ArrayList<>();
        Task<?>[] slow = new Task<?>[1];
        String out = vr.outcome(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                slow[0] = AsyncIO.createTask(cleansUpForHalfASecond(log, false));
                yield s.await(1, AsyncIO.sleep(1));
            }
            case 1 -> {
                s.value();
                yield s.await(2, AsyncIO.waitFor(slow[0], 0));
            }
            default -> s.value();
        }));
        assertThat(out).isEqualTo("TimeoutError@1.5");
        assertThat(log).containsExactly("cleaned up at 1.5");
    }

    /**
     * Sleeps 10 s; cancelled, it cleans up for 0.5 s and logs "cleaned up at t", then lets the
     * cancellation go on, or suppresses it and returns "suppressed".
     */
    private Coroutine<String> cleansUpForHalfASecond(List<String> log, boolean suppress) {
        return Script.of("slow", c -> switch (c.pc) {
            case 0 -> c.await(1, AsyncIO.sleep(10));
            case 1 -> {
                try {
                    yield c.value();
                } catch (CancelledError e) {
                    yield c.await(2, AsyncIO.sleep(0.5));
                }
            }
            default -> {
                c.value();
                log.add("cleaned up at " + vr.elapsed());
                if (suppress) {
                    yield "suppressed";
                }
                throw new CancelledError();
            }
        });
    }

    @Test
    void innerFinishingExactlyAtTheTimeoutTimesOut() {
        // asyncio 3.12+: the timeout's timer is scheduled (on entering the scope) before the inner
        // sleep's timer; equal deadlines fire in FIFO order, so the timeout wins: TimeoutError.
        assertThat(outcome(AsyncIO.sleep(1, "r"), 1)).isEqualTo("TimeoutError@1.0");
    }

    @Test
    void innerThatCleansUpBeforeStoppingIsWaitedFor() {
        // asyncio: "waits until the task is really cancelled": cleanup of 0.5 s -> TimeoutError at 1.5.
        List<String> log = new ArrayList<>();
        assertThat(outcome(cleansUpForHalfASecond(log, false), 1)).isEqualTo("TimeoutError@1.5");
        assertThat(log).containsExactly("cleaned up at 1.5");
    }

    @Test
    void innerSuppressingCancellationReturnsItsValue() {
        // asyncio 3.12+: the inner coroutine catches CancelledError and returns: the timeout scope
        // exits without an exception, so wait_for returns 'suppressed' (at 1.5); the task's
        // cancellation count is back to 0 (uncancel).
        int[] cancelling = {-1};
        String out = vr.outcome(Script.of("main", s -> switch (s.pc) {
            case 0 -> s.await(1, AsyncIO.waitFor(cleansUpForHalfASecond(new ArrayList<>(), true), 1));
            default -> {
                Object v = s.value();
                cancelling[0] = AsyncIO.currentTask().cancelling();
                yield v;
            }
        }));
        assertThat(out).isEqualTo("suppressed@1.5");
        assertThat(cancelling[0]).isZero();
    }

    @Test
    void innerTaskSuppressingCancellationReturnsItsValue() {
        // asyncio: same with a task: cancelling the awaiting task cancels the inner task, which
        // completes normally; the value is returned.
        assertThat(vr.outcome(Script.of("main", s -> switch (s.pc) {
                    case 0 ->
                        s.await(
                                1,
                                AsyncIO.waitFor(
                                        AsyncIO.createTask(cleansUpForHalfASecond(new ArrayList<>(), true)), 1));
                    default -> s.value();
                })))
                .isEqualTo("suppressed@1.5");
    }

    @Test
    void cancellingTheCallerCancelsTheInnerAndRaisesCancelledErrorNotTimeout() {
        // asyncio: if wait_for itself is cancelled, aw is cancelled too; the caller sees
        // CancelledError (the timeout did not expire).
        Task<?>[] t = new Task<?>[2];
        String out = vr.outcome(() -> {
            t[0] = AsyncIO.createTask(after(10, "inner"));
            t[1] = AsyncIO.createTask(Script.of("caller", c -> switch (c.pc) {
                case 0 -> c.await(1, AsyncIO.waitFor(t[0], 5));
                default -> c.value();
            }));
            return cancelAfter(1, t[1]);
        });
        assertThat(out).isEqualTo("CancelledError@1.0");
        assertThat(t[0].cancelled()).isTrue();
        assertThat(t[1].cancelled()).isTrue();
    }

    @Test
    void timeoutOnATaskCancelsTheTask() {
        Task<?>[] t = new Task<?>[1];
        assertThat(vr.outcome(Script.of("main", s -> switch (s.pc) {
                    case 0 -> {
                        t[0] = AsyncIO.createTask(after(10, "x"));
                        yield s.await(1, AsyncIO.waitFor(t[0], 2));
                    }
                    default -> s.value();
                })))
                .isEqualTo("TimeoutError@2.0");
        assertThat(t[0].cancelled()).isTrue();
    }

    @Test
    void timeoutOnAPlainFutureCancelsIt() {
        Future<String> f = vr.future();
        assertThat(outcome(f, 2)).isEqualTo("TimeoutError@2.0");
        assertThat(f.cancelled()).isTrue();
    }

    @Test
    void noTimeoutWaitsAsLongAsItTakes() {
        assertThat(vr.outcome(AsyncIO.waitFor(after(5000, "late")))).isEqualTo("late@5000.0");
        assertThat(new VirtualRun().outcome(AsyncIO.waitFor(after(7, "d"), (Duration) null)))
                .isEqualTo("d@7.0");
    }

    @Test
    void durationOverload() {
        assertThat(vr.outcome(AsyncIO.waitFor(after(2, "x"), Duration.ofMillis(1500))))
                .isEqualTo("TimeoutError@1.5");
        assertThat(new VirtualRun().outcome(AsyncIO.waitFor(after(1, "x"), Duration.ofMillis(1500))))
                .isEqualTo("x@1.0");
    }

    @Test
    void failureOfTheInnerPropagatesUnchanged() {
        assertThat(outcome(VirtualRun.failAfter(1, new IllegalArgumentException("bad")), 5))
                .isEqualTo("IllegalArgumentException@1.0");
    }

    @Test
    void isLazy() {
        // asyncio: wait_for is a coroutine function; nothing happens until it is awaited.
        boolean[] started = {false};
        Coroutine<Integer> c = AsyncIO.waitFor(
                Script.of("c", s -> {
                    started[0] = true;
                    return 1;
                }),
                1);
        assertThat(started[0]).isFalse();
        assertThat(vr.outcome(c)).isEqualTo("1@0.0");
        assertThat(started[0]).isTrue();
    }

    @Test
    void cancelRightAfterTheInnerTaskFinishedStillCancels() {
        // asyncio gh-86296 (test_wait_for_issue86296): the inner task completes in the same loop
        // cycle the caller is cancelled: the caller is cancelled and does not run on.
        boolean[] reachedEnd = {false};
        Task<?>[] t = new Task<?>[2];
        String out = vr.outcome(() -> {
            t[0] = AsyncIO.createTask(Script.of("inner", i -> "done"));
            t[1] = AsyncIO.createTask(Script.of("waitForCoro", w -> switch (w.pc) {
                case 0 -> w.await(1, AsyncIO.waitFor(t[0], 100));
                case 1 -> {
                    w.value();
                    yield w.await(2, AsyncIO.sleep(1));
                }
                default -> {
                    w.value();
                    reachedEnd[0] = true;
                    yield null;
                }
            }));
            return cancelAfter(0, t[1]);
        });
        assertThat(out).isEqualTo("CancelledError@0.0");
        assertThat(t[0].result()).isEqualTo("done");
        assertThat(reachedEnd[0]).isFalse();
    }

    @Test
    void exceptionRaisedWhileCancellingPropagatesInsteadOfTimeout() {
        // asyncio test_wait_for_reraises_exception_during_cancellation: FooException, not TimeoutError.
        assertThat(vr.outcome(Script.of("main", s -> switch (s.pc) {
                    case 0 ->
                        s.await(
                                1,
                                AsyncIO.waitFor(
                                        AsyncIO.createTask(Script.of("inner", i -> switch (i.pc) {
                                            case 0 -> i.await(1, AsyncIO.sleep(2));
                                            default -> {
                                                try {
                                                    i.value();
                                                } finally {
                                                    throw new UnsupportedOperationException("foo");
                                                }
                                            }
                                        })),
                                        0.5));
                    default -> s.value();
                })))
                .isEqualTo("UnsupportedOperationException@0.5");
    }

    @Test
    void shieldedTaskWithZeroTimeoutKeepsRunning() {
        // asyncio WaitForShieldTests.test_zero_timeout: the shield future is cancelled at once
        // (TimeoutError), the task behind it runs on.
        Task<?>[] t = new Task<?>[1];
        Future<?>[] sh = new Future<?>[1];
        List<Object> seen = new ArrayList<>();
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                t[0] = AsyncIO.createTask(after(0.01, "done"));
                sh[0] = AsyncIO.shield(t[0]);
                yield s.await(1, AsyncIO.waitFor(sh[0], 0));
            }
            case 1 -> {
                try {
                    s.value();
                } catch (TimeoutError e) {
                    seen.add("TimeoutError@" + vr.elapsed());
                }
                seen.add(sh[0].cancelled());
                seen.add(t[0].done());
                yield s.await(2, t[0]);
            }
            default -> {
                seen.add(s.value());
                yield null;
            }
        }));
        assertThat(seen).containsExactly("TimeoutError@0.0", true, false, "done");
    }

    @Test
    void shieldedTaskOutlivesTheTimeout() {
        // asyncio WaitForShieldTests.test_shielded_timeout.
        Task<?>[] t = new Task<?>[1];
        String[] seen = new String[2];
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                t[0] = AsyncIO.createTask(after(0.1, "done"));
                yield s.await(1, AsyncIO.waitFor(AsyncIO.shield(t[0]), 0.01));
            }
            case 1 -> {
                try {
                    s.value();
                } catch (TimeoutError e) {
                    seen[0] = "timeout@" + vr.elapsed() + " done=" + t[0].done();
                }
                yield s.await(2, t[0]);
            }
            default -> {
                seen[1] = s.value() + "@" + vr.elapsed();
                yield null;
            }
        }));
        assertThat(seen).containsExactly("timeout@0.01 done=false", "done@0.1");
    }
}
