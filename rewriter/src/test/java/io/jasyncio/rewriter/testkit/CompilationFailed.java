package io.jasyncio.rewriter.testkit;

import java.util.List;
import java.util.stream.Collectors;

/** A test source did not compile: shows the compiler's messages and the numbered sources. */
public final class CompilationFailed extends AssertionError {
    private static final long serialVersionUID = 1L;

    CompilationFailed(CompileOptions options, String messages, List<JavaSource> sources) {
        super("compilation failed with " + options + ":\n" + messages + "\n"
                + sources.stream().map(JavaSource::numbered).collect(Collectors.joining("\n")));
    }
}
