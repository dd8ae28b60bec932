package io.jasyncio.rewriter.testkit;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a test program into its reference twin: every {@code io.jasyncio.X} name (imports
 * included) points to the blocking stand-in package instead, so the same source compiles to
 * plain Java that the rewriter leaves alone.
 */
public final class ReferenceSources {
    public static final String BLOCKING_PACKAGE = "io.jasyncio.rewriter.testkit.blocking";
    private static final Pattern RUNTIME_NAME = Pattern.compile("\\bio\\.jasyncio\\.(?=[A-Z*])");

    private ReferenceSources() {}

    public static JavaSource blocking(JavaSource source) {
        return new JavaSource(
                source.className(), RUNTIME_NAME.matcher(source.code()).replaceAll(BLOCKING_PACKAGE + "."));
    }

    public static List<JavaSource> blocking(List<JavaSource> sources) {
        return sources.stream().map(ReferenceSources::blocking).collect(Collectors.toList());
    }
}
