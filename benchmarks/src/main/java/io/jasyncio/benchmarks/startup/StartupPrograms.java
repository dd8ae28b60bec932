package io.jasyncio.benchmarks.startup;

import io.jasyncio.benchmarks.Javac;
import io.jasyncio.rewriter.ClassBytesHierarchy;
import io.jasyncio.rewriter.RewriteResult;
import io.jasyncio.rewriter.Rewriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * The programs the start-up benchmark runs, generated as source and compiled by javac into a
 * work directory: a hello-world {@code @Async} program, once as javac left it (for the agent) and
 * once rewritten as the Maven plugin rewrites it, and a jar of plain classes with a main that
 * loads a given number of them. Each program prints {@code END <epoch nanoseconds>} as the last
 * thing its {@code main} does, and the CPU time used until then.
 */
final class StartupPrograms {
    static final String HELLO = "hello.Hello";
    static final String HELLO_OUTPUT = "hello, world";
    static final String LOAD_ALL = "many.LoadAll";

    /**
     * The last statements of each {@code main}: the wall-clock time, then the CPU time the process
     * has used so far, all threads and the JIT compiler threads alone (clock ticks, from /proc;
     * -1 elsewhere). JIT compilation runs beside the program on other cores, so the CPU time
     * without it is what a start-up on an idle machine waits for.
     */
    private static final String END = "java.time.Instant end = java.time.Instant.now();\n"
            + "    long cpu = -1;\n"
            + "    long jit = -1;\n"
            + "    try {\n"
            + "      cpu = ticks(java.nio.file.Path.of(\"/proc/self/stat\"), false);\n"
            + "      jit = 0;\n"
            + "      try (var tasks = java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of(\"/proc/self/task\"))) {\n"
            + "        for (java.nio.file.Path task : tasks) {\n"
            + "          jit += ticks(task.resolve(\"stat\"), true);\n"
            + "        }\n"
            + "      }\n"
            + "    } catch (Exception notLinux) {\n"
            + "    }\n"
            + "    System.out.println(\"END \" + (end.getEpochSecond() * 1_000_000_000L + end.getNano()) + \" \" + cpu"
            + " + \" \" + jit);\n"
            + "  }\n"
            + "  static long ticks(java.nio.file.Path stat, boolean jitOnly) throws java.io.IOException {\n"
            + "    String s = new String(java.nio.file.Files.readAllBytes(stat));\n"
            + "    if (jitOnly && !s.substring(s.indexOf('(') + 1, s.lastIndexOf(')')).contains(\"CompilerThre\")) {\n"
            + "      return 0;\n"
            + "    }\n"
            + "    String[] f = s.substring(s.lastIndexOf(')') + 2).split(\" \");\n"
            + "    return Long.parseLong(f[11]) + Long.parseLong(f[12]);\n";

    private final Path work;
    private final Path runtime;

    /**
     * @param work    where the programs are written (reused when already there)
     * @param runtime the jasyncio runtime (classes directory or jar) the programs run against
     */
    StartupPrograms(Path work, Path runtime) {
        this.work = work;
        this.runtime = runtime;
    }

    /** The hello-world program as javac compiled it: only an agent makes its awaits work. */
    Path helloPlain() {
        return work.resolve("hello-plain-" + stamp(helloSource()));
    }

    /** The same classes after the rewriter, byte for byte what the Maven plugin writes. */
    Path helloRewritten() {
        return work.resolve("hello-rewritten-" + stamp(helloSource()));
    }

    /** {@code many.LoadAll} and {@code classes} plain classes {@code many.P0...}, in one jar. */
    Path manyJar(int classes) {
        return work.resolve("many-" + classes + "-" + stamp(loadAllSource() + plainSource(0)) + ".jar");
    }

    void prepare(int classes) throws IOException {
        Files.createDirectories(work);
        if (!Files.isDirectory(helloRewritten())) {
            Map<String, byte[]> plain = Javac.compile(Map.of(HELLO, helloSource()), runtime.toString());
            write(helloPlain(), plain);
            Rewriter rewriter = new Rewriter(new Hierarchy(plain, runtime));
            Map<String, byte[]> rewritten = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> e : plain.entrySet()) {
                RewriteResult r = rewriter.rewrite(e.getValue());
                if (r.hasErrors()) {
                    throw new IllegalStateException("the rewriter refused " + e.getKey() + ": " + r.diagnostics());
                }
                rewritten.put(e.getKey(), r.bytes());
            }
            write(helloRewritten(), rewritten);
        }
        Path jar = manyJar(classes);
        if (!Files.isRegularFile(jar)) {
            Map<String, String> sources = new LinkedHashMap<>();
            sources.put(LOAD_ALL, loadAllSource());
            for (int i = 0; i < classes; i++) {
                sources.put("many.P" + i, plainSource(i));
            }
            Map<String, byte[]> compiled = Javac.compile(sources, runtime.toString());
            Path tmp = Files.createTempFile(work, "many", ".jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp))) {
                for (Map.Entry<String, byte[]> e : compiled.entrySet()) {
                    out.putNextEntry(new JarEntry(e.getKey() + ".class"));
                    out.write(e.getValue());
                    out.closeEntry();
                }
            }
            Files.move(tmp, jar);
        }
    }

    /** Names the generated files after their sources, so that a changed generator never reuses stale ones. */
    private static String stamp(String source) {
        return Integer.toHexString(source.hashCode());
    }

    private static void write(Path dir, Map<String, byte[]> classes) throws IOException {
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            Path file = dir.resolve(e.getKey() + ".class");
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(e.getValue());
            }
        }
    }

    static String helloSource() {
        return "package hello;\n"
                + "import io.jasyncio.Async;\nimport io.jasyncio.Coroutine;\nimport static io.jasyncio.AsyncIO.*;\n"
                + "public class Hello {\n"
                + "  @Async static Coroutine<String> greet(String who) { await(sleep(0)); return done(\"hello, \" + who); }\n"
                + "  @Async static Coroutine<Void> main() { System.out.println(await(greet(\"world\"))); return done(); }\n"
                + "  public static void main(String[] args) {\n"
                + "    run(main());\n"
                + "    " + END
                + "  }\n"
                + "}\n";
    }

    /** Loads (and initialises) {@code many.P0} to {@code many.P<n-1>}, n the first argument. */
    static String loadAllSource() {
        return "package many;\n"
                + "public class LoadAll {\n"
                + "  public static void main(String[] args) throws Exception {\n"
                + "    int n = Integer.parseInt(args[0]);\n"
                + "    ClassLoader loader = LoadAll.class.getClassLoader();\n"
                + "    int sum = 0;\n"
                + "    for (int i = 0; i < n; i++) {\n"
                + "      sum += Class.forName(\"many.P\" + i, true, loader).getName().length();\n"
                + "    }\n"
                + "    System.out.println(\"loaded \" + n + \" classes (\" + sum + \")\");\n"
                + "    " + END
                + "  }\n"
                + "}\n";
    }

    /** An ordinary class, nothing to do with jasyncio: fields, a static initialiser, a few methods. */
    static String plainSource(int i) {
        return "package many;\n"
                + "import java.util.List;\n"
                + "public class P" + i + " implements Comparable<P" + i + "> {\n"
                + "  static final List<String> NAMES = List.of(\"a" + i + "\", \"b" + i + "\");\n"
                + "  private final String name;\n"
                + "  private int count;\n"
                + "  public P" + i + "(String name) { this.name = name; }\n"
                + "  public int next() { return count++ + name.length(); }\n"
                + "  public String describe(Object other) {\n"
                + "    StringBuilder s = new StringBuilder(name);\n"
                + "    for (String n : NAMES) { if (n.equals(other)) s.append(':').append(n); }\n"
                + "    return s.toString();\n"
                + "  }\n"
                + "  @Override public int compareTo(P" + i + " o) { return Integer.compare(count, o.count); }\n"
                + "  @Override public String toString() { return \"P" + i + "(\" + name + \", \" + count + \")\"; }\n"
                + "}\n";
    }

    /** Super types from the compiled classes, the runtime, and the JDK: as the plugin reads them. */
    private static final class Hierarchy extends ClassBytesHierarchy {
        private final Map<String, byte[]> compiled;
        private final Path runtime;

        Hierarchy(Map<String, byte[]> compiled, Path runtime) {
            this.compiled = compiled;
            this.runtime = runtime;
        }

        @Override
        protected byte[] classBytes(String resource) throws IOException {
            byte[] own = compiled.get(resource.substring(0, resource.length() - ".class".length()));
            if (own != null) {
                return own;
            }
            if (Files.isDirectory(runtime) && Files.isRegularFile(runtime.resolve(resource))) {
                return Files.readAllBytes(runtime.resolve(resource));
            }
            try (var in = ClassLoader.getSystemResourceAsStream(resource)) {
                return in == null ? null : in.readAllBytes();
            }
        }
    }
}
