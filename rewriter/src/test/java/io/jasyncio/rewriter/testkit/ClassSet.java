package io.jasyncio.rewriter.testkit;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Class files (internal name to bytes) compiled from some sources, kept together with the
 * sources and options for failure messages.
 */
public final class ClassSet {
    private final Map<String, byte[]> classes;
    private final List<JavaSource> sources;
    private final CompileOptions options;

    ClassSet(Map<String, byte[]> classes, List<JavaSource> sources, CompileOptions options) {
        this.classes = Collections.unmodifiableMap(new TreeMap<>(classes));
        this.sources = List.copyOf(sources);
        this.options = options;
    }

    /** Compiles {@code sources} together (one compiler run), failing with the messages and sources. */
    public static ClassSet compile(CompileOptions options, List<JavaSource> sources) {
        Map<String, byte[]> classes = options.compiler() == CompileOptions.Compiler.ECJ
                ? Ecj.compile(options, sources)
                : Javac.compile(options, sources);
        return new ClassSet(classes, sources, options);
    }

    public static ClassSet compile(CompileOptions options, JavaSource... sources) {
        return compile(options, List.of(sources));
    }

    /** Internal names, e.g. {@code p/Hello$1}. */
    public Set<String> names() {
        return classes.keySet();
    }

    public byte[] bytes(String internalName) {
        byte[] b = classes.get(internalName);
        if (b == null) {
            throw new IllegalArgumentException("no class " + internalName + " in " + names());
        }
        return b.clone();
    }

    public Map<String, byte[]> asMap() {
        return classes;
    }

    public List<JavaSource> sources() {
        return sources;
    }

    public CompileOptions options() {
        return options;
    }

    /** Rewrites every class with a hierarchy read from this set plus the test class path. */
    public RewrittenClasses rewrite() {
        return RewrittenClasses.of(this);
    }

    /** The same sources and options with these class files instead (e.g. rewritten ones). */
    public ClassSet withClasses(Map<String, byte[]> replaced) {
        return new ClassSet(replaced, sources, options);
    }

    /** A fresh class loader defining exactly these classes (child first), parent: the test loader. */
    public ClassLoader newLoader() {
        return new ChildFirstClassLoader(classes, ClassSet.class.getClassLoader());
    }

    /** Loads and initializes every class in a fresh loader (so the JVM verifies each of them). */
    public ClassLoader loadAll() {
        ClassLoader loader = newLoader();
        for (String name : names()) {
            try {
                Class.forName(name.replace('/', '.'), true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new AssertionError(
                        "the JVM refuses " + name + " (" + options + "): " + e + "\n" + describeSources(), e);
            }
        }
        return loader;
    }

    /** Runs {@code className.method()} (static, no arguments) in a fresh loader; see {@link Runs}. */
    public RunOutcome run(String className, String method) {
        return Runs.run(newLoader(), className, method);
    }

    public String describeSources() {
        return sources.stream().map(JavaSource::numbered).collect(Collectors.joining("\n"));
    }
}
