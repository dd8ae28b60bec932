package io.jasyncio.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.rewriter.ClassBytesHierarchy;
import io.jasyncio.rewriter.RewriteResult;
import io.jasyncio.rewriter.Rewriter;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar jasyncio-agent.jar ps|pstree|dump PID} against child JVMs started without any
 * flag: {@code example.Parked} (tasks awaiting tasks, parked until killed; rewritten by this test
 * beforehand, so the child needs no agent), and {@code example.Idle}, which never loads jasyncio.
 * The shapes are those of Python 3.14's {@code python -m asyncio ps}/{@code pstree}, including
 * the cycle report and exit status 1 of {@code pstree}.
 */
class TaskDumpIT {
    @TempDir
    static Path rewritten;

    private static final List<Process> CHILDREN = new ArrayList<>();
    private static Process parked;

    /** Rewrites example.Parked with the rewriter, as the Maven plugin would at build time. */
    @BeforeAll
    static void startParkedJvm() throws Exception {
        Path source = Jvm.testClasses().resolve("example/Parked.class");
        // the rewriter of the test class path (the shaded jar's copy is relocated): super types from its resources
        ClassBytesHierarchy hierarchy = new ClassBytesHierarchy() {
            @Override
            protected byte[] classBytes(String resource) throws IOException {
                try (InputStream in = ClassLoader.getSystemResourceAsStream(resource)) {
                    return in == null ? null : in.readAllBytes();
                }
            }
        };
        RewriteResult result = new Rewriter(hierarchy).rewrite(Files.readAllBytes(source));
        assertThat(result.changed()).as(result.diagnostics().toString()).isTrue();
        Files.createDirectories(rewritten.resolve("example"));
        Files.write(rewritten.resolve("example/Parked.class"), result.bytes());
        parked = start(List.of(), "example.Parked");
    }

    @AfterAll
    static void killChildren() throws InterruptedException {
        for (Process p : CHILDREN) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Starts a child JVM of the test's JDK and waits (bounded) for it to print "ready". */
    private static Process start(List<String> options, String main, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-cp");
        command.add(Jvm.classPath(rewritten, Jvm.testClasses(), Jvm.runtimeClasses()));
        command.add(main);
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectError(Files.createTempFile(rewritten, "child", ".err").toFile())
                .start();
        CHILDREN.add(p);
        BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = CompletableFuture.supplyAsync(() -> {
                    try {
                        return lines.readLine();
                    } catch (IOException e) {
                        return e.toString();
                    }
                })
                .get(60, TimeUnit.SECONDS);
        assertThat(first).as("first line of " + command).isEqualTo("ready");
        return p;
    }

    /** The command in this JVM (attaching from here). */
    private static Jvm.Result command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TaskDumpCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Jvm.Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The line of the first occurrence of {@code code} in example/Parked.java. */
    private static int lineOf(String code) throws IOException {
        List<String> source = Files.readAllLines(Path.of("src/test/java/example/Parked.java"));
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).contains(code)) {
                return i + 1;
            }
        }
        throw new AssertionError(code + " is not in Parked.java");
    }

    @Test
    void psThroughJavaDashJarPrintsAsyncioPsTable() throws Exception {
        Jvm.Result r = Jvm.run(List.of("-jar"), Jvm.agentJar().toString(), "ps", Long.toString(parked.pid()));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0))
                .matches("tid +task id +task name +coroutine stack +awaiter chain +awaiter name +awaiter id *");
        assertThat(lines.get(1)).isEqualTo("-".repeat(180));
        String sleeper = lines.stream()
                .filter(l -> l.contains(" sleeper "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(r));
        assertThat(sleeper.split(" {2,}"))
                .as(sleeper)
                .contains("sleeper", "AsyncIO.sleep -> Parked.leaf", "Parked.middle", "middle");
        String middle = lines.stream()
                .filter(l -> l.contains(" middle ") && !l.contains(" sleeper "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(r));
        assertThat(middle).contains("Parked.middle", "Parked.main");
        assertThat(r.err()).doesNotContain("jasyncio:");
    }

    @Test
    void pstreePrintsTheAwaitTreeWithTheLinesOfTheAwaits() throws Exception {
        Jvm.Result r = command("pstree", Long.toString(parked.pid()));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out())
                .matches("└── \\(T\\) Task-\\d+\n"
                        + "    └──  Parked.main Parked.java:" + lineOf("await(middle);") + "\n"
                        + "        └── \\(T\\) middle\n"
                        + "            └──  Parked.middle Parked.java:" + lineOf("await(inner);") + "\n"
                        + "                └── \\(T\\) sleeper\n"
                        + "                    └──  Parked.leaf Parked.java:" + lineOf("await(sleep(3600));") + "\n"
                        + "                        └──  AsyncIO.sleep\n");
    }

    @Test
    void dumpPrintsEachTaskWithItsStackAndAwaits() throws Exception {
        Jvm.Result r = command("dump", Long.toString(parked.pid()));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out())
                .containsPattern("Event loop #\\d+, running on thread \"main\" \\(tid \\d+\\), time [0-9.]+, 3 tasks\n")
                .containsPattern("\n\"sleeper\" #\\d+ suspended, awaiting sleep, wakes in [0-9.]+ s\n"
                        + "\tat io.jasyncio.AsyncIO.sleep\\(AsyncIO.java\\)\n"
                        + "\tat example.Parked.leaf\\(Parked.java:" + lineOf("await(sleep(3600));") + "\\)\n"
                        + "\tawaited by \"middle\" #\\d+\n")
                .containsPattern("\n\"middle\" #\\d+ suspended, awaiting task \"sleeper\" #\\d+\n"
                        + "\tat example.Parked.middle\\(Parked.java:" + lineOf("await(inner);") + "\\)\n");
    }

    /** asyncio's pstree: "ERROR: await-graph contains cycles - cannot print a tree!", the cycles, exit 1. */
    @Test
    void pstreeOfTasksAwaitingEachOtherNamesTheCycleAndFails() throws Exception {
        Process cyclic = start(List.of(), "example.Parked", "cycle");
        Jvm.Result r = command("pstree", Long.toString(cyclic.pid()));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .isEqualTo("ERROR: await-graph contains cycles - cannot print a tree!\n\ncycle: b → a → b\n");
        // ps still lists them
        Jvm.Result ps = command("ps", Long.toString(cyclic.pid()));
        assertThat(ps.exitCode()).as(ps.toString()).isZero();
        assertThat(ps.out()).contains(" a ", " b ");
    }

    @Test
    void aJvmWithoutJasyncioIsAClearError() throws Exception {
        Process idle = start(List.of(), "example.Idle");
        Jvm.Result r = command("ps", Long.toString(idle.pid()));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).startsWith("jasyncio: this JVM has not loaded the jasyncio runtime");
    }

    @Test
    void aJvmThatForbidsAttachingIsAClearError() throws Exception {
        Process closed = start(List.of("-XX:+DisableAttachMechanism"), "example.Idle");
        Jvm.Result r = command("ps", Long.toString(closed.pid()));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).startsWith("jasyncio: cannot attach to JVM " + closed.pid());
    }

    @Test
    void noSuchProcessAndBadUsageAreClearErrors() {
        Jvm.Result none = command("ps", Integer.toString(Integer.MAX_VALUE));
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).isEqualTo("jasyncio: no process with PID " + Integer.MAX_VALUE + "\n");

        Jvm.Result usage = command("top", "1");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).startsWith("usage: java -jar jasyncio-agent.jar ps|pstree|dump PID");

        Jvm.Result notAPid = command("ps", "abc");
        assertThat(notAPid.exitCode()).isEqualTo(2);
        assertThat(notAPid.err()).startsWith("jasyncio: not a process id: 'abc'");
    }
}
