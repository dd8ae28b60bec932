package io.jasyncio.rewriter.generated;

import io.jasyncio.rewriter.differential.KnownRewriterBugs;
import io.jasyncio.rewriter.testkit.ClassSet;
import io.jasyncio.rewriter.testkit.CompileOptions;
import io.jasyncio.rewriter.testkit.JavaSource;
import io.jasyncio.rewriter.testkit.ReferenceSources;
import io.jasyncio.rewriter.testkit.RewrittenClasses;
import io.jasyncio.rewriter.testkit.RunOutcome;
import java.util.List;
import java.util.function.Predicate;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

/**
 * The generator: random {@code @Async} methods ({@link ProgramGenerator}) are compiled in
 * batches, rewritten, verified, run on the real loop, and compared with the blocking reference
 * twin of the same source.
 *
 * <p>A CI run is 50 tries of {@value #DEFAULT_METHODS_PER_TRY} methods: 500 generated methods,
 * fixed seed. For a longer local run raise the batch size, e.g. 20,000 methods:
 * <pre>mvn -pl rewriter -am test -Dtest=GeneratedMethodsTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Djasyncio.generated.methodsPerTry=400</pre>
 * and change {@code seed} below (or delete it for a random one: jqwik prints the seed it used)
 * to explore further. A failure shows the smallest failing program jqwik's shrinking found,
 * with its diagnostics and the trace diff.
 */
class GeneratedMethodsTest {
    static final int DEFAULT_METHODS_PER_TRY = 10;
    static final int METHODS_PER_TRY = Integer.getInteger("jasyncio.generated.methodsPerTry", DEFAULT_METHODS_PER_TRY);

    @Provide
    Arbitrary<List<List<Integer>>> batches() {
        return Arbitraries.integers()
                .between(0, 9_999)
                .list()
                .ofMinSize(20)
                .ofMaxSize(400)
                .list()
                .ofSize(METHODS_PER_TRY);
    }

    @Provide
    Arbitrary<CompileOptions> targets() {
        List<CompileOptions> all = new java.util.ArrayList<>(List.of(
                CompileOptions.javac(8),
                CompileOptions.javac(8).withDebug(false),
                CompileOptions.javac(17),
                CompileOptions.javac(17).withDebug(false).withParameters(true),
                CompileOptions.ecj(8),
                CompileOptions.ecj(17).withDebug(false)));
        if (Runtime.version().feature() >= 21) {
            all.add(CompileOptions.javac(21)
                    .withDebug(false)); // class files v65: how javac 21+ spills switch expressions
        }
        return Arbitraries.of(all);
    }

    @Property(
            tries = 50,
            seed = "20261124",
            shrinking = ShrinkingMode.BOUNDED,
            afterFailure = AfterFailureMode.PREVIOUS_SEED)
    void rewrittenMethodsBehaveLikeTheirBlockingReference(
            @ForAll("batches") List<List<Integer>> choices, @ForAll("targets") CompileOptions options) {
        GeneratedBatch batch = new GeneratedBatch(choices, options.release());
        RewrittenClasses rewritten = ClassSet.compile(options, batch.sources()).rewrite();
        ClassSet reference =
                ClassSet.compile(CompileOptions.javac(17).withDebug(false), ReferenceSources.blocking(batch.sources()));
        rewritten.verified(n -> n.startsWith("c/Sup") || n.startsWith("g/Gen")); // once per batch
        for (JavaSource program : batch.programs) {
            String self = GeneratedBatch.internalName(program);
            Predicate<String> mine = n -> n.equals(self) || n.startsWith(self + "$");
            RunOutcome expected = reference.run(program.className(), "main");
            try {
                RunOutcome actual = rewritten.verified(mine).run(program.className(), "main");
                if (!actual.equals(expected)) {
                    throw new AssertionError("generated program " + program.className() + " compiled with " + options
                            + " behaves differently once rewritten\n"
                            + RunOutcome.diff("rewritten", actual, "reference", expected) + "\ndiagnostics:\n"
                            + rewritten.describeDiagnostics(mine) + "\n" + program.numbered());
                }
                Statistics.collect("passed");
            } catch (AssertionError | LinkageError e) {
                // A bug already reported (and reproduced by the corpus) is counted, not failed on,
                // so that the other programs of the batch keep testing everything else.
                String known = KnownRewriterBugs.recognise(e);
                if (known == null) {
                    throw e;
                }
                Statistics.collect("known rewriter bug: " + known);
            }
        }
    }
}
