package io.jasyncio.rewriter.testkit;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/** javac through javax.tools, sources and classes in memory. */
final class Javac {
    private static final JavaCompiler COMPILER = ToolProvider.getSystemJavaCompiler();

    private static StandardJavaFileManager standard;

    private Javac() {}

    /** One file manager for every run: it keeps the class path's jars open and indexed. */
    private static synchronized StandardJavaFileManager standard() {
        if (standard == null) {
            standard = COMPILER.getStandardFileManager(null, Locale.ROOT, null);
            try {
                standard.setLocation(
                        StandardLocation.CLASS_PATH,
                        TestClassPath.forPrograms().stream().map(File::new).collect(Collectors.toList()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return standard;
    }

    static Map<String, byte[]> compile(CompileOptions options, List<JavaSource> sources) {
        if (COMPILER == null) {
            throw new IllegalStateException("no system Java compiler: the tests need a JDK, not a JRE");
        }
        List<String> args = new ArrayList<>(List.of(
                "--release",
                Integer.toString(options.release()),
                options.debug() ? "-g" : "-g:none",
                "-proc:none",
                "-Xlint:-options",
                "-nowarn"));
        if (options.parameters()) {
            args.add("-parameters");
        }
        List<JavaFileObject> units = new ArrayList<>();
        for (JavaSource s : sources) {
            units.add(new SimpleJavaFileObject(URI.create("string:///" + s.path()), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return s.code();
                }
            });
        }
        Map<String, ByteArrayOutputStream> out = new TreeMap<>();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileManager files = new ForwardingJavaFileManager<>(standard()) {
            @Override
            public JavaFileObject getJavaFileForOutput(
                    Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
                return new SimpleJavaFileObject(
                        URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        out.put(className.replace('.', '/'), bytes);
                        return bytes;
                    }
                };
            }
        };
        StringWriter log = new StringWriter();
        boolean ok;
        synchronized (Javac.class) {
            ok = COMPILER.getTask(log, files, diagnostics, args, null, units).call();
        }
        if (!ok) {
            StringBuilder messages = new StringBuilder(log.toString());
            diagnostics
                    .getDiagnostics()
                    .forEach(d -> messages.append(d.getKind())
                            .append(' ')
                            .append(
                                    d.getSource() == null
                                            ? ""
                                            : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
                            .append(d.getMessage(Locale.ROOT))
                            .append('\n'));
            throw new CompilationFailed(options, messages.toString(), sources);
        }
        Map<String, byte[]> classes = new TreeMap<>();
        out.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }
}
