package io.jasyncio.rewriter.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.rewriter.testkit.ClassSet;
import io.jasyncio.rewriter.testkit.CompileOptions;
import io.jasyncio.rewriter.testkit.ReferenceSources;
import io.jasyncio.rewriter.testkit.RunOutcome;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The corpus itself, without the rewriter: each reference twin compiles as Java 8 (when it
 * claims to) and runs to a trace, the same on Java 8 and current class files, so a red
 * differential test means the rewriter or the runtime, not the corpus. (The differential test
 * compiles the real programs on every target of the matrix.)
 */
class CorpusSanityTest {

    @Test
    void everyReferenceTwinRunsToATrace() {
        int feature = Runtime.version().feature();
        ClassSet reference = ClassSet.compile(CompileOptions.javac(8), ReferenceSources.blocking(Corpus.sources(8)));
        ClassSet reference17 =
                ClassSet.compile(CompileOptions.javac(feature), ReferenceSources.blocking(Corpus.sources(feature)));
        for (CorpusCase c : Corpus.all()) {
            if (c.minRelease() > feature) {
                continue;
            }
            RunOutcome outcome = reference17.run(c.className(), "main");
            assertThat(outcome.trace())
                    .as("trace of %s: %s", c, outcome.lines())
                    .isNotEmpty();
            assertThat(outcome.end()).as("%s", c).doesNotContain("blocking reference");
            if (c.minRelease() == 8) {
                assertThat(reference.run(c.className(), "main"))
                        .as("%s on Java 8 class files", c)
                        .isEqualTo(outcome);
            }
        }
        assertThat(Corpus.all().stream().map(CorpusCase::name).collect(Collectors.toSet()))
                .hasSize(Corpus.all().size());
    }
}
