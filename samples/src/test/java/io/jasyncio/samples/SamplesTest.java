package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.await;
import static io.jasyncio.AsyncIO.done;
import static io.jasyncio.AsyncIO.getRunningLoop;
import static io.jasyncio.AsyncIO.isCoroutine;
import static io.jasyncio.AsyncIO.runCoroutineThreadsafe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.jasyncio.Async;
import io.jasyncio.CancelledError;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every sample, run on the virtual clock, prints exactly its hand-written expected output; this
 * is where the seed examples are asserted as a user writes them (@Async methods rewritten by the
 * Maven plugin). The few checks below cover what a sample's output cannot show.
 */
class SamplesTest {

    @TestFactory
    Stream<DynamicTest> everySamplePrintsItsExpectedOutput() {
        return Samples.ALL.stream().map(sample ->
                dynamicTest(sample.seedName() + " " + sample.type().getSimpleName(), () -> check(sample)));
    }

    static void check(Sample sample) {
        compare(sample, ExpectedOutput.of(sample.id()), SampleRun.of(sample));
    }

    /** Line by line, so a failure names the first line (text or virtual time) that differs. */
    static void compare(Sample sample, List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertThat(actual.get(i))
                    .as("%s line %d; whole output:%n%s", sample.seedName(), i + 1, String.join("\n", actual))
                    .matches(ExpectedOutput.pattern(expected.get(i)));
        }
        assertThat(actual).as("%s: number of lines", sample.seedName()).hasSameSizeAs(expected);
    }

    @Test
    void theSamplesAreTheSeedsExamplesInOrder() {
        assertThat(Samples.ALL).extracting(Sample::id)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 23).mapToObj(n -> String.format("e%02d", n)).toList());
        assertThat(Samples.ALL).allSatisfy(sample -> {
            assertThat(ExpectedOutput.exists(sample.id())).as(sample.id()).isTrue();
            assertThat(sample.type().getSimpleName()).startsWith(sample.id().toUpperCase(java.util.Locale.ROOT));
        });
    }

    @Test
    void aChangedVirtualTimeOrLineFailsTheComparison() {
        Sample e1 = Samples.ALL.get(0);
        List<String> actual = SampleRun.of(e1);
        compare(e1, ExpectedOutput.of("e01"), actual);

        List<String> laterWorld = new ArrayList<>(ExpectedOutput.of("e01"));
        laterWorld.set(1, "[t=2.000] world");
        assertThatThrownBy(() -> compare(e1, laterWorld, actual)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("line 2");

        List<String> otherText = new ArrayList<>(ExpectedOutput.of("e01"));
        otherText.set(0, "[t=0.000] hi");
        assertThatThrownBy(() -> compare(e1, otherText, actual)).isInstanceOf(AssertionError.class);

        List<String> wildcard = new ArrayList<>(ExpectedOutput.of("e01"));
        wildcard.set(1, "[t=1.000] w…d");
        compare(e1, wildcard, actual);
        wildcard.set(1, "[t=0.000] w…d");
        assertThatThrownBy(() -> compare(e1, wildcard, actual)).isInstanceOf(AssertionError.class);

        List<String> extraLine = new ArrayList<>(ExpectedOutput.of("e01"));
        extraLine.add("[t=1.000] !");
        assertThatThrownBy(() -> compare(e1, extraLine, actual)).isInstanceOf(AssertionError.class);
    }

    @Test
    void e02TheCoroutineObjectIsACoroutine() {
        // asyncio.iscoroutine(main()) is True; the golden output shows only its repr.
        assertThat(isCoroutine(E02CoroutineObject.main())).isTrue();
    }

    /** E22's other branch: an @Async coroutine that never finishes on its own. */
    @Async
    static Coroutine<Integer> stuck(CountDownLatch started, CountDownLatch cancelled) {
        Future<Integer> never = getRunningLoop().createFuture();
        started.countDown();
        try {
            return done(await(never));
        } catch (CancelledError e) {
            cancelled.countDown();
            throw e;
        }
    }

    @Test
    void e22TheTooLongBranchCancelsTheTaskInTheLoop() throws Exception {
        // E22's except TimeoutError branch, which the sample's run never takes:
        // future.result(timeout) times out, future.cancel() cancels the task in the loop's thread.
        EventLoop loop = EventLoop.withVirtualTime();
        Thread loopThread = new Thread(loop::runForever, "loop");
        loopThread.start();
        List<String> log = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        try {
            CompletableFuture<Integer> slow = runCoroutineThreadsafe(stuck(started, cancelled), loop);
            // Cancelled before its task exists, the coroutine would never run (as in asyncio):
            // let it reach its await first.
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            try {
                slow.get(0, TimeUnit.SECONDS);
                log.add("The coroutine returned");
            } catch (TimeoutException e) {
                log.add("The coroutine took too long, cancelling the task...");
                slow.cancel(true);
            }
            assertThat(slow.isCancelled()).isTrue();
            assertThat(cancelled.await(30, TimeUnit.SECONDS)).as("CancelledError thrown at the await").isTrue();
        } finally {
            loop.callSoonThreadsafe(loop::stop);
            loopThread.join(30_000);
        }
        assertThat(loopThread.isAlive()).isFalse();
        assertThat(log).containsExactly("The coroutine took too long, cancelling the task...");
        loop.close();
    }
}
