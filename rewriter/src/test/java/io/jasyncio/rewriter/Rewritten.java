package io.jasyncio.rewriter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/** Compiles one source, rewrites every class, checks each output with CheckClassAdapter, loads them. */
final class Rewritten extends ClassLoader {
    final Map<String, byte[]> original;
    final Map<String, byte[]> classes = new TreeMap<>();
    final Map<String, List<Diagnostic>> diagnostics = new TreeMap<>();

    private Rewritten(Map<String, byte[]> original) {
        super(Rewritten.class.getClassLoader());
        this.original = original;
    }

    static Rewritten of(String className, String source, String... javacOptions) {
        Map<String, byte[]> compiled = Compiler.compile(className, source, javacOptions);
        Rewritten r = new Rewritten(compiled);
        Rewriter rewriter = new Rewriter(new TestHierarchy(compiled));
        compiled.forEach((name, bytes) -> {
            RewriteResult result = rewriter.rewrite(bytes);
            r.diagnostics.put(name, result.diagnostics());
            if (result.bytes() != null) {
                r.classes.put(name, result.bytes());
            }
        });
        return r;
    }

    /** Asserts no diagnostics and that every class passes CheckClassAdapter. */
    Rewritten clean() {
        diagnostics.forEach((name, d) -> assertThat(d).as(name).isEmpty());
        classes.forEach((name, bytes) -> assertThat(verify(bytes, this)).as(name).isEmpty());
        return this;
    }

    static String verify(byte[] bytes, ClassLoader loader) {
        StringWriter sw = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(bytes), loader, false, new PrintWriter(sw));
        return sw.toString();
    }

    /** Writes the rewritten classes to a directory (for javap while debugging). */
    Rewritten dump(String dir) {
        classes.forEach((name, bytes) -> {
            try {
                java.nio.file.Path p = java.nio.file.Path.of(dir, name.replace('.', '/') + ".class");
                java.nio.file.Files.createDirectories(p.getParent());
                java.nio.file.Files.write(p, bytes);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return this;
    }

    Class<?> load(String name) {
        try {
            return loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = classes.get(name);
        if (b == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, b, 0, b.length);
    }
}
