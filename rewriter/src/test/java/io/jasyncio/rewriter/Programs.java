package io.jasyncio.rewriter;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.rewriter.testkit.ClassSet;
import io.jasyncio.rewriter.testkit.CompileOptions;
import io.jasyncio.rewriter.testkit.JavaSource;
import io.jasyncio.rewriter.testkit.ReferenceSources;
import io.jasyncio.rewriter.testkit.RewrittenClasses;
import io.jasyncio.rewriter.testkit.RunOutcome;
import java.util.List;

/** Runs one program rewritten (real suspensions) and as its blocking twin, and compares the outcomes. */
final class Programs {
    private Programs() {}

    static final String HEADER = "import io.jasyncio.*;\nimport static io.jasyncio.AsyncIO.*;\n"
            + "import io.jasyncio.rewriter.testkit.Trace;\nimport java.util.*;\n";

    /** Asserts that {@code cls.main()} behaves the same rewritten and blocking, for every compiler option given. */
    static RunOutcome sameAsReference(JavaSource source, String cls, List<CompileOptions> optionsList) {
        RunOutcome last = null;
        for (CompileOptions options : optionsList) {
            RewrittenClasses rewritten = ClassSet.compile(options, source).rewrite();
            ClassSet verified = rewritten.verified();
            rewritten.assertIdempotentAndDeterministic();
            verified.loadAll();
            RunOutcome actual = verified.run(cls, "main");
            RunOutcome expected =
                    ClassSet.compile(options, ReferenceSources.blocking(source)).run(cls, "main");
            assertThat(actual)
                    .as("%s\n%s", options, RunOutcome.diff("rewritten", actual, "reference", expected))
                    .isEqualTo(expected);
            last = actual;
        }
        return last;
    }

    static RunOutcome sameAsReference(JavaSource source, String cls) {
        return sameAsReference(source, cls, CompileOptions.matrix());
    }

    static JavaSource source(String cls, String body) {
        return JavaSource.of(cls, HEADER + body);
    }
}
