package io.jasyncio.tests;

import static io.jasyncio.AsyncIO.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Async;
import io.jasyncio.AsyncIO;
import io.jasyncio.CancelledError;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import java.io.File;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's JFR examples ("Observing async code"): a recording made in the test's own JVM,
 * and the command lines (-XX:StartFlightRecording with the shipped jasyncio.jfc, or with one
 * event enabled by name, then {@code jfr print}) run against a child JVM.
 */
class JfrReadmeTest {
    @TempDir
    Path dir;

    @Async
    static Coroutine<String> fetch(String url, double seconds) {
        await(sleep(seconds));
        return done(url);
    }

    @Async
    static Coroutine<Void> crawl() {
        Task<String> slow = createTask(fetch("slow", 10), "slow");
        Task<String> fast = createTask(fetch("fast", 1), "fast");
        await(fast);
        slow.cancel("too slow");
        try {
            await(slow);
        } catch (CancelledError expected) {
            // cancelled above
        }
        return done();
    }

    /** The child JVM's program. */
    public static void main(String[] args) {
        AsyncIO.run(crawl());
    }

    @Test
    void recordsHowEachTaskEnded() throws Exception {
        Path file = dir.resolve("crawl.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("io.jasyncio.TaskFinished");
            recording.start();
            run(crawl(), EventLoop::withVirtualTime);
            recording.stop();
            recording.dump(file);
        }
        Map<String, String> outcomes = new HashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getEventType().getName().equals("io.jasyncio.TaskFinished")) {
                outcomes.put(e.getString("task"), e.getString("outcome"));
            }
        }
        assertThat(outcomes).containsEntry("slow", "cancelled").containsEntry("fast", "result");
    }

    @Test
    void theCommandLinesOfTheReadmeRecordTheEvents() throws Exception {
        // the README's "unzip -p jasyncio-runtime.jar io/jasyncio/jasyncio.jfc > jasyncio.jfc"
        Path jfc = dir.resolve("jasyncio.jfc");
        try (InputStream in = AsyncIO.class.getResourceAsStream("/io/jasyncio/jasyncio.jfc")) {
            Files.copy(in, jfc);
        }
        Path all = dir.resolve("all.jfr");
        Path one = dir.resolve("app.jfr");
        // both documented forms, as two recordings of one JVM: the settings file beside the JDK's
        // default, and one event enabled by name
        String classPath = classesOf(JfrReadmeTest.class) + File.pathSeparator + classesOf(AsyncIO.class);
        exec(List.of(
                java("java"),
                "-XX:StartFlightRecording:name=all,filename=" + all + ",settings=default,settings=" + jfc,
                "-XX:StartFlightRecording:name=one,filename=" + one + ",+io.jasyncio.TaskFinished#enabled=true",
                "-Djasyncio.clock=virtual",
                "-cp",
                classPath,
                JfrReadmeTest.class.getName()));

        List<String> names = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(all)) {
            names.add(e.getEventType().getName());
        }
        // (no LoopStatistics: the program's one loop lives less than the 1 s period)
        assertThat(names).contains("io.jasyncio.TaskCreated", "io.jasyncio.TaskFinished", "io.jasyncio.TaskCancelled");

        String printed = exec(List.of(java("jfr"), "print", "--events", "io.jasyncio.TaskFinished", one.toString()));
        assertThat(printed)
                .contains("task = \"slow\"", "outcome = \"cancelled\"", "message = \"too slow\"")
                .contains("task = \"fast\"", "outcome = \"result\"", "loopDuration = 1.00 s")
                .doesNotContain("io.jasyncio.TaskCreated");
    }

    private static String java(String tool) {
        return Path.of(System.getProperty("java.home"), "bin", tool).toString();
    }

    private static Path classesOf(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Runs {@code command} (bounded to a minute), fails unless it exits 0, returns its output. */
    private String exec(List<String> command) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("no answer in 60 s from " + command);
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("%s\n%s", command, output).isZero();
        return output;
    }
}
