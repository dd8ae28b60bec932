package io.jasyncio.rewriter.differential;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.jasyncio.rewriter.testkit.ClassSet;
import io.jasyncio.rewriter.testkit.CompileOptions;
import io.jasyncio.rewriter.testkit.JavaSource;
import io.jasyncio.rewriter.testkit.ReferenceSources;
import io.jasyncio.rewriter.testkit.RewrittenClasses;
import io.jasyncio.rewriter.testkit.RunOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The differential suite: every corpus program, compiled by each compiler/release/debug
 * combination of {@link CompileOptions#matrix()}, is rewritten, verified, loaded in a fresh
 * loader (the JVM verifies it: surefire runs with -Xverify:all) and run on the real event loop
 * with awaits that really suspend; its trace must equal the trace of the same source compiled
 * against the blocking stand-in, where {@code await} just returns the value.
 */
class DifferentialCorpusTest {
    private static final List<CorpusCase> CASES = Corpus.all();
    private static final Map<String, RunOutcome> REFERENCE = new ConcurrentHashMap<>();
    private static volatile ClassSet referenceClasses;

    @TestFactory
    Stream<DynamicNode> corpus() {
        return CompileOptions.matrix().stream().map(options -> {
            Batch batch = new Batch(options);
            List<DynamicNode> tests = new ArrayList<>();
            for (CorpusCase c : CASES) {
                if (c.minRelease() <= options.release()) {
                    tests.add(dynamicTest(c.name(), () -> check(batch, c)));
                }
            }
            tests.add(dynamicTest(
                    "rewriting is idempotent and deterministic",
                    () -> batch.rewritten().assertIdempotentAndDeterministic()));
            return dynamicContainer(options.toString(), tests);
        });
    }

    private static void check(Batch batch, CorpusCase c) {
        String bug = KnownRewriterBugs.BUGS.get(c.name());
        if (bug == null) {
            compare(batch, c);
            return;
        }
        try {
            compare(batch, c);
        } catch (AssertionError | LinkageError e) {
            Assumptions.abort("known rewriter bug, reported: " + bug + "\n" + e);
        }
        throw new AssertionError(c.name() + " passes now: remove it from KnownRewriterBugs (" + bug + ")");
    }

    private static void compare(Batch batch, CorpusCase c) {
        RunOutcome expected = reference(c);
        RewrittenClasses rewritten = batch.rewritten();
        Predicate<String> mine = name -> c.owns(name) || name.startsWith("c/Sup");
        ClassSet classes = rewritten.verified(mine);
        RunOutcome actual = classes.run(c.className(), "main");
        if (!actual.equals(expected)) {
            throw new AssertionError("corpus program " + c.name() + " compiled with " + batch.options
                    + " behaves differently once rewritten\n"
                    + RunOutcome.diff("rewritten", actual, "reference", expected) + "\ndiagnostics:\n"
                    + rewritten.describeDiagnostics(mine) + "\n"
                    + rewritten.describeSources(mine));
        }
    }

    /** The reference run: the blocking twin of every program, compiled once. */
    private static RunOutcome reference(CorpusCase c) {
        return REFERENCE.computeIfAbsent(c.name(), n -> {
            if (referenceClasses == null) {
                synchronized (DifferentialCorpusTest.class) {
                    if (referenceClasses == null) {
                        referenceClasses = ClassSet.compile(
                                CompileOptions.javac(Runtime.version().feature()),
                                ReferenceSources.blocking(sources()));
                    }
                }
            }
            RunOutcome outcome = referenceClasses.run(c.className(), "main");
            if (outcome.trace().isEmpty() || outcome.end().contains("blocking reference")) {
                throw new AssertionError("corpus program " + n + " is not a valid differential test: its reference"
                        + " run " + outcome.lines() + "\n" + c.source().numbered());
            }
            return outcome;
        });
    }

    private static List<JavaSource> sources() {
        return Corpus.sources(Runtime.version().feature());
    }

    /** One compilation and rewrite of the whole corpus for one set of options, made on first use. */
    private static final class Batch {
        final CompileOptions options;
        private RewrittenClasses rewritten;
        private Throwable failure;

        Batch(CompileOptions options) {
            this.options = options;
        }

        /** Compiles and rewrites once; a failure is remembered, so every program reports it at no cost. */
        synchronized RewrittenClasses rewritten() {
            if (rewritten == null && failure == null) {
                try {
                    rewritten = ClassSet.compile(options, Corpus.sources(options.release()))
                            .rewrite();
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw new AssertionError(
                        "the corpus batch for " + options + " failed: " + failure.getMessage(), failure);
            }
            return rewritten;
        }
    }
}
