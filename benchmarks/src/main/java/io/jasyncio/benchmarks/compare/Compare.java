package io.jasyncio.benchmarks.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The side-by-side comparison with the peers: every workload with every peer, each run in a JVM of
 * its own, {@code --runs} times, then medians, ratios (jasyncio ÷ peer), a Markdown report and
 * SVG charts. {@code benchmarks/compare.sh} builds the jar and runs this.
 *
 * <pre>
 * Compare [--cold] [--smoke] [--runs N] [--java PATH] [--out DIR] [--peers a,b] [--workloads a,b]
 *         [--no-scaling] [--scaling-runs N] [--timeout SECONDS] [--note TEXT] [--command TEXT]
 *         [--replot results.tsv]   (render RESULTS.md and the charts again from a run's raw results)
 * </pre>
 */
public final class Compare {
    /** JDK 25 where this project's machines have it; virtual threads need 21+. */
    static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    static final List<String> SCALING = List.of("spawn_complete", "sleep_cancel");

    final Options options;

    Compare(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.replot != null) {
            ChildJvm jvm = new ChildJvm(options.java, options.classPath, options.timeoutSeconds, false);
            // the mode (cold or warm) and everything else come from the file's own arguments
            Report report = RawResults.read(options.replot, options.out, layout(jvm, false));
            writeReport(report, options.out);
            System.out.println(report.console());
            return;
        }
        new Compare(options).run();
    }

    /** The JOL section: {@code ParkedTaskLayout} in a JVM of its own (self-attach for exact sizes). */
    static String layout(ChildJvm jvm, boolean smoke) {
        return jvm.output(
                List.of(
                        "-Djdk.attach.allowAttachSelf=true",
                        "-XX:+IgnoreUnrecognizedVMOptions",
                        "-XX:+EnableDynamicAgentLoading"),
                "io.jasyncio.benchmarks.ParkedTaskLayout",
                smoke ? "100" : "10000");
    }

    /** Where a mode's raw results live in the output directory: each mode keeps its own. */
    static Path resultsFile(Path out, boolean cold) {
        return out.resolve(cold ? "results-cold.tsv" : "results.tsv");
    }

    /**
     * Writes this run's raw results and chart, then RESULTS.md from this run and the other mode's
     * stored raw results (when {@code out} has them), so a cold run keeps the warm numbers and
     * the other way round.
     */
    static void writeReport(Report report, Path out) throws IOException {
        Files.createDirectories(out);
        boolean cold = report.options.cold();
        Files.writeString(
                resultsFile(out, cold), RawResults.write(report.options.args(), report), StandardCharsets.UTF_8);
        Files.writeString(
                out.resolve(cold ? "results-cold.svg" : "results.svg"),
                SvgChart.advantage(report),
                StandardCharsets.UTF_8);
        if (!report.scaling.isEmpty()) {
            Files.writeString(out.resolve("scaling.svg"), SvgChart.scaling(report), StandardCharsets.UTF_8);
        }
        Report other = null;
        Path otherFile = resultsFile(out, !cold);
        if (Files.exists(otherFile)) {
            try {
                other = RawResults.read(otherFile, out, report.layout);
            } catch (IOException | RuntimeException e) {
                System.err.println("RESULTS.md without " + otherFile + ": cannot read it (" + e + ")");
            }
        }
        String page = cold ? ResultsPage.markdown(report, other) : ResultsPage.markdown(other, report);
        Files.writeString(out.resolve("RESULTS.md"), page, StandardCharsets.UTF_8);
    }

    Report run() throws IOException {
        // Virtual threads need JDK 21+: in the cold mode on an older java they run on JDK 25 (noted).
        Path newer = options.cold && Files.isExecutable(JDK25) ? JDK25 : null;
        ChildJvm jvm = new ChildJvm(
                options.java,
                options.classPath,
                options.timeoutSeconds,
                ChildJvm.options(options.smoke, options.cold),
                newer);
        String jdk = jvm.version();
        for (PeerKind p : options.peers) {
            if (!jvm.javaFor(p).equals(options.java)) {
                jdk += "; " + p.id + " on " + ChildJvm.version(jvm.javaFor(p)) + " (needs JDK " + p.minJavaFeature
                        + "+)";
            }
        }
        System.err.printf(
                "comparison (%s): %d run(s), peers %s, JDK %s%n",
                options.cold ? "cold" : "warm", options.runs, options.peers, jdk);
        String loadBefore = Machine.loadAverage();
        Map<String, Map<PeerKind, List<RunResult>>> results = new LinkedHashMap<>();
        Map<String, Map<PeerKind, List<RunResult>>> scaling = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        for (int run = 1; run <= options.runs; run++) {
            for (Workload w : options.workloads) {
                for (PeerKind peer : options.peers) {
                    int size = options.smoke ? w.smokeSize : w.size;
                    int warmups = options.smoke ? 0 : w.warmups;
                    String warmUp = options.cold ? PeerMain.COLD : Integer.toString(warmups);
                    RunResult r = peer.runs(w)
                            ? jvm.run(peer, w.id, Integer.toString(size), warmUp)
                            : RunResult.failed("unsupported: not a workload of this peer");
                    progress(run, w.id, peer, r, t0);
                    results.computeIfAbsent(w.id, k -> new LinkedHashMap<>())
                            .computeIfAbsent(peer, k -> new ArrayList<>())
                            .add(r);
                }
            }
            if (options.scaling && run <= options.scalingRuns) {
                for (String s : SCALING) {
                    for (PeerKind peer : options.peers) {
                        if (peer == PeerKind.KOTLINX) {
                            continue; // no task spawning or sleeping in that peer
                        }
                        String sizes = options.smoke ? "10,100" : "1000,10000,100000,1000000";
                        RunResult r = jvm.run(peer, "scale_" + s, sizes, options.smoke ? "100" : "200000");
                        progress(run, "scale_" + s, peer, r, t0);
                        scaling.computeIfAbsent(s, k -> new LinkedHashMap<>())
                                .computeIfAbsent(peer, k -> new ArrayList<>())
                                .add(r);
                    }
                }
            }
        }
        String layout = layout(jvm, options.smoke);
        String date = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .format(Instant.now().atZone(ZoneOffset.UTC));
        Report report = new Report(
                options,
                results,
                scaling,
                layout,
                date,
                Machine.describe() + "; load average (1/5/15 min) " + loadBefore + " at the start, "
                        + Machine.loadAverage() + " at the end",
                jdk);
        System.out.println(report.console());
        writeReport(report, options.out);
        System.err.printf("wrote %s (%.0f s)%n", options.out.resolve("RESULTS.md"), (System.nanoTime() - t0) / 1e9);
        return report;
    }

    private static void progress(int run, String workload, PeerKind peer, RunResult r, long t0) {
        System.err.printf(
                "[%4.0f s] run %d %-16s %-11s %s %s%n",
                (System.nanoTime() - t0) / 1e9, run, workload, peer.id, r.status(), r.values());
    }

    /** Command-line options. */
    record Options(
            boolean cold,
            boolean smoke,
            int runs,
            Path java,
            Path out,
            List<PeerKind> peers,
            List<Workload> workloads,
            boolean scaling,
            int scalingRuns,
            long timeoutSeconds,
            String note,
            String command,
            String classPath,
            Path replot,
            List<String> args) {
        static final String USAGE = "usage: Compare [--cold] [--smoke] [--runs N] [--java PATH] [--out DIR] [--peers "
                + "jasyncio,vt-1,vt-default,cf] [--workloads yield_switch,...] [--no-scaling] [--scaling-runs N (1)] [--timeout S] "
                + "[--note TEXT] [--command TEXT] [--replot results.tsv]";

        static Options parse(String... args) {
            boolean cold = false;
            boolean smoke = false;
            Integer runs = null;
            Path java = null;
            Path out = Path.of(".");
            List<PeerKind> peers = List.of(PeerKind.values());
            List<Workload> workloads = List.of(Workload.values());
            boolean scaling = true;
            int scalingRuns = 1;
            long timeout = 180;
            String note = "";
            String command = "benchmarks/compare.sh";
            Path replot = null;
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                int start = i;
                switch (a) {
                    case "--cold" -> cold = true;
                    case "--smoke" -> smoke = true;
                    case "--no-scaling" -> scaling = false;
                    case "--runs" -> runs = Integer.parseInt(value(args, ++i, a));
                    case "--scaling-runs" -> scalingRuns = Integer.parseInt(value(args, ++i, a));
                    case "--java" -> java = Path.of(value(args, ++i, a));
                    case "--out" -> out = Path.of(value(args, ++i, a));
                    case "--timeout" -> timeout = Long.parseLong(value(args, ++i, a));
                    case "--note" -> note = value(args, ++i, a);
                    case "--command" -> command = value(args, ++i, a);
                    case "--replot" -> replot = Path.of(value(args, ++i, a));
                    case "--peers" ->
                        peers = split(value(args, ++i, a)).stream()
                                .map(PeerKind::byId)
                                .toList();
                    case "--workloads" ->
                        workloads = split(value(args, ++i, a)).stream()
                                .map(Workload::byId)
                                .toList();
                    default -> throw new IllegalArgumentException("unknown option '" + a + "'");
                }
                // what results.tsv keeps to render the same report again (not where files live)
                if (!List.of("--out", "--replot", "--java").contains(a)) {
                    kept.addAll(List.of(args).subList(start, i + 1));
                }
            }
            if (!peers.contains(PeerKind.JASYNCIO)) {
                throw new IllegalArgumentException("--peers must include jasyncio (the ratios are jasyncio ÷ peer)");
            }
            if (java == null) {
                // cold: the java a user has at hand (the one running this); warm: the newest JDK
                Path here = Path.of(System.getProperty("java.home"), "bin", "java");
                java = !cold && Files.isExecutable(JDK25) ? JDK25 : here;
            }
            int r = runs != null ? runs : smoke ? 1 : 3;
            if (r < 1) {
                throw new IllegalArgumentException("--runs must be at least 1");
            }
            return new Options(
                    cold,
                    smoke,
                    r,
                    java,
                    out,
                    peers,
                    workloads,
                    scaling && !cold, // the scaling series is a warm measurement
                    scalingRuns,
                    timeout,
                    note,
                    command,
                    System.getProperty("java.class.path"),
                    replot,
                    List.copyOf(kept));
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static List<String> split(String csv) {
            return List.of(csv.split(","));
        }
    }
}
