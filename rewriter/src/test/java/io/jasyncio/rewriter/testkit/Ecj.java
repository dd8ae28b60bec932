package io.jasyncio.rewriter.testkit;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jdt.core.compiler.batch.BatchCompiler;

/**
 * The Eclipse compiler (ecj), through its batch entry point on a scratch directory: its
 * javax.tools face does not support every in-memory file manager, a directory always works.
 */
final class Ecj {
    private Ecj() {}

    static Map<String, byte[]> compile(CompileOptions options, List<JavaSource> sources) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("jasyncio-ecj");
            Path src = dir.resolve("src");
            Path out = dir.resolve("out");
            List<String> args = new ArrayList<>(List.of(
                    "--release",
                    Integer.toString(options.release()),
                    options.debug() ? "-g" : "-g:none",
                    "-proc:none",
                    "-nowarn",
                    "-encoding",
                    "UTF-8",
                    "-classpath",
                    TestClassPath.joined(),
                    "-d",
                    out.toString()));
            if (options.parameters()) {
                args.add("-parameters");
            }
            for (JavaSource s : sources) {
                Path file = src.resolve(s.path());
                Files.createDirectories(file.getParent());
                Files.writeString(file, s.code());
                args.add(file.toString());
            }
            StringWriter log = new StringWriter();
            boolean ok = BatchCompiler.compile(
                    args.toArray(String[]::new), new PrintWriter(log), new PrintWriter(log), null);
            if (!ok) {
                throw new CompilationFailed(options, log.toString(), sources);
            }
            Map<String, byte[]> classes = new TreeMap<>();
            try (Stream<Path> walk = Files.walk(out)) {
                for (Path p : (Iterable<Path>) walk.filter(f -> f.toString().endsWith(".class"))::iterator) {
                    String name = out.relativize(p).toString().replace('\\', '/');
                    classes.put(name.substring(0, name.length() - ".class".length()), Files.readAllBytes(p));
                }
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a scratch directory left behind in /tmp is harmless
        }
    }
}
