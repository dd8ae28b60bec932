package io.jasyncio.junit;

import static io.jasyncio.AsyncIO.await;
import static io.jasyncio.AsyncIO.createTask;
import static io.jasyncio.AsyncIO.done;
import static io.jasyncio.AsyncIO.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The extension's own tests: each fixture class below is run by JUnit's EngineTestKit and its
 * outcome (and failure message) checked. The fixtures are static nested classes, which
 * neither surefire nor the engine run on their own.
 */
class AsyncExtensionTest {

    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .execute()
                .testEvents();
    }

    private static String failureMessage(Events events) {
        events.assertStatistics(s -> s.started(1).failed(1));
        Event failed = events.failed().list().get(0);
        Throwable t = failed.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .orElseThrow()
                .getThrowable()
                .orElseThrow();
        return t.getMessage();
    }

    // ---- an hour of virtual time in no wall time ---------------------------------------------

    static class SleepsAnHour {
        static double elapsed;

        @AsyncTest
        void sleepsAnHour(TestLoop loop) {
            loop.run(hour());
            elapsed = loop.time();
        }

        @Async
        Coroutine<Void> hour() {
            await(sleep(3600));
            return done();
        }
    }

    @Test
    void anHourOfVirtualTimePassesInNoWallTime() {
        long t0 = System.nanoTime();
        run(SleepsAnHour.class).assertStatistics(s -> s.started(1).succeeded(1));
        double wall = (System.nanoTime() - t0) / 1e9;
        assertEquals(3600.0, SleepsAnHour.elapsed, 1e-6);
        // the engine run itself (discovery, GC for the leak checks) takes well under the hour slept
        assertTrue(wall < 60, "took " + wall + " s of wall time");
    }

    // ---- leaked tasks ------------------------------------------------------------------------

    static class LeaksATask {
        @AsyncTest
        void leaks(TestLoop loop) {
            loop.run(startsForever());
        }

        @AsyncTest(failOnPendingTasks = false)
        void leaksAllowed(TestLoop loop) {
            loop.run(startsForever());
        }

        @Async
        Coroutine<Void> startsForever() {
            createTask(sleep(1e9), "forgotten");
            return done();
        }
    }

    @Test
    void aTaskLeftRunningFailsTheTestAndIsListed() {
        Events events = run(LeaksATask.class);
        events.assertStatistics(s -> s.started(2).failed(1).succeeded(1));
        Event failed = events.failed().list().get(0);
        assertTrue(failed.getTestDescriptor().getDisplayName().startsWith("leaks("));
        String message = failed.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .orElseThrow()
                .getThrowable()
                .orElseThrow()
                .getMessage();
        assertTrue(message.startsWith("1 task(s) still pending at the end of the test:"), message);
        assertTrue(message.contains("forgotten"), message);
    }

    // ---- never-retrieved exceptions ----------------------------------------------------------

    static class NeverRetrievesAnException {
        @AsyncTest(failOnPendingTasks = false)
        void dropsAFailure(TestLoop loop) {
            loop.run(failsInBackground());
        }

        @Async
        Coroutine<Void> failsInBackground() {
            createTask(boom());
            await(sleep(1));
            return done();
        }

        @Async
        Coroutine<Void> boom() {
            throw new IllegalArgumentException("boom");
        }
    }

    @Test
    void aTaskExceptionNeverRetrievedFailsTheTest() {
        String message = failureMessage(run(NeverRetrievesAnException.class));
        assertTrue(message.contains("Task exception was never retrieved"), message);
        assertTrue(message.contains("boom"), message);
    }

    // ---- never-awaited coroutines ------------------------------------------------------------

    static class NeverAwaitsACoroutine {
        @AsyncTest
        void forgetsAwait(TestLoop loop) {
            loop.run(forgets());
        }

        @Async
        Coroutine<Void> forgets() {
            sleep(1); // the coroutine is created and dropped: asyncio's "never awaited"
            leaf();
            return done();
        }

        @Async
        Coroutine<Void> leaf() {
            await(sleep(1));
            return done();
        }
    }

    @Test
    void aCoroutineNeverAwaitedFailsTheTest() {
        String message = failureMessage(run(NeverAwaitsACoroutine.class));
        assertTrue(message.contains("was never awaited"), message);
        assertTrue(message.contains("leaf"), message);
    }

    // ---- timeouts ----------------------------------------------------------------------------

    static class TakesTooLong {
        @AsyncTest(virtualTimeout = 60)
        void sleepsTwoMinutes(TestLoop loop) {
            loop.run(sleepFor(120));
        }

        @AsyncTest(virtualTimeout = 60)
        void sleepsThirtySeconds(TestLoop loop) {
            loop.run(sleepFor(30));
        }

        @AsyncTest(realTimeout = 0.2)
        void waitsForAFutureNobodySets(EventLoop loop, TestLoop testLoop) {
            testLoop.run(awaitForever(loop));
        }

        @Async
        Coroutine<Void> sleepFor(double seconds) {
            await(sleep(seconds));
            return done();
        }

        @Async
        Coroutine<Void> awaitForever(EventLoop loop) {
            await(loop.createFuture());
            return done();
        }
    }

    @Test
    void virtualAndRealTimeoutsFailTheTest() {
        Events events = run(TakesTooLong.class);
        events.assertStatistics(s -> s.started(3).failed(2).succeeded(1));
        List<String> messages = new ArrayList<>();
        for (Event e : events.failed().list()) {
            messages.add(e.getTestDescriptor().getDisplayName() + ": "
                    + e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                            .orElseThrow()
                            .getThrowable()
                            .orElseThrow()
                            .getMessage());
        }
        assertTrue(
                messages.stream()
                        .anyMatch(m ->
                                m.startsWith("sleepsTwoMinutes") && m.contains("timed out after 60 s of virtual time")),
                messages.toString());
        assertTrue(
                messages.stream()
                        .anyMatch(m -> m.startsWith("waitsForAFutureNobodySets")
                                && m.contains("timed out after 0.2 s of real time")),
                messages.toString());
    }

    // ---- lifecycle methods and parameters ----------------------------------------------------

    static class AsyncLifecycle {
        static final List<String> log = new ArrayList<>();
        EventLoop before;

        @BeforeEach
        void setUp(TestLoop loop, EventLoop eventLoop) {
            before = eventLoop;
            assertSame(eventLoop, loop.loop());
            log.add(loop.run(step("setUp")));
        }

        @AsyncTest
        void test(TestLoop loop, EventLoop eventLoop) {
            assertSame(before, eventLoop);
            assertTrue(eventLoop.isVirtualTime());
            assertEquals(10.0, loop.time(), 1e-9);
            loop.advanceTime(5);
            assertEquals(15.0, loop.time(), 1e-9);
            log.add(loop.run(step("test")));
        }

        @AfterEach
        void tearDown(TestLoop loop) {
            log.add(loop.run(step("tearDown")) + "@" + loop.time());
        }

        @Async
        Coroutine<String> step(String name) {
            await(sleep(10));
            return done(name);
        }
    }

    @Test
    void asyncBeforeEachAndAfterEachRunOnTheTestsLoop() {
        AsyncLifecycle.log.clear();
        run(AsyncLifecycle.class).assertStatistics(s -> s.started(1).succeeded(1));
        assertEquals(List.of("setUp", "test", "tearDown@35.0"), AsyncLifecycle.log);
    }

    // ---- README example ----------------------------------------------------------------------

    @Test
    void theReadmeExamplePasses() {
        run(ReadmeExampleTest.class).assertStatistics(s -> s.started(1).succeeded(1));
    }
}
