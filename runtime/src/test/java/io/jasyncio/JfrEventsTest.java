package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JFR events, read back from a recording made in this JVM: each event, its fields, and that
 * nothing is recorded unless a recording enables them. The programs run on virtual time; the
 * only real-time measure, a step's duration, is tested with a threshold of 0 (every step is
 * slow) or of an hour (none is), so no assertion depends on how fast the machine is.
 */
class JfrEventsTest {
    static final List<String> EVENTS = List.of(
            "io.jasyncio.TaskCreated",
            "io.jasyncio.TaskFinished",
            "io.jasyncio.TaskCancelled",
            "io.jasyncio.SlowStep",
            "io.jasyncio.LoopStatistics");

    @TempDir
    Path dir;

    /** A recording with every jasyncio event enabled, as the shipped jasyncio.jfc enables them. */
    private static Recording recordingOfAllEvents() throws Exception {
        try (Reader jfc =
                new InputStreamReader(JfrEvents.class.getResourceAsStream("jasyncio.jfc"), StandardCharsets.UTF_8)) {
            return new Recording(Configuration.create(jfc));
        }
    }

    /** Stops {@code r} and returns its jasyncio events of {@code loop}, in commit order per type. */
    private List<RecordedEvent> stopAndRead(Recording r, EventLoop loop) throws IOException {
        r.stop();
        Path file = dir.resolve("recording.jfr");
        r.dump(file);
        r.close();
        long id = LiveLoops.id(loop);
        return RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().startsWith("io.jasyncio."))
                .filter(e -> e.getLong("loop") == id)
                .sorted((a, b) -> a.getStartTime().compareTo(b.getStartTime()))
                .collect(Collectors.toList());
    }

    private static List<RecordedEvent> ofType(List<RecordedEvent> events, String name) {
        return events.stream()
                .filter(e -> e.getEventType().getName().equals("io.jasyncio." + name))
                .collect(Collectors.toList());
    }

    private static Map<String, RecordedEvent> byTask(List<RecordedEvent> events) {
        return events.stream().collect(Collectors.toMap(e -> e.getString("task"), Function.identity()));
    }

    /**
     * main starts three tasks: "ok" returns after 2 s, "boom" fails after 1 s, "victim" sleeps
     * 10 s and is cancelled by main at 2 s ("enough"). In debug mode, so creation sites exist.
     */
    private static Coroutine<Object> program() {
        Task<?>[] t = new Task<?>[3];
        return Script.of("main", s -> switch (s.pc) {
            case 0 -> {
                t[0] = AsyncIO.createTask(AsyncIO.sleep(2, "v"), "ok");
                t[1] = AsyncIO.createTask(
                        Script.steps()
                                .then(in -> Script.await(AsyncIO.sleep(1)))
                                .then(in -> {
                                    throw new IllegalStateException("bad");
                                }),
                        "boom");
                t[2] = AsyncIO.createTask(AsyncIO.sleep(10), "victim");
                yield s.await(1, t[0]);
            }
            case 1 -> {
                t[2].cancel("enough");
                yield s.await(2, t[1]);
            }
            case 2 -> {
                try {
                    s.value();
                } catch (IllegalStateException expected) {
                    // retrieved, so the loop reports nothing
                }
                yield s.await(3, t[2]);
            }
            default -> {
                try {
                    s.value();
                } catch (CancelledError expected) {
                    // victim was cancelled
                }
                yield "done";
            }
        });
    }

    @Test
    void taskLifecycleEventsCarryNameOutcomeDurationAndCancelRequest() throws Exception {
        EventLoop loop = EventLoop.withVirtualTime();
        loop.setDebug(true);
        loop.setSlowCallbackDuration(3600); // no step of this program is slow
        Recording r = recordingOfAllEvents();
        r.start();
        AsyncIO.run(program(), () -> loop);
        List<RecordedEvent> events = stopAndRead(r, loop);

        Map<String, RecordedEvent> created = byTask(ofType(events, "TaskCreated"));
        String main = created.values().stream()
                .filter(e -> "main".equals(e.getString("coroutine")))
                .findFirst()
                .orElseThrow()
                .getString("task");
        assertThat(main).startsWith("Task-"); // run() names its task Task-N
        assertThat(created).containsOnlyKeys(main, "ok", "boom", "victim");
        assertThat(created.get(main).getString("parentTask")).isNull();
        assertThat(created.get("ok").getString("parentTask")).isEqualTo(main);
        assertThat(created.get("ok").getString("coroutine")).isEqualTo("sleep");
        // debug mode records where each task was created: the test's own code
        assertThat(created.get("ok").getString("creationSite")).contains("JfrEventsTest.java:");

        Map<String, RecordedEvent> finished = byTask(ofType(events, "TaskFinished"));
        assertThat(finished).containsOnlyKeys(main, "ok", "boom", "victim");
        assertThat(finished.get("ok").getString("outcome")).isEqualTo("result");
        assertThat(finished.get("ok").getString("exception")).isNull();
        assertThat(finished.get("boom").getString("outcome")).isEqualTo("exception");
        assertThat(finished.get("boom").getString("exception")).isEqualTo("java.lang.IllegalStateException");
        assertThat(finished.get("boom").getString("message")).isEqualTo("bad");
        assertThat(finished.get("victim").getString("outcome")).isEqualTo("cancelled");
        assertThat(finished.get("victim").getString("message")).isEqualTo("enough");
        assertThat(finished.get(main).getString("outcome")).isEqualTo("result");
        // the life of each task on the loop's (virtual) clock
        assertThat(loopSeconds(finished.get("ok"))).isCloseTo(2.0, within(1e-6));
        assertThat(loopSeconds(finished.get("boom"))).isCloseTo(1.0, within(1e-6));
        assertThat(loopSeconds(finished.get("victim"))).isCloseTo(2.0, within(1e-6));
        assertThat(loopSeconds(finished.get(main))).isCloseTo(2.0, within(1e-6));
        // the event's own span (real time) begins at the task's creation
        RecordedEvent ok = finished.get("ok");
        assertThat(ok.getStartTime()).isBeforeOrEqualTo(created.get("ok").getStartTime());
        assertThat(ok.getEndTime()).isAfterOrEqualTo(created.get("ok").getStartTime());

        List<RecordedEvent> cancelled = ofType(events, "TaskCancelled");
        assertThat(cancelled).hasSize(1);
        RecordedEvent cancel = cancelled.get(0);
        assertThat(cancel.getString("task")).isEqualTo("victim");
        assertThat(cancel.getString("message")).isEqualTo("enough");
        assertThat(cancel.getInt("cancelling")).isEqualTo(1);
        assertThat(cancel.getString("requestedBy")).isEqualTo(main);
        // the stack trace names the code that called cancel()
        assertThat(cancel.getStackTrace().getFrames())
                .anyMatch(f -> f.getMethod().getType().getName().startsWith(JfrEventsTest.class.getName()));

        assertThat(ofType(events, "SlowStep")).isEmpty();
    }

    private static double loopSeconds(RecordedEvent finished) {
        return finished.getLong("loopDuration") * 1e-9;
    }

    @Test
    void slowStepsAreRecordedAgainstTheLoopsThresholdWithoutDebugMode() throws Exception {
        // asyncio's slow_callback_duration: a step or callback that holds the loop at least that
        // long. A threshold of 0 makes every step slow, deterministically and without waiting.
        EventLoop loop = EventLoop.withVirtualTime();
        loop.setSlowCallbackDuration(0);
        Recording r = recordingOfAllEvents();
        r.start();
        AsyncIO.run(
                Script.of("main", s -> {
                    AsyncIO.getRunningLoop().callSoon(() -> {});
                    return null;
                }),
                () -> loop);
        List<RecordedEvent> slow = ofType(stopAndRead(r, loop), "SlowStep");

        assertThat(slow).anySatisfy(e -> {
            assertThat(e.getString("task")).startsWith("Task-");
            assertThat(e.getString("step"))
                    .startsWith("<Task ")
                    .contains("name='" + e.getString("task") + "'")
                    .contains("coro=<coroutine object main");
        });
        assertThat(slow).anySatisfy(e -> {
            assertThat(e.getString("task")).isNull();
            assertThat(e.getString("step")).startsWith("<Handle ");
        });
        assertThat(slow).allSatisfy(e -> {
            assertThat(e.getLong("threshold")).isZero();
            assertThat(e.getDuration()).isGreaterThanOrEqualTo(Duration.ZERO);
        });
    }

    @Test
    void loopStatisticsReportReadyQueueTimersAndPendingTasks() throws Exception {
        // A loop that is not running, with work queued: 2 callbacks and 2 new tasks ready, 2 timers
        // live (a third cancelled), 2 tasks pending. The statistics are emitted at the end of the
        // recording ("endChunk") so that the test does not wait for a period.
        EventLoop loop = EventLoop.withVirtualTime();
        loop.callSoon(() -> {});
        loop.callSoon(() -> {});
        loop.callLater(5, () -> {});
        loop.callLater(6, () -> {});
        loop.callLater(7, () -> {}).cancel();
        loop.createTask(Script.of("a", s -> null), null);
        loop.createTask(Script.of("b", s -> null), null);
        Recording r = new Recording();
        r.enable("io.jasyncio.LoopStatistics").with("period", "endChunk");
        r.start();
        List<RecordedEvent> stats = ofType(stopAndRead(r, loop), "LoopStatistics");

        assertThat(stats).isNotEmpty();
        RecordedEvent e = stats.get(stats.size() - 1);
        assertThat(e.getInt("readyQueue")).isEqualTo(4);
        assertThat(e.getInt("timers")).isEqualTo(2);
        assertThat(e.getInt("liveTasks")).isEqualTo(2);
        assertThat(e.getBoolean("running")).isFalse();
        assertThat(e.getBoolean("virtualTime")).isTrue();
        assertThat((Object) e.getThread("loopThread")).isNull();
        loop.close();
    }

    @Test
    void nothingIsRecordedUnlessTheRecordingEnablesTheEvents() throws Exception {
        // Off by default: a recording with the JDK's own default settings gets none of them.
        EventLoop loop = EventLoop.withVirtualTime();
        loop.setSlowCallbackDuration(0);
        Recording r = new Recording(Configuration.getConfiguration("default"));
        r.start();
        assertThat(Jfr.recording).isTrue(); // the hooks run, and find their events disabled
        AsyncIO.run(program(), () -> loop);
        assertThat(stopAndRead(r, loop)).isEmpty();
        assertThat(Jfr.recording).isFalse();
    }

    @Test
    void theShippedSettingsEnableEveryEvent() throws Exception {
        try (Reader jfc =
                new InputStreamReader(JfrEvents.class.getResourceAsStream("jasyncio.jfc"), StandardCharsets.UTF_8)) {
            Map<String, String> settings = Configuration.create(jfc).getSettings();
            for (String event : EVENTS) {
                assertThat(settings).containsEntry(event + "#enabled", "true");
            }
        }
    }
}
