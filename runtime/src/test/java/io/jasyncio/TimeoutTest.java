package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timeout scope: pins CPython 3.11+ asyncio.timeout / timeout_at (asyncio/timeouts.py). */
class TimeoutTest {
    private final VirtualRun vr = new VirtualRun();

    @Test
    void innerShorterTimeoutExpiresAloneOuterGoesOn() {
        // asyncio: inner timeout(1) in outer timeout(5): TimeoutError at 1 from the inner only;
        // inner.expired() True, outer.expired() False.
        Timeout[] t = new Timeout[2];
        List<String> log = new ArrayList<>();
        String out = vr.outcome(() -> {
            t[0] = AsyncIO.timeout(5);
            t[1] = AsyncIO.timeout(1);
            return t[0].run(Script.of("body", s -> switch (s.pc) {
                case 0 -> s.await(1, t[1].run(AsyncIO.sleep(10)));
                default -> {
                    try {
                        s.value();
                    } catch (TimeoutError e) {
                        log.add("inner timeout@" + vr.elapsed());
                    }
                    yield "outer finished";
                }
            }));
        });
        assertThat(out).isEqualTo("outer finished@1.0");
        assertThat(log).containsExactly("inner timeout@1.0");
        assertThat(t[1].expired()).isTrue();
        assertThat(t[0].expired()).isFalse();
    }

    @Test
    void outerShorterTimeoutCancelsThroughTheInnerScope() {
        // asyncio: the inner scope (not expired) lets the CancelledError through; the outer one
        // turns it into TimeoutError.
        Timeout[] t = new Timeout[2];
        List<String> log = new ArrayList<>();
        String out = vr.outcome(() -> {
            t[0] = AsyncIO.timeout(1);
            t[1] = AsyncIO.timeout(5);
            return t[0].run(Script.of("body", s -> switch (s.pc) {
                case 0 -> s.await(1, t[1].run(AsyncIO.sleep(10)));
                default -> {
                    try {
                        yield s.value();
                    } catch (CancelledError e) {
                        log.add("inner saw cancel@" + vr.elapsed());
                        throw e;
                    }
                }
            }));
        });
        assertThat(out).isEqualTo("TimeoutError@1.0");
        assertThat(log).containsExactly("inner saw cancel@1.0");
        assertThat(t[0].expired()).isTrue();
        assertThat(t[1].expired()).isFalse();
    }

    @Test
    void externalCancelAtTheDeadlineWins() {
        // asyncio: timeout and an external cancel() in the same iteration: uncancel() leaves a
        // request, so CancelledError propagates instead of TimeoutError.
        Task<?>[] v = new Task<?>[1];
        String out = vr.outcome(() -> Script.of("main2", s -> switch (s.pc) {
            case 0 -> {
                v[0] = AsyncIO.createTask(AsyncIO.timeout(1).run(AsyncIO.sleep(10)));
                yield s.await(1, AsyncIO.sleep(0));
            }
            case 1 -> {
                s.value();
                AsyncIO.getRunningLoop().callLater(1, v[0]::cancel);
                yield s.await(2, v[0]);
            }
            default -> s.value();
        }));
        assertThat(out).isEqualTo("CancelledError@1.0");
        assertThat(v[0].cancelled()).isTrue();
    }

    @Test
    void rescheduleFromInsideTheScope() {
        // asyncio: timeout(None) then cm.reschedule(loop.time() + 2) -> TimeoutError at 2;
        // rescheduling an expired timeout fails.
        Timeout[] t = new Timeout[1];
        String out = vr.outcome(() -> {
            t[0] = AsyncIO.timeout((java.time.Duration) null);
            return t[0].run(Script.of("body", s -> switch (s.pc) {
                case 0 -> {
                    assertThat(t[0].when()).isNull();
                    t[0].reschedule(AsyncIO.getRunningLoop().time() + 2);
                    yield s.await(1, AsyncIO.sleep(10));
                }
                default -> s.value();
            }));
        });
        assertThat(out).isEqualTo("TimeoutError@2.0");
        assertThat(t[0].when()).isEqualTo(2.0);
        assertThat(t[0].toString()).isEqualTo("<Timeout [expired] when=2.0>");
        assertThatThrownBy(() -> t[0].reschedule(5.0)).hasMessage("Cannot change state of expired Timeout");
    }

    @Test
    void deadlineInThePastExpiresOnTheNextIteration() {
        // asyncio: when <= loop.time() schedules the expiry with call_soon.
        assertThat(vr.outcome(() -> AsyncIO.timeoutAt(-1).run(AsyncIO.sleep(10))))
                .isEqualTo("TimeoutError@0.0");
    }

    @Test
    void finishingInTimeLeavesTheScopeUnexpired() {
        Timeout[] t = new Timeout[1];
        assertThat(vr.outcome(() -> {
                    t[0] = AsyncIO.timeout(2);
                    return t[0].run(AsyncIO.sleep(1, "ok"));
                }))
                .isEqualTo("ok@1.0");
        assertThat(t[0].expired()).isFalse();
        assertThat(t[0].toString()).startsWith("<Timeout [exited]");
    }

    @Test
    void aTimeoutIsEnteredOnce() {
        // asyncio: RuntimeError('Timeout has already been entered').
        Timeout[] t = new Timeout[1];
        assertThat(vr.outcome(() -> {
                    t[0] = AsyncIO.timeout(2);
                    return Script.of("twice", s -> switch (s.pc) {
                        case 0 -> s.await(1, t[0].run(AsyncIO.sleep(0)));
                        case 1 -> {
                            s.value();
                            yield s.await(2, t[0].run(AsyncIO.sleep(0)));
                        }
                        default -> s.value();
                    });
                }))
                .isEqualTo("IllegalStateException@0.0");
    }

    @Test
    void rescheduleBeforeEnteringFails() {
        vr.run(Script.of("main", s -> {
            assertThatThrownBy(() -> AsyncIO.timeout(1).reschedule(3.0)).hasMessage("Timeout has not been entered");
            return null;
        }));
    }

    @Test
    void aBodyIsMadeInsideTheScopeAndTimesOutLikeAnAwaitable() {
        // asyncio: `async with timeout(1): await sleep(10)` raises TimeoutError at 1; the body
        // starts only once the scope is entered (the Java body is called then, not at run()).
        Timeout[] t = new Timeout[1];
        List<String> log = new ArrayList<>();
        assertThat(vr.outcome(() -> {
                    t[0] = AsyncIO.timeout(1);
                    Coroutine<Void> c = t[0].run(() -> {
                        log.add("body made, when=" + t[0].when());
                        return AsyncIO.sleep(10);
                    });
                    log.add("run returned");
                    return c;
                }))
                .isEqualTo("TimeoutError@1.0");
        assertThat(log).containsExactly("run returned", "body made, when=1.0");
        assertThat(t[0].expired()).isTrue();
    }

    @Test
    void aBodyThatEndsInTimeGivesItsResult() {
        assertThat(vr.outcome(() -> AsyncIO.timeout(5).run(() -> AsyncIO.sleep(2, "ok"))))
                .isEqualTo("ok@2.0");
    }

    @Test
    void aBodyThatReturnsNullFailsClearly() {
        assertThat(vr.outcome(() -> AsyncIO.timeout(5).run(() -> null))).isEqualTo("NullPointerException@0.0");
    }

    @Test
    void aBodyThatThrowsFailsTheScopeAfterLeavingIt() {
        // asyncio: an exception raised inside `async with timeout(...)` leaves the scope and propagates.
        Timeout[] t = new Timeout[1];
        assertThat(vr.outcome(() -> {
                    t[0] = AsyncIO.timeout(5);
                    return t[0].run(() -> {
                        throw new java.io.IOException("no body");
                    });
                }))
                .isEqualTo("IOException@0.0");
        assertThat(t[0].toString()).startsWith("<Timeout [exited]");
        assertThatThrownBy(() -> t[0].run((AsyncSupplier<Void>) null)).isInstanceOf(NullPointerException.class);
    }
}
