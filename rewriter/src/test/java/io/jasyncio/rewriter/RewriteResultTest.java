package io.jasyncio.rewriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.rewriter.RewriteResult.Status;
import io.jasyncio.rewriter.testkit.ClassPathHierarchy;
import io.jasyncio.rewriter.testkit.ClassSet;
import io.jasyncio.rewriter.testkit.CompileOptions;
import io.jasyncio.rewriter.testkit.JavaSource;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link Rewriter#rewrite} as the agent and the Maven plugin both use it: one status per class,
 * the marker of an earlier rewrite recognised without parsing, every failure of the rewriter
 * itself turned into an error diagnostic, diagnostics in source order.
 */
class RewriteResultTest {
    /** Needs the type hierarchy: an Integer and a Long merge into a Number across an await. */
    static final JavaSource MERGE = Programs.source(
            "Merge",
            ""
                    + "public class Merge {\n"
                    + "  @Async static Coroutine<Integer> v(int x) { return done(x); }\n"
                    + "  @Async static Coroutine<String> f(boolean b) {\n"
                    + "    Number n = b ? (Number) Integer.valueOf(1) : (Number) Long.valueOf(2);\n"
                    + "    int k = await(v(3));\n"
                    + "    return done(n + \"/\" + k);\n"
                    + "  }\n"
                    + "}\n");

    static final JavaSource PLAIN = Programs.source("Plain", "public class Plain { int x() { return 1; } }\n");

    @Test
    void eachClassGetsOneStatusAndTheBytesThatGoWithIt() {
        ClassSet set = ClassSet.compile(CompileOptions.javac(17), MERGE, PLAIN, DiagnosticsTest.BAD);
        Rewriter rewriter = new Rewriter(new ClassPathHierarchy(set.asMap()));

        byte[] plainBytes = set.bytes("Plain");
        RewriteResult plain = rewriter.rewrite(plainBytes);
        assertThat(plain.status()).isEqualTo(Status.UNCHANGED);
        assertThat(plain.bytes()).isSameAs(plainBytes);
        assertThat(plain.diagnostics()).isEmpty();

        RewriteResult merge = rewriter.rewrite(set.bytes("Merge"));
        assertThat(merge.status()).isEqualTo(Status.REWRITTEN);
        assertThat(merge.changed()).isTrue();
        assertThat(merge.hasErrors()).isFalse();

        RewriteResult again = rewriter.rewrite(merge.bytes());
        assertThat(again.status()).as("the plugin's output under the agent").isEqualTo(Status.ALREADY_REWRITTEN);
        assertThat(again.bytes()).isSameAs(merge.bytes());
        assertThat(again.changed()).isFalse();

        RewriteResult bad = rewriter.rewrite(set.bytes("Bad"));
        assertThat(bad.status()).isEqualTo(Status.FAILED);
        assertThat(bad.bytes()).isNull();
        assertThat(bad.hasErrors()).isTrue();
    }

    @Test
    void diagnosticsComeInSourceOrderWholeClassProblemsFirst() {
        for (CompileOptions options : List.of(CompileOptions.javac(17), CompileOptions.ecj(17))) {
            ClassSet set = ClassSet.compile(options, DiagnosticsTest.BAD);
            List<Diagnostic> diagnostics = new Rewriter(new ClassPathHierarchy(set.asMap()))
                    .rewrite(set.bytes("Bad"))
                    .diagnostics();
            assertThat(diagnostics).hasSize(8); // the errors DiagnosticsTest expects of BAD
            assertThat(diagnostics).isSortedAccordingTo(Comparator.comparingInt(d -> Math.max(d.line(), 0)));
            assertThat(diagnostics.get(0).line()).isEqualTo(-1);
        }
    }

    /**
     * Errors, which no layer of the rewriter catches on the way (an exception thrown while frames
     * are analysed is already a diagnostic of the method), reach the caller as a diagnostic too.
     */
    @Test
    void aFailureOfTheRewriterItselfIsAnInternalErrorNamingTheClass() {
        ClassSet set = ClassSet.compile(CompileOptions.javac(17), MERGE);
        List<Supplier<Throwable>> failures =
                List.of(() -> new NoClassDefFoundError("org/example/Missing"), StackOverflowError::new);
        for (Supplier<Throwable> failure : failures) {
            RewriteResult result = new Rewriter(new Throwing(failure)).rewrite(set.bytes("Merge"));
            assertThat(result.status()).isEqualTo(Status.FAILED);
            assertThat(result.bytes()).isNull();
            assertThat(result.diagnostics()).singleElement().satisfies(d -> {
                assertThat(d.severity()).isEqualTo(Diagnostic.Severity.ERROR);
                assertThat(d.className()).isEqualTo("Merge");
                assertThat(d.message())
                        .startsWith("internal rewriter error (please report it): "
                                + failure.get().getClass().getName());
            });
        }
    }

    @Test
    void aResultMustNotContradictItself() {
        Diagnostic error = new Diagnostic(Diagnostic.Severity.ERROR, "X", null, null, -1, "no");
        Diagnostic warning = new Diagnostic(Diagnostic.Severity.WARNING, "X", null, null, -1, "hm");
        assertThatThrownBy(() -> new RewriteResult(Status.FAILED, null, List.of(warning)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RewriteResult(Status.UNCHANGED, new byte[0], List.of(error)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RewriteResult(Status.REWRITTEN, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new RewriteResult(Status.UNCHANGED, new byte[0], List.of(warning)).hasErrors())
                .isFalse();
    }

    /** A hierarchy whose every answer fails: a bug anywhere under the rewriter. */
    private record Throwing(Supplier<Throwable> failure) implements TypeHierarchy {
        @Override
        public String superName(String internalName) {
            throw sneaky(failure.get());
        }

        @Override
        public boolean isInterface(String internalName) {
            throw sneaky(failure.get());
        }

        @SuppressWarnings("unchecked")
        private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
            throw (E) t;
        }
    }
}
