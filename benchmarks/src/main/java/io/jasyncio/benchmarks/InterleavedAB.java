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
 */
public final class InterleavedAB {
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
        System.out.printf(Locale.ROOT, "%-34s %12s %12s %8s%n", "benchmark (ns/op, median)", "A", "B", "B/A");
        for (String name : names) {
            String[] pair = name.split(":", 2);
            Object[] ra = open(a, pair[0]);
            Object[] rb = open(b, pair[pair.length - 1]);
            double[] ta = new double[rounds];
            double[] tb = new double[rounds];
            for (int r = -3; r < rounds; r++) { // three rounds of warm-up
                double x = time(ra);
                double y = time(rb);
                if (r >= 0) {
                    ta[r] = x;
                    tb[r] = y;
                }
            }
            double ma = median(ta);
            double mb = median(tb);
            System.out.printf(Locale.ROOT, "%-34s %12.1f %12.1f %8.3f%n", name, ma, mb, mb / ma);
        }
    }

    private static ClassLoader open(Path jar) throws Exception {
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    /** {benchmark object (set up), its method, operations per call} of {@code [Class#]method}. */
    private static Object[] open(ClassLoader loader, String spec) throws Exception {
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

    /** Nanoseconds per operation over about 200 ms of calls. */
    private static double time(Object[] b) throws Exception {
        Method m = (Method) b[1];
        int ops = (Integer) b[2];
        long t0 = System.nanoTime();
        long calls = 0;
        long end = t0 + 200_000_000L;
        long now;
        do {
            m.invoke(b[0]);
            calls++;
            now = System.nanoTime();
        } while (now < end);
        return (now - t0) / (double) (calls * ops);
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
