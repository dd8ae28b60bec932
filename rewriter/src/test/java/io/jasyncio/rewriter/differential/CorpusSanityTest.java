package io.jasyncio.rewriter.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.rewriter.testkit.ClassSet;
import io.jasyncio.rewriter.testkit.CompileOptions;
import io.jasyncio.rewriter.testkit.ReferenceSources;
import io.jasyncio.rewriter.testkit.RunOutcome;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The corpus itself, without the rewriter: its sources compile on every class-file target they
 * claim, and each reference twin runs to a trace (so a red differential test means the
 * rewriter or the runtime, not the corpus).
 */
class CorpusSanityTest {

    @Test
    void everyProgramAndItsTwinCompileOnEveryTargetOfTheMatrix() {
        for (CompileOptions options : CompileOptions.matrix()) {
            ClassSet classes = ClassSet.compile(options, Corpus.sources(options.release()));
            assertThat(classes.names()).as("%s", options).contains("c/Sup", "c/Loops", "c/WideLocals");
            ClassSet twins = ClassSet.compile(options, ReferenceSources.blocking(Corpus.sources(options.release())));
            assertThat(twins.names()).isEqualTo(classes.names());
        }
    }

    @Test
    void everyReferenceTwinRunsToATrace() {
        int feature = Runtime.version().feature();
        ClassSet reference = ClassSet.compile(CompileOptions.javac(8),
                ReferenceSources.blocking(Corpus.sources(8)));
        ClassSet reference17 = ClassSet.compile(CompileOptions.javac(feature),
                ReferenceSources.blocking(Corpus.sources(feature)));
        for (CorpusCase c : Corpus.all()) {
            if (c.minRelease() > feature) {
                continue;
            }
            RunOutcome outcome = reference17.run(c.className(), "main");
            assertThat(outcome.trace()).as("trace of %s: %s", c, outcome.lines()).isNotEmpty();
            assertThat(outcome.end()).as("%s", c).doesNotContain("blocking reference");
            if (c.minRelease() == 8) {
                assertThat(reference.run(c.className(), "main")).as("%s on Java 8 class files", c).isEqualTo(outcome);
            }
        }
        assertThat(Corpus.all().stream().map(CorpusCase::name).collect(Collectors.toSet())).hasSize(Corpus.all().size());
    }
}
