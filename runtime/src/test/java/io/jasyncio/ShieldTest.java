package io.jasyncio;

import static io.jasyncio.VirtualRun.after;
import static io.jasyncio.VirtualRun.cancelAfter;
import static io.jasyncio.VirtualRun.failAfter;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** shield: each test names the CPython 3.13 asyncio behaviour (tasks.shield) it pins. */
class ShieldTest {
    private final VirtualRun vr = new VirtualRun();

    @Test
    void outerCancellationLeavesInnerRunningButTheAwaitRaises() {
        // asyncio: cancelling the task awaiting shield(inner) raises CancelledError in it at once;
        // inner is not cancelled and finishes later with its result.
        List<Object> seen = new ArrayList<>();
        Task<?>[] t = new Task<?>[2];
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                t[0] = AsyncIO.createTask(after(2, "in"));
                t[1] = AsyncIO.createTask(Script.of("caller", c -> switch (c.pc) {
                    case 0 -> c.await(1, AsyncIO.shield(t[0]));
                    default -> c.value();
                }));
                yield s.await(1, AsyncIO.sleep(1));
            }
            case 1 -> {
                s.value();
                t[1].cancel();
                yield s.await(2, t[1]);
            }
            case 2 -> {
                try {
                    s.value();
                } catch (CancelledError e) {
                    seen.add("caller cancelled at " + vr.elapsed());
                    seen.add(t[0].done());
                }
                yield s.await(3, t[0]);
            }
            default -> {
                seen.add(s.value() + " at " + vr.elapsed());
                yield null;
            }
        }));
        assertThat(seen).containsExactly("caller cancelled at 1.0", false, "in at 2.0");
        assertThat(t[1].cancelled()).isTrue();
    }

    @Test
    void cancellingTheShieldFutureItselfDoesNotCancelInner() {
        // asyncio: shield(t).cancel() -> True, t.cancelled() -> False, t finishes normally.
        Object[] seen = new Object[3];
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                Task<String> inner = AsyncIO.createTask(after(1, "x"));
                Future<String> sh = AsyncIO.shield(inner);
                seen[0] = sh.cancel();
                seen[1] = inner.cancelled();
                yield s.await(1, inner);
            }
            default -> {
                seen[2] = s.value();
                yield null;
            }
        }));
        assertThat(seen).containsExactly(true, false, "x");
    }

    @Test
    void innerCancelledByOtherMeansCancelsTheShield() {
        // asyncio: inner.cancel() -> the shield future is cancelled too (s.cancelled() is True).
        Object[] seen = new Object[2];
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                Task<String> inner = AsyncIO.createTask(after(2, "in"));
                Future<String> sh = AsyncIO.shield(inner);
                seen[0] = sh;
                seen[1] = inner;
                yield s.await(1, AsyncIO.sleep(1));
            }
            case 1 -> {
                s.value();
                ((Task<?>) seen[1]).cancel();
                yield s.await(2, (Future<?>) seen[0]);
            }
            default -> {
                try {
                    s.value();
                    seen[1] = "no error";
                } catch (CancelledError e) {
                    seen[1] = vr.elapsed();
                }
                yield null;
            }
        }));
        assertThat(((Future<?>) seen[0]).cancelled()).isTrue();
        assertThat(seen[1]).isEqualTo(1.0);
    }

    @Test
    void resultAndExceptionPassThrough() {
        // asyncio: await shield(x) equals await x when nobody cancels (a coroutine becomes a task).
        IllegalStateException boom = new IllegalStateException("v");
        Object[] seen = new Object[2];
        vr.run(Script.of("main", s -> switch (s.pc) {
            case 0 -> s.await(1, AsyncIO.shield(after(1, 7)));
            case 1 -> {
                seen[0] = s.value();
                yield s.await(2, AsyncIO.shield(failAfter(1, boom)));
            }
            default -> {
                try {
                    s.value();
                } catch (IllegalStateException e) {
                    seen[1] = e;
                }
                yield null;
            }
        }));
        assertThat(seen).containsExactly(7, boom);
        assertThat(vr.elapsed()).isEqualTo(2.0);
    }

    @Test
    void doneAwaitableIsReturnedAsIs() {
        // asyncio: shield(f) is f when f is done.
        Object[] seen = new Object[1];
        vr.run(Script.of("main", s -> {
            Future<Integer> f = AsyncIO.getRunningLoop().createFuture();
            f.setResult(1);
            seen[0] = AsyncIO.shield(f) == f;
            return null;
        }));
        assertThat(seen[0]).isEqualTo(true);
    }

    @Test
    void ignoringCancellationCompletelyWithTryCatch() {
        // The documented idiom: try { res = await shield(x) } catch (CancelledError) { res = null }.
        Task<?>[] caller = new Task<?>[1];
        String out = vr.outcome(() -> {
            caller[0] = AsyncIO.createTask(Script.of("caller", c -> switch (c.pc) {
                case 0 -> c.await(1, AsyncIO.shield(after(2, "r")));
                default -> {
                    try {
                        yield c.value();
                    } catch (CancelledError e) {
                        yield "ignored";
                    }
                }
            }));
            return cancelAfter(1, caller[0]);
        });
        assertThat(out).isEqualTo("ignored@1.0");
        assertThat(caller[0].cancelled()).isFalse();
    }
}
