package io.jasyncio.rewriter.testkit;

import java.util.Objects;

/**
 * One compilation unit given as text.
 *
 * @param className binary name of its top-level class, e.g. {@code p.Hello}
 * @param code      the Java source
 */
public record JavaSource(String className, String code) {
    public JavaSource {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(code, "code");
    }

    public static JavaSource of(String className, String code) {
        return new JavaSource(className, code);
    }

    /** Path relative to a source root, e.g. {@code p/Hello.java}. */
    public String path() {
        return className.replace('.', '/') + ".java";
    }

    /** The source with line numbers, for failure messages. */
    public String numbered() {
        StringBuilder sb = new StringBuilder("// ").append(path()).append('\n');
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            sb.append(String.format("%4d  %s%n", i + 1, lines[i]));
        }
        return sb.toString();
    }
}
