package io.jasyncio.benchmarks.startup;

import io.jasyncio.benchmarks.compare.Machine;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the jasyncio agent costs at start-up, measured on whole JVMs (a process-level harness: the
 * cost is class loading and JIT-less first runs, which an in-JVM benchmark cannot see).
 *
 * <ul>
 *   <li><b>hello</b>: a hello-world {@code @Async} program, built by the Maven plugin (rewritten on
 *       disk) vs compiled by plain javac and run under {@code -javaagent:} each agent jar given:
 *       the time from starting the {@code java} process to the end of {@code main}.</li>
 *   <li><b>many</b>: a program that loads and initialises N plain classes from a jar, with and
 *       without each agent, and with N = 0: the agent's cost per class that it must leave alone is
 *       {@code ((agent, N) - (agent, 0) - ((none, N) - (none, 0))) / N}.</li>
 * </ul>
 * Every variant runs once per round, rounds rotate the order, and the figures are medians: wall
 * time, and the CPU time the process used until the end of {@code main} (Linux), with and without
 * the JIT compiler threads (they run beside the program on other cores, so on a busy shared
 * machine the CPU time without them is the steadier estimate of what start-up waits for). Then
 * each agent runs once more with {@code verbose} to count the classes it rewrote.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.jasyncio.benchmarks.startup.AgentStartup \
 *     --runtime runtime/target/classes --agent after=agent/target/jasyncio-agent-0.1.0-SNAPSHOT.jar \
 *     [--agent before=old-agent.jar] [--runs 15] [--classes 5000] [--java PATH] [--work DIR]
 * </pre>
 */
public final class AgentStartup {
    private record Variant(
            String label, List<String> options, String classPath, String main, List<String> args, String expected) {}

    private final Path java;
    private final int runs;
    private final int classes;
    private final Map<String, Path> agents;
    private final StartupPrograms programs;
    private final Path runtime;
    private final double clockTicks;

    private AgentStartup(Path java, int runs, int classes, Map<String, Path> agents, Path work, Path runtime) {
        this.java = java;
        this.runs = runs;
        this.classes = classes;
        this.agents = agents;
        this.runtime = runtime;
        this.programs = new StartupPrograms(work, runtime);
        this.clockTicks = clockTicksPerSecond();
    }

    /** The unit of the CPU times in /proc/self/stat. */
    private static double clockTicksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? Double.parseDouble(text) : 100;
        } catch (IOException | InterruptedException | NumberFormatException e) {
            return 100;
        }
    }

    /** Runs the benchmark and prints its Markdown report; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        int runs = 15;
        int classes = 5000;
        Map<String, Path> agents = new LinkedHashMap<>();
        Path work = Path.of("benchmarks", "target", "startup");
        Path runtime = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--java" -> java = Path.of(require(args[i], value));
                case "--runs" -> runs = Integer.parseInt(require(args[i], value));
                case "--classes" -> classes = Integer.parseInt(require(args[i], value));
                case "--work" -> work = Path.of(require(args[i], value));
                case "--runtime" -> runtime = Path.of(require(args[i], value));
                case "--agent" -> {
                    String v = require(args[i], value);
                    int eq = v.indexOf('=');
                    String label = eq > 0 ? v.substring(0, eq) : "agent" + (agents.size() + 1);
                    Path jar = Path.of(eq > 0 ? v.substring(eq + 1) : v);
                    if (!Files.isRegularFile(jar)) {
                        throw new IllegalArgumentException("no agent jar at " + jar);
                    }
                    agents.put(label, jar);
                }
                default ->
                    throw new IllegalArgumentException("unknown option " + args[i]
                            + "; known: --agent [label=]jar (repeatable), --runtime PATH, --runs N, --classes N,"
                            + " --java PATH, --work DIR");
            }
            i++;
        }
        if (agents.isEmpty() || runtime == null) {
            throw new IllegalArgumentException("give at least one --agent [label=]jar and --runtime PATH");
        }
        new AgentStartup(java, runs, classes, agents, work, runtime).run();
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private void run() throws Exception {
        programs.prepare(classes);
        String loadBefore = Machine.loadAverage();
        List<Variant> variants = variants();
        Map<String, List<Double>> toEnd = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        Map<String, List<Double>> cpuNoJit = new LinkedHashMap<>();
        Map<String, List<Double>> toExit = new LinkedHashMap<>();
        variants.forEach(v -> {
            toEnd.put(v.label(), new ArrayList<>());
            cpu.put(v.label(), new ArrayList<>());
            cpuNoJit.put(v.label(), new ArrayList<>());
            toExit.put(v.label(), new ArrayList<>());
        });
        for (int warm = 0; warm < 2; warm++) {
            for (Variant v : variants) {
                launch(v); // untimed: page cache, the OS's file caches
            }
        }
        for (int round = 0; round < runs; round++) {
            for (int k = 0; k < variants.size(); k++) {
                Variant v = variants.get((k + round) % variants.size());
                double[] t = launch(v);
                toEnd.get(v.label()).add(t[0]);
                cpu.get(v.label()).add(t[1]);
                cpuNoJit.get(v.label()).add(t[1] - t[2]);
                toExit.get(v.label()).add(t[3]);
            }
        }
        String loadAfter = Machine.loadAverage();

        StringBuilder out = new StringBuilder();
        out.append("Machine: ")
                .append(Machine.describe())
                .append("; load average (1/5/15 min) ")
                .append(loadBefore)
                .append(" at the start, ")
                .append(loadAfter)
                .append(" at the end\n");
        out.append("JDK: ").append(javaVersion()).append('\n');
        out.append(runs).append(" runs per variant, medians (min – max) in ms\n\n");
        out.append("| variant | wall time to the end of main | CPU time to the end of main | the same without the"
                        + " JIT compiler threads | wall time to exit |\n")
                .append("|---|---|---|---|---|\n");
        for (Variant v : variants) {
            out.append("| ")
                    .append(v.label())
                    .append(" | ")
                    .append(summary(toEnd.get(v.label())))
                    .append(" | ")
                    .append(summary(cpu.get(v.label())))
                    .append(" | ")
                    .append(summary(cpuNoJit.get(v.label())))
                    .append(" | ")
                    .append(summary(toExit.get(v.label())))
                    .append(" |\n");
        }
        out.append('\n');
        for (String agent : agents.keySet()) {
            out.append(String.format(
                    Locale.ROOT,
                    "- agent %s: adds %s to the hello-world start-up (vs the"
                            + " plugin-built program), %s to an empty main, %s per plain class loaded;"
                            + " rewrote %s%n",
                    agent,
                    cost(toEnd, cpu, cpuNoJit, "hello, agent " + agent, "hello, built by the plugin"),
                    cost(toEnd, cpu, cpuNoJit, "many, 0 classes, agent " + agent, "many, 0 classes, no agent"),
                    perClass(List.of(toEnd, cpu, cpuNoJit), agent),
                    rewrittenCounts(agent)));
        }
        System.out.print(out);
    }

    /** {@code a - b} of the medians, in wall time, CPU time, and CPU time without the JIT. */
    private static String cost(
            Map<String, List<Double>> wall,
            Map<String, List<Double>> cpu,
            Map<String, List<Double>> cpuNoJit,
            String a,
            String b) {
        return String.format(
                Locale.ROOT,
                "%.0f ms (CPU %.0f ms, without the JIT %.0f ms)",
                median(wall.get(a)) - median(wall.get(b)),
                median(cpu.get(a)) - median(cpu.get(b)),
                median(cpuNoJit.get(a)) - median(cpuNoJit.get(b)));
    }

    /**
     * {@code ((agent, N) - (agent, 0) - ((none, N) - (none, 0))) / N}, in microseconds, for wall
     * time, CPU time and CPU time without the JIT.
     */
    private String perClass(List<Map<String, List<Double>>> metrics, String agent) {
        double[] perClass = new double[metrics.size()];
        for (int i = 0; i < perClass.length; i++) {
            Map<String, List<Double>> m = metrics.get(i);
            double withAgent = median(m.get("many, " + classes + " classes, agent " + agent))
                    - median(m.get("many, 0 classes, agent " + agent));
            double without = median(m.get("many, " + classes + " classes, no agent"))
                    - median(m.get("many, 0 classes, no agent"));
            perClass[i] = (withAgent - without) * 1000.0 / classes;
        }
        return String.format(
                Locale.ROOT, "%.1f µs (CPU %.1f µs, without the JIT %.1f µs)", perClass[0], perClass[1], perClass[2]);
    }

    private List<Variant> variants() {
        String sep = File.pathSeparator;
        List<Variant> v = new ArrayList<>();
        v.add(new Variant(
                "hello, built by the plugin",
                List.of(),
                programs.helloRewritten() + sep + runtime,
                StartupPrograms.HELLO,
                List.of(),
                StartupPrograms.HELLO_OUTPUT));
        agents.forEach((label, jar) -> v.add(new Variant(
                "hello, agent " + label,
                List.of("-javaagent:" + jar),
                programs.helloPlain() + sep + runtime,
                StartupPrograms.HELLO,
                List.of(),
                StartupPrograms.HELLO_OUTPUT)));
        String many = programs.manyJar(classes).toString();
        for (int n : new int[] {0, classes}) {
            String loaded = "loaded " + n + " classes";
            v.add(new Variant(
                    "many, " + n + " classes, no agent",
                    List.of(),
                    many,
                    StartupPrograms.LOAD_ALL,
                    List.of(Integer.toString(n)),
                    loaded));
            agents.forEach((label, jar) -> v.add(new Variant(
                    "many, " + n + " classes, agent " + label,
                    List.of("-javaagent:" + jar),
                    many,
                    StartupPrograms.LOAD_ALL,
                    List.of(Integer.toString(n)),
                    loaded)));
        }
        return v;
    }

    /** How many classes each program had rewritten, from one more run with the verbose option. */
    private String rewrittenCounts(String agent) throws IOException, InterruptedException {
        List<String> counts = new ArrayList<>();
        for (Variant v : variants()) {
            if (v.label().endsWith("agent " + agent)) {
                List<String> options = List.of(v.options().get(0) + "=verbose");
                String err = stderr(new Variant(v.label(), options, v.classPath(), v.main(), v.args(), v.expected()));
                long n = err.lines()
                        .filter(l -> l.contains("jasyncio: rewrote "))
                        .count();
                counts.add(
                        n + " class" + (n == 1 ? "" : "es") + " (" + v.label().replace(", agent " + agent, "") + ")");
            }
        }
        return String.join(", ", counts);
    }

    /**
     * @return {wall time to the END line, CPU time until then, of which the JIT compiler threads',
     *         wall time to exit}, in ms since just before the process started
     */
    private double[] launch(Variant v) throws IOException, InterruptedException {
        Path out = Files.createTempFile("jasyncio-startup", ".out");
        try {
            Instant start = Instant.now();
            Process p = new ProcessBuilder(command(v))
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new IllegalStateException(v.label() + ": no answer in 300 s");
            }
            Instant exit = Instant.now();
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0 || !text.contains(v.expected())) {
                throw new IllegalStateException(v.label() + " failed (exit " + p.exitValue() + "):\n" + text);
            }
            String[] end = text.lines()
                    .filter(l -> l.startsWith("END "))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(v.label() + ": no END line:\n" + text))
                    .split(" ");
            long startNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
            long endNanos = Long.parseLong(end[1]);
            long cpuTicks = Long.parseLong(end[2]);
            long jitTicks = Long.parseLong(end[3]);
            return new double[] {
                (endNanos - startNanos) / 1e6,
                cpuTicks < 0 ? Double.NaN : cpuTicks * 1000.0 / clockTicks,
                jitTicks < 0 ? Double.NaN : jitTicks * 1000.0 / clockTicks,
                (exit.toEpochMilli() - start.toEpochMilli()) * 1.0
            };
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private String stderr(Variant v) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command(v))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return err;
    }

    private List<String> command(Variant v) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(v.options());
        command.add("-cp");
        command.add(v.classPath());
        command.add(v.main());
        command.addAll(v.args());
        return command;
    }

    private String javaVersion() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java.toString(), "-version")
                .redirectErrorStream(true)
                .start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return text.lines()
                .filter(l -> l.contains("Runtime Environment"))
                .findFirst()
                .orElse(text.trim());
    }

    private static double median(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String summary(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(Locale.ROOT, "%.0f (%.0f – %.0f)", median(values), sorted[0], sorted[sorted.length - 1]);
    }
}
