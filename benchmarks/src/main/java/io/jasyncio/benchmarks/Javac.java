package io.jasyncio.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/** javac in memory: generated sources in, class files out (never rewritten). */
public final class Javac {
    private Javac() {}

    /**
     * Compiles {@code sources} (binary class name to source text) for {@code --release 17}, with
     * debug info and no annotation processing.
     *
     * @param classPath what the sources compile against
     * @return internal class name (e.g. {@code gen/Gen0}) to class file bytes, in javac's order
     */
    public static Map<String, byte[]> compile(Map<String, String> sources, String classPath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run on a JDK, not a JRE");
        }
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(
                new SimpleJavaFileObject(
                        URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return text;
                    }
                }));
        Map<String, ByteArrayOutputStream> out = new LinkedHashMap<>();
        JavaFileManager files = new ForwardingJavaFileManager<>(javac.getStandardFileManager(null, null, null)) {
            @Override
            public JavaFileObject getJavaFileForOutput(
                    Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return out.computeIfAbsent(className.replace('.', '/'), k -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        List<String> options = List.of("-classpath", classPath, "--release", "17", "-g", "-proc:none");
        StringWriter errors = new StringWriter();
        boolean ok = javac.getTask(
                        errors, files, d -> errors.append(String.valueOf(d)).append('\n'), options, null, units)
                .call();
        if (!ok) {
            throw new IllegalStateException("generated sources did not compile:\n" + errors);
        }
        Map<String, byte[]> result = new LinkedHashMap<>();
        out.forEach((k, v) -> result.put(k, v.toByteArray()));
        return result;
    }
}
