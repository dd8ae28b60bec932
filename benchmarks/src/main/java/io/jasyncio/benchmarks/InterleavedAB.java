package io.jasyncio.benchmarks;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An A/B of two builds of the benchmarks jar on a busy machine: loads each jar in a class loader of
 * its own (so each has its own runtime), then runs the same benchmark method of A and of B in
 * turn, round after round, in one JVM, and prints the median time per operation of each.
 * Interleaving exposes both builds to the same load, which JMH's one benchmark after the other
 * cannot do when the machine is shared.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.jasyncio.benchmarks.InterleavedAB a.jar b.jar
 * [rounds] [benchmark...]}, a benchmark being {@code [Class#]method} (class default
 * {@code TaskBenchmarks}) or {@code a:b} to run method a of A against method b of B (two shapes
 * of one build: pass the same jar twice). Operations per call come from the method's
 * {@code @OperationsPerInvocation}.
 *
 * <p>{@code peer#workload[=n]} runs a workload of the comparison's jasyncio peer instead, as
 * {@code compare.sh} runs it (one {@code AsyncIO.run} per call): {@code peer#yieldSwitch},
 * {@code peer#spawnComplete}, {@code peer#futurePingpong} (operations: switches, tasks, round
 * trips; n defaults to the comparison's 10<sup>6</sup>), {@code peer#awaitChain} and
 * {@code peer#gatherFanout} (one operation per call; n defaults to 10<sup>4</sup>). Run one
 * workload per JVM, with the comparison's JVM options, to get its JIT profile. Each timed
 * slice lasts {@code -Dab.sliceMs} (default 200) milliseconds, after {@code -Dab.warmup} (default
 * 3) untimed rounds; the two builds take turns going first. {@code -Dab.clock=cpu} times the
 * thread's CPU time instead of the wall clock (the loop runs on the calling thread; GC threads
 * are not counted), which a machine shared with other processes disturbs much less. Printed per benchmark: the median
 * time per operation of A and of B and their ratio, the fastest round of each and their ratio
 * (what the code does when the machine lets it), and the median of the per-round ratios.
 */
public final class InterleavedAB {
    private static final long SLICE_NANOS = Long.getLong("ab.sliceMs", 200) * 1_000_000L;
    private static final int WARMUP_ROUNDS = Integer.getInteger("ab.warmup", 3);
    /** {@code -Dab.clock=cpu}: time the calling thread's CPU time, blind to the time other processes take the core. */
    private static final boolean CPU_CLOCK = "cpu".equals(System.getProperty("ab.clock"));

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private InterleavedAB() {}

    public static void main(String[] args) throws Exception {
        ClassLoader a = open(Path.of(args[0]));
        ClassLoader b = open(Path.of(args[1]));
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        List<String> names = args.length > 3
                ? Arrays.asList(args).subList(3, args.length)
                : List.of(
                        "resumeSuspendedTask",
                        "awaitDoneFuture",
                        "awaitCoroutineThatDoesNotSuspend",
                        "createTaskAndComplete",
                        "cancelParkedTask");
        System.out.printf(
                Locale.ROOT,
                "%-34s %12s %12s %8s %12s %12s %8s %8s%n",
                "benchmark (ns/op)",
                "A median",
                "B median",
                "B/A",
                "A min",
                "B min",
                "B/A min",
                "B/A rnd");
        for (String name : names) {
            String[] pair = name.split(":", 2);
            Object[] ra = open(a, pair[0]);
            Object[] rb = open(b, pair[pair.length - 1]);
            double[] ta = new double[rounds];
            double[] tb = new double[rounds];
            double[] ratio = new double[rounds];
            for (int r = -WARMUP_ROUNDS; r < rounds; r++) {
                // alternate which build goes first, so neither always runs right after the other's garbage
                double x;
                double y;
                if ((r & 1) == 0) {
                    x = time(ra);
                    y = time(rb);
                } else {
                    y = time(rb);
                    x = time(ra);
                }
                if (r >= 0) {
                    ta[r] = x;
                    tb[r] = y;
                    ratio[r] = y / x;
                }
            }
            double ma = median(ta);
            double mb = median(tb);
            double na = Arrays.stream(ta).min().orElseThrow();
            double nb = Arrays.stream(tb).min().orElseThrow();
            System.out.printf(
                    Locale.ROOT,
                    "%-34s %12.1f %12.1f %8.3f %12.1f %12.1f %8.3f %8.3f%n",
                    name,
                    ma,
                    mb,
                    mb / ma,
                    na,
                    nb,
                    nb / na,
                    median(ratio));
        }
    }

    private static ClassLoader open(Path jar) throws Exception {
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    /** {benchmark object (set up), its method, operations per call[, argument]} of a spec. */
    private static Object[] open(ClassLoader loader, String spec) throws Exception {
        if (spec.startsWith("peer#")) {
            return openPeer(loader, spec.substring("peer#".length()));
        }
        int hash = spec.indexOf('#');
        String cls = hash < 0 ? "TaskBenchmarks" : spec.substring(0, hash);
        Class<?> c = Class.forName(TaskBenchmarks.class.getPackageName() + "." + cls, true, loader);
        Object bench = c.getConstructor().newInstance();
        c.getMethod("setUp").invoke(bench);
        Method m = c.getMethod(spec.substring(hash + 1));
        int ops = 1;
        for (java.lang.annotation.Annotation an : m.getAnnotations()) {
            if (an.annotationType().getSimpleName().equals("OperationsPerInvocation")) {
                ops = (Integer) an.annotationType().getMethod("value").invoke(an);
            }
        }
        return new Object[] {bench, m, ops};
    }

    /** The comparison's jasyncio peer and one of its workloads, {@code name[=n]}. */
    private static Object[] openPeer(ClassLoader loader, String spec) throws Exception {
        int eq = spec.indexOf('=');
        String name = eq < 0 ? spec : spec.substring(0, eq);
        int n;
        int ops;
        switch (name) {
            case "yieldSwitch" -> {
                n = 1_000_000;
                ops = 2 * n;
            }
            case "spawnComplete", "futurePingpong" -> {
                n = 1_000_000;
                ops = n;
            }
            case "awaitChain", "gatherFanout" -> {
                n = 10_000;
                ops = 1;
            }
            default -> throw new IllegalArgumentException("unknown peer workload " + name);
        }
        if (eq >= 0) {
            int size = Integer.parseInt(spec.substring(eq + 1));
            ops = ops == 1 ? 1 : (int) ((long) ops * size / n);
            n = size;
        }
        Class<?> c = Class.forName(TaskBenchmarks.class.getPackageName() + ".compare.JasyncioPeer", true, loader);
        java.lang.reflect.Constructor<?> k = c.getDeclaredConstructor();
        k.setAccessible(true);
        Method m = c.getMethod(name, int.class);
        m.setAccessible(true);
        return new Object[] {k.newInstance(), m, ops, n};
    }

    /** Nanoseconds per operation over about one slice of calls. */
    private static double time(Object[] b) throws Exception {
        Method m = (Method) b[1];
        int ops = (Integer) b[2];
        Object[] args = b.length > 3 ? new Object[] {b[3]} : new Object[0];
        long t0 = System.nanoTime();
        long cpu0 = CPU_CLOCK ? THREADS.getCurrentThreadCpuTime() : 0;
        long calls = 0;
        long end = t0 + SLICE_NANOS;
        long now;
        do {
            m.invoke(b[0], args);
            calls++;
            now = System.nanoTime();
        } while (now < end);
        long spent = CPU_CLOCK ? THREADS.getCurrentThreadCpuTime() - cpu0 : now - t0;
        return spent / (double) (calls * ops);
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
