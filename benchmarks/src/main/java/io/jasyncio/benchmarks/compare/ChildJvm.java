package io.jasyncio.benchmarks.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Starts one {@link PeerMain} in a JVM of its own and reads its RESULT line. */
final class ChildJvm {
    /**
     * The same for every peer: a fixed 4 GB heap (room for a million parked virtual threads, no
     * resizing noise), touched at start-up. Without pre-touching, the first pass of the
     * allocation pointer over memory G1 has not used yet page-faults: when G1 grows the young
     * generation in mid-run, a loop that allocates on every switch ran at 5-9 M switches/s for
     * seconds instead of 80 (measured on JDK 25), and which peer hits it depends on timing.
     * On Linux the heap uses transparent huge pages (madvise mode is enough): pre-touching 4 GB
     * of 4 KB pages took 4-10 s per JVM on this machine, of 2 MB pages 0.5 s.
     */
    static final List<String> COMMON_OPTIONS = commonOptions();

    private static List<String> commonOptions() {
        List<String> options = new ArrayList<>(List.of("-Xms4g", "-Xmx4g", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch"));
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            options.add("-XX:+UseTransparentHugePages");
        }
        return List.copyOf(options);
    }

    /**
     * Smoke runs (CI) prove the harness, not speed: a small heap, the serial collector and the
     * JIT's first tier only, so that each of their many short JVMs costs little CPU.
     */
    static final List<String> SMOKE_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** The cold mode's rule: a JVM as a user starts it, with nothing but the class path. */
    static final List<String> COLD_OPTIONS = List.of();

    /** The JVM options of every peer's JVM in a mode. */
    static List<String> options(boolean smoke, boolean cold) {
        return cold ? COLD_OPTIONS : smoke ? SMOKE_OPTIONS : COMMON_OPTIONS;
    }

    private final Path java;
    private final String classPath;
    private final long timeoutSeconds;

    private final List<String> options;
    /** The java of the peers that need a newer JDK than {@link #java} (virtual threads), or null. */
    private final Path newerJava;

    ChildJvm(Path java, String classPath, long timeoutSeconds, List<String> options, Path newerJava) {
        this.java = java;
        this.options = options;
        this.classPath = classPath;
        this.timeoutSeconds = timeoutSeconds;
        this.newerJava = newerJava;
    }

    ChildJvm(Path java, String classPath, long timeoutSeconds, boolean smoke) {
        this(java, classPath, timeoutSeconds, options(smoke, false), null);
    }

    /** The java that runs {@code peer}: {@link #newerJava} when this one is too old for it. */
    Path javaFor(PeerKind peer) {
        return newerJava != null && feature(version(java)) < peer.minJavaFeature ? newerJava : java;
    }

    /** The feature release in a {@code java -version} line ("... (build 17.0.15+6 ...)" is 17), or 0. */
    static int feature(String version) {
        Matcher m = Pattern.compile("build (\\d+)").matcher(version);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    RunResult run(PeerKind peer, String workload, String size, String warmupsOrTasks) {
        List<String> command = new ArrayList<>();
        command.add(javaFor(peer).toString());
        command.addAll(options);
        command.addAll(peer.jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(PeerMain.class.getName());
        command.add(peer.id);
        command.add(workload);
        command.add(size);
        command.add(warmupsOrTasks);
        Path out = null;
        try {
            out = Files.createTempFile("jasyncio-peer", ".out");
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            // If the comparison is interrupted (Ctrl-C), its child must not run on.
            Thread reaper = new Thread(p::destroyForcibly);
            Runtime.getRuntime().addShutdownHook(reaper);
            boolean finished;
            try {
                finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(reaper);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway
                }
            }
            if (!finished) {
                p.destroyForcibly().waitFor();
                return RunResult.failed("timeout (" + timeoutSeconds + " s)");
            }
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                RunResult r = RunResult.parse(lines.get(i));
                if (r != null) {
                    if (!r.ok()
                            && !r.status().startsWith("unsupported")
                            && !r.status().equals("StackOverflowError")) {
                        System.err.println(String.join("\n", lines));
                    }
                    return r;
                }
            }
            System.err.println(String.join("\n", lines));
            return RunResult.failed(
                    lines.stream().anyMatch(l -> l.contains("OutOfMemoryError"))
                            ? "OutOfMemoryError"
                            : "crashed (exit " + p.exitValue() + ")");
        } catch (IOException e) {
            return RunResult.failed("could not start " + java + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RunResult.failed("interrupted");
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    /**
     * Runs {@code mainClass} with this JVM's java and class path and returns its standard output
     * (standard error goes to ours), or a line saying why it failed.
     */
    String output(List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return "(" + mainClass + " failed" + (p.isAlive() ? "" : " with exit " + p.exitValue()) + ")\n";
            }
            return text;
        } catch (IOException e) {
            return "(could not start " + java + ": " + e.getMessage() + ")\n";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)\n";
        }
    }

    /** The "Runtime Environment" line of {@code java -version}, e.g. {@code OpenJDK Runtime Environment (build 17.0.15+6)}. */
    String version() {
        return version(java);
    }

    /** The "Runtime Environment" line of {@code java -version}, remembered per java. */
    static String version(Path java) {
        return VERSIONS.computeIfAbsent(java, ChildJvm::askVersion);
    }

    private static final Map<Path, String> VERSIONS = new ConcurrentHashMap<>();

    private static String askVersion(Path java) {
        try {
            Process p = new ProcessBuilder(java.toString(), "-version")
                    .redirectErrorStream(true)
                    .start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return text.lines()
                    .filter(l -> l.contains("Runtime Environment"))
                    .findFirst()
                    .orElse(text.lines().findFirst().orElse("?"))
                    .trim();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
