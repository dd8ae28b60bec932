package io.jasyncio.rewriter.generated;

import io.jasyncio.rewriter.testkit.JavaSource;
import java.util.ArrayList;
import java.util.List;

/** Many generated programs compiled together (one compiler run per batch keeps CI time low). */
final class GeneratedBatch {
    final List<JavaSource> programs = new ArrayList<>();

    /** Programs in the language of {@code --release release}. */
    GeneratedBatch(List<List<Integer>> choices, int release) {
        for (int i = 0; i < choices.size(); i++) {
            programs.add(ProgramGenerator.generate("G" + i, choices.get(i), release));
        }
    }

    /** Support code first, then every program. */
    List<JavaSource> sources() {
        List<JavaSource> all = new ArrayList<>();
        all.add(io.jasyncio.rewriter.differential.CorpusSupport.SOURCE);
        all.add(GenSupport.SOURCE);
        all.addAll(programs);
        return all;
    }

    static String internalName(JavaSource program) {
        return program.className().replace('.', '/');
    }
}
