package io.jasyncio.rewriter.generated;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.rewriter.testkit.ClassSet;
import io.jasyncio.rewriter.testkit.CompileOptions;
import io.jasyncio.rewriter.testkit.JavaSource;
import io.jasyncio.rewriter.testkit.ReferenceSources;
import io.jasyncio.rewriter.testkit.RunOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The generator itself, without the rewriter: what it writes compiles (Java 8 source, javac and
 * real API with ecj, blocking twin with javac), terminates, and covers the shapes it promises.
 */
class GeneratorSanityTest {

    static List<List<Integer>> randomChoices(long seed, int programs) {
        Random random = new Random(seed);
        List<List<Integer>> all = new ArrayList<>();
        for (int p = 0; p < programs; p++) {
            List<Integer> choices = new ArrayList<>();
            int size = 20 + random.nextInt(380);
            for (int i = 0; i < size; i++) {
                choices.add(random.nextInt(10_000));
            }
            all.add(choices);
        }
        return all;
    }

    @Test
    void generatedProgramsCompileRunAndCoverTheLanguage() {
        GeneratedBatch batch = new GeneratedBatch(randomChoices(0, 60), 8);
        ClassSet.compile(CompileOptions.ecj(8).withDebug(false), batch.sources());
        ClassSet reference = ClassSet.compile(CompileOptions.javac(17), ReferenceSources.blocking(batch.sources()));
        int threw = 0;
        for (JavaSource program : batch.programs) {
            RunOutcome outcome = reference.run(program.className(), "main");
            assertThat(outcome.end())
                    .as("%s\n%s", outcome.lines(), program.numbered())
                    .matches("returned: .*|threw: g\\.Gen\\$Failure: .*");
            threw += outcome.end().startsWith("threw") ? 1 : 0;
        }
        assertThat(threw).as("programs that end with an uncaught failure").isBetween(1, 50);
        String all = batch.programs.stream().map(JavaSource::code).collect(Collectors.joining());
        assertThat(all)
                .contains(
                        "await(later(",
                        "await(now(",
                        "await(s(",
                        "await(sleep(0))",
                        "Gen.failIf(",
                        "catch (Failure",
                        "} finally {",
                        "switch (",
                        "while (",
                        "break;",
                        "continue;",
                        "continue o",
                        "break o",
                        "new Gen.Box(",
                        "Gen.pick(",
                        "return done(\"early",
                        " && ",
                        " || ",
                        " ? ",
                        "new G",
                        "static int f0",
                        "Body body = (p0, p1, p2, p3) -> {",
                        "make(\"cap\").run(",
                        "return body.run(r0",
                        "await(body.run(r0",
                        "(byte)",
                        "(char)",
                        "(short)",
                        "(float)",
                        "<<",
                        "a0[",
                        "@Async Coroutine<Long> get(long v) throws Failure;",
                        "@Async public abstract Coroutine<Long> get(",
                        "@Async default Coroutine<Long> twice(",
                        "await(new Impl().twice(",
                        "synchronized (Gen.LOCK)",
                        "Gen.failNow(",
                        "throw new Failure(\"m");
        assertThat(all).as("Java 8 source").doesNotContain("yield");
    }

    @Test
    void release17ProgramsAlsoHaveSwitchExpressionsInConstructorArguments() {
        GeneratedBatch batch = new GeneratedBatch(randomChoices(0, 25), 17);
        ClassSet.compile(CompileOptions.ecj(17).withDebug(false), batch.sources());
        ClassSet reference = ClassSet.compile(CompileOptions.javac(17), ReferenceSources.blocking(batch.sources()));
        for (JavaSource program : batch.programs) {
            RunOutcome outcome = reference.run(program.className(), "main");
            assertThat(outcome.end())
                    .as("%s\n%s", outcome.lines(), program.numbered())
                    .matches("returned: .*|threw: g\\.Gen\\$Failure: .*");
        }
        String all = batch.programs.stream().map(JavaSource::code).collect(Collectors.joining());
        assertThat(all)
                .contains(
                        ", switch (Math.floorMod(",
                        "new Gen.Box(",
                        ", new Gen.Box(",
                        "} catch (Failure e",
                        "} finally { tick(); }",
                        "; yield y");
    }

    @Test
    void emptyChoicesGiveTheSimplestProgram() {
        JavaSource simplest = ProgramGenerator.generate("G0", List.of());
        assertThat(simplest.code())
                .contains("static Coroutine<String> run(")
                .doesNotContain("await(")
                .contains("return done(");
        assertThat(ProgramGenerator.generate("G0", List.of(1, 2, 3)))
                .isEqualTo(ProgramGenerator.generate("G0", List.of(1, 2, 3)));
    }
}
