package io.jasyncio.rewriter.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.rewriter.testkit.ClassSet;
import io.jasyncio.rewriter.testkit.CompileOptions;
import io.jasyncio.rewriter.testkit.HeapProbe;
import io.jasyncio.rewriter.testkit.JavaSource;
import io.jasyncio.rewriter.testkit.RunOutcome;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Large-scale checks, on rewritten code and default JVM settings: a
 * 100,000-deep chain of awaiting coroutines, and ten million suspensions in constant memory.
 */
class LargeScaleTest {
    private static final JavaSource PROGRAMS = JavaSource.of("c.Large", """
            package c;
            import io.jasyncio.*;
            import static io.jasyncio.AsyncIO.*;
            import io.jasyncio.rewriter.testkit.HeapProbe;
            public class Large {
                static final int DEPTH = 100_000;
                @Async static Coroutine<Integer> chain(int n, boolean suspendInnermost) {
                    if (n == 0) {
                        if (suspendInnermost) await(sleep(0));
                        return done(0);
                    }
                    return done(await(chain(n - 1, suspendInnermost)) + 1);
                }
                /** The innermost suspends: the first descent and the resume both go 100,000 deep. */
                static Coroutine<Integer> deepSuspending() { return chain(DEPTH, true); }
                /** Nothing suspends: the whole chain completes on its first descent. */
                static Coroutine<Integer> deepInline() { return chain(DEPTH, false); }
                @Async static Coroutine<Integer> deepTail(int n) {
                    if (n == 0) { await(sleep(0)); return done(-1); }
                    return deepTail(n - 1);
                }
                static Coroutine<Integer> deepDelegation() { return deepTail(DEPTH); }
                @Async static Coroutine<Long> spin(int count, int firstSample) {
                    long sum = 0;
                    String live = "kept";
                    for (int i = 1; i <= count; i++) {
                        await(sleep(0));
                        sum += i;
                        if (i == firstSample || i == count) HeapProbe.sample();
                    }
                    return done(sum + live.length());
                }
                static Coroutine<Long> tenMillionSleeps() { return spin(10_000_000, 1_000_000); }
            }
            """);

    private static ClassSet rewritten;

    @BeforeAll
    static void rewrite() {
        rewritten =
                ClassSet.compile(CompileOptions.javac(17), PROGRAMS).rewrite().verified();
    }

    @Test
    void aChainOf100000AwaitingCoroutinesWhoseInnermostSuspendsCompletes() {
        RunOutcome outcome = rewritten.run("c.Large", "deepSuspending");
        assertThat(outcome.end()).as("%s", outcome.failure()).isEqualTo("returned: 100000");
    }

    @Test
    void aChainOf100000CoroutinesCompletingInlineDoesNotOverflowTheStack() {
        RunOutcome outcome = rewritten.run("c.Large", "deepInline");
        assertThat(outcome.end()).as("%s", outcome.failure()).isEqualTo("returned: 100000");
    }

    @Test
    void aChainOf100000TailDelegationsCompletes() {
        RunOutcome outcome = rewritten.run("c.Large", "deepDelegation");
        assertThat(outcome.end()).as("%s", outcome.failure()).isEqualTo("returned: -1");
    }

    @Test
    void tenMillionSuspensionsRunInConstantMemory() {
        HeapProbe.drain();
        RunOutcome outcome = rewritten.run("c.Large", "tenMillionSleeps");
        assertThat(outcome.end()).as("%s", outcome.failure()).isEqualTo("returned: 50000005000004");
        List<Long> heap = HeapProbe.drain();
        assertThat(heap).hasSize(2);
        // Anything kept per await (a future, a frame, a handle: 16+ bytes) would add 144+ MB
        // between the two samples; allow 4 MB of noise.
        assertThat(heap.get(1) - heap.get(0))
                .as("heap growth from 1M to 10M awaits, bytes (samples %s)", heap)
                .isLessThan(4L << 20);
    }
}
