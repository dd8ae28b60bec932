package io.jasyncio.rewriter.differential;

import io.jasyncio.rewriter.testkit.JavaSource;

/**
 * One program of the differential corpus: class {@code c.<name>} whose
 * {@code static Coroutine<?> main()} is run rewritten and as its blocking reference twin.
 *
 * @param minRelease the oldest {@code --release} its source compiles with (8 for plain Java 8)
 * @param members    the class body; the {@link Corpus#PRELUDE} imports come before it
 */
record CorpusCase(String name, int minRelease, String members) {

    String className() {
        return "c." + name;
    }

    JavaSource source() {
        return JavaSource.of(className(), Corpus.PRELUDE + "public class " + name + " {\n" + members + "\n}\n");
    }

    /** Whether a class of a compiled batch belongs to this case (nested classes included). */
    boolean owns(String internalName) {
        String self = "c/" + name;
        return internalName.equals(self) || internalName.startsWith(self + "$");
    }

    @Override
    public String toString() {
        return name;
    }
}
