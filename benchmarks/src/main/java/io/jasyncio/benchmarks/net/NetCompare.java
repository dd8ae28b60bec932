package io.jasyncio.benchmarks.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The network comparison ({@code benchmarks/net-compare.sh}): the echo and HTTP servers of three
 * peers (jasyncio's samples, Netty with one NIO event loop thread, virtual threads with blocking
 * sockets), each in a JVM of its own on loopback, measured by the same client:
 * <ul>
 * <li>echo round trips per second with 1, 100 and 10,000 concurrent connections
 * ({@link NetLoad}, one jasyncio loop in another JVM);
 * <li>HTTP requests per second, measured with {@code wrk} (skipped when it is not installed);
 * <li>memory per idle connection: the server's heap after full collections and its resident
 * set, before and after 10,000 connections are opened and left idle.
 * </ul>
 * Every run is bounded in time; nothing is asserted. Writes {@code NET-RESULTS.md}.
 */
public final class NetCompare {
    static final List<String> PEERS = List.of("jasyncio", "netty", "vt");
    static final List<String> SERVER_OPTIONS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC");
    static final List<String> CLIENT_OPTIONS = List.of("-Xmx2g", "-XX:+UseG1GC");

    final Path java;
    final String classPath = System.getProperty("java.class.path");
    final boolean smoke;
    final double seconds;
    final int runs;
    final int idleConnections;
    final List<Integer> connectionCounts;
    final Path out;
    final String command;
    /** row key -> peer -> values of the runs. */
    final Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();

    final List<String> notes = new ArrayList<>();

    NetCompare(Path java, boolean smoke, double seconds, int runs, Path out, String command) {
        this.java = java;
        this.smoke = smoke;
        this.seconds = smoke ? 0.3 : seconds;
        this.runs = smoke ? 1 : runs;
        this.idleConnections = smoke ? 20 : 10_000;
        this.connectionCounts = smoke ? List.of(1, 10) : List.of(1, 100, 10_000);
        this.out = out;
        this.command = command;
    }

    public static void main(String[] args) throws Exception {
        Path java = defaultJava();
        boolean smoke = false;
        double seconds = 5;
        int runs = 3;
        Path out = Path.of("benchmarks");
        String command = "benchmarks/net-compare.sh";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> smoke = true;
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--java" -> java = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--command" -> command = args[++i];
                default ->
                    throw new IllegalArgumentException(
                            "unknown option " + args[i] + " (--smoke, --seconds S, --runs N, --java PATH, --out DIR)");
            }
        }
        NetCompare c = new NetCompare(java, smoke, seconds, runs, out, command);
        String report = c.run();
        System.out.println(report);
    }

    static Path defaultJava() {
        Path jdk25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        return Files.isExecutable(jdk25) ? jdk25 : Path.of(System.getProperty("java.home"), "bin", "java");
    }

    String run() throws Exception {
        String started = now();
        String loadBefore = loadAverage();
        for (int r = 0; r < runs; r++) {
            for (String peer : PEERS) {
                if (peer.equals("vt") && javaFeature() < 21) {
                    notes.add("vt: skipped, virtual threads need JDK 21+ (" + java + ")");
                    continue;
                }
                echoRuns(peer);
                httpRun(peer);
            }
        }
        String report = report(started, loadBefore, loadAverage());
        Files.createDirectories(out);
        Files.writeString(out.resolve("NET-RESULTS.md"), report);
        return report;
    }

    private void record(String row, String peer, double value) {
        results.computeIfAbsent(row, k -> new LinkedHashMap<>())
                .computeIfAbsent(peer, k -> new ArrayList<>())
                .add(value);
    }

    private void echoRuns(String peer) throws Exception {
        try (Child server = Child.server(this, peer, "echo")) {
            // warm-up, unmeasured: every peer's server is measured JIT-compiled
            Child.output(this, CLIENT_OPTIONS, "echo", server.port, 10, smoke ? 0.1 : Math.min(seconds, 3));
            for (int n : connectionCounts) {
                String line = Child.output(this, CLIENT_OPTIONS, "echo", server.port, n, seconds);
                Matcher m = Pattern.compile("roundtrips (\\d+) seconds ([0-9.Ee-]+)")
                        .matcher(line);
                if (!m.find()) {
                    throw new IllegalStateException("echo client said: " + line);
                }
                record(
                        "echo round trips/s, " + n + " connection" + (n == 1 ? "" : "s"),
                        peer,
                        Long.parseLong(m.group(1)) / Double.parseDouble(m.group(2)));
            }
            long heap0 = server.heap();
            long rss0 = server.rss();
            try (Child idle = Child.idleClient(this, server.port, idleConnections)) {
                Thread.sleep(smoke ? 100 : 1000);
                long heap1 = server.heap();
                long rss1 = server.rss();
                record("heap per idle connection (B)", peer, (heap1 - heap0) / (double) idleConnections);
                record("RSS per idle connection (B)", peer, (rss1 - rss0) / (double) idleConnections);
            }
        }
    }

    private void httpRun(String peer) throws Exception {
        Path wrk = Path.of("/usr/bin/wrk");
        if (!Files.isExecutable(wrk)) {
            if (!notes.contains("wrk is not installed: no HTTP row (apt-get install wrk)")) {
                notes.add("wrk is not installed: no HTTP row (apt-get install wrk)");
            }
            return;
        }
        try (Child server = Child.server(this, peer, "http")) {
            int duration = (int) Math.max(1, Math.round(seconds));
            // warm-up, then the measured run
            Child.wrk(wrk, server.port, 100, 1);
            String text = Child.wrk(wrk, server.port, 100, duration);
            Matcher m = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(text);
            if (!m.find()) {
                throw new IllegalStateException("wrk said: " + text);
            }
            if (text.contains("Non-2xx") || text.contains("Socket errors")) {
                notes.add(peer + " http: wrk reported errors: "
                        + text.replaceAll("\\s+", " ").trim());
            }
            record("HTTP requests/s (wrk, 100 connections)", peer, Double.parseDouble(m.group(1)));
        }
    }

    private int javaFeature() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java.toString(), "-version")
                .redirectErrorStream(true)
                .start();
        String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = Pattern.compile("version \"(\\d+)").matcher(v);
        return m.find() ? Integer.parseInt(m.group(1)) : 17;
    }

    String report(String started, String loadBefore, String loadAfter) throws IOException, InterruptedException {
        StringBuilder sb = new StringBuilder("# Network comparison\n\n");
        sb.append("Date: ").append(started).append("  \n");
        sb.append("Machine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.arch"))
                .append("; load average ")
                .append(loadBefore)
                .append(" at the start, ")
                .append(loadAfter)
                .append(" at the end  \n");
        sb.append("JVM of every server and client: ").append(java).append("  \n");
        sb.append("Command: `")
                .append(command)
                .append("` (")
                .append(runs)
                .append(" run(s), medians; ")
                .append(seconds)
                .append(" s per measurement")
                .append(smoke ? "; SMOKE sizes, numbers mean nothing" : "")
                .append(")  \n");
        sb.append("Servers: `")
                .append(String.join(" ", SERVER_OPTIONS))
                .append("`; client: one jasyncio loop, `")
                .append(String.join(" ", CLIENT_OPTIONS))
                .append("`, 64-byte messages\n\n");
        sb.append(
                "| measure | jasyncio | Netty (1 NIO loop thread) | virtual threads | jasyncio ÷ Netty | jasyncio ÷ vt |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (var row : results.entrySet()) {
            Map<String, List<Double>> byPeer = row.getValue();
            double j = median(byPeer.get("jasyncio"));
            double n = median(byPeer.get("netty"));
            double v = median(byPeer.get("vt"));
            sb.append("| ")
                    .append(row.getKey())
                    .append(" | ")
                    .append(fmt(j))
                    .append(" | ")
                    .append(fmt(n))
                    .append(" | ")
                    .append(fmt(v))
                    .append(" | ")
                    .append(ratio(j, n))
                    .append(" | ")
                    .append(ratio(j, v))
                    .append(" |\n");
        }
        for (String note : notes) {
            sb.append("\n- ").append(note);
        }
        return sb.append('\n').toString();
    }

    static double median(List<Double> values) {
        if (values == null || values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "–" : String.format(Locale.ROOT, "%.2f×", a / b);
    }

    static String now() {
        return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    }

    static String loadAverage() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", l);
    }

    /** A child JVM (a server, or the idle client) that ends when its standard input is closed. */
    static final class Child implements AutoCloseable {
        final Process process;
        final BufferedReader stdout;
        final OutputStream stdin;
        int port;

        private Child(Process process) {
            this.process = process;
            this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.stdin = process.getOutputStream();
        }

        static Child server(NetCompare c, String peer, String protocol) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(c.java.toString()));
            cmd.addAll(SERVER_OPTIONS);
            cmd.addAll(List.of("-cp", c.classPath, NetServer.class.getName(), peer, protocol));
            Child child = new Child(new ProcessBuilder(cmd)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start());
            String line = child.readLine("serving on");
            child.port =
                    Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).trim());
            return child;
        }

        static Child idleClient(NetCompare c, int port, int connections) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(c.java.toString()));
            cmd.addAll(CLIENT_OPTIONS);
            cmd.addAll(List.of(
                    "-cp",
                    c.classPath,
                    NetLoad.class.getName(),
                    "idle",
                    String.valueOf(port),
                    String.valueOf(connections)));
            Child child = new Child(new ProcessBuilder(cmd)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start());
            child.readLine("idle ");
            return child;
        }

        /** Runs a client JVM to its end (bounded) and returns what it printed. */
        static String output(NetCompare c, List<String> options, Object... args)
                throws IOException, InterruptedException {
            List<String> cmd = new ArrayList<>(List.of(c.java.toString()));
            cmd.addAll(options);
            cmd.addAll(List.of("-cp", c.classPath, NetLoad.class.getName()));
            for (Object a : args) {
                cmd.add(String.valueOf(a));
            }
            return finish(new ProcessBuilder(cmd).redirectErrorStream(true).start(), 300, String.join(" ", cmd));
        }

        static String wrk(Path wrk, int port, int connections, int seconds) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(
                            wrk.toString(),
                            "-t1",
                            "-c" + connections,
                            "-d" + seconds + "s",
                            "http://127.0.0.1:" + port + "/")
                    .redirectErrorStream(true)
                    .start();
            return finish(p, seconds + 60L, "wrk");
        }

        private static String finish(Process p, long timeoutSeconds, String what)
                throws IOException, InterruptedException {
            p.getOutputStream().close();
            byte[] bytes = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(what + " did not end within " + timeoutSeconds + " s");
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(what + " failed (" + p.exitValue() + "): " + text);
            }
            return text;
        }

        String readLine(String prefix) throws IOException {
            for (String line; (line = stdout.readLine()) != null; ) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            throw new IllegalStateException("the child JVM ended before printing '" + prefix + "'");
        }

        long heap() throws IOException {
            stdin.write("heap\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            return Long.parseLong(readLine("heap ").substring(5).trim());
        }

        /** Resident set size of the child (Linux), in bytes; 0 where /proc is missing. */
        long rss() throws IOException {
            Path status = Path.of("/proc/" + process.pid() + "/status");
            if (!Files.exists(status)) {
                return 0;
            }
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return 0;
        }

        @Override
        public void close() throws IOException {
            stdin.close();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
