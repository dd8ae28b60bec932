package io.jasyncio.agent;

import static org.assertj.core.api.Assertions.assertThat;

import example.Countdown;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded agent jar as users run it: {@code -javaagent:} on a separate JVM whose program was
 * compiled by plain javac and never rewritten at build time.
 */
class JavaAgentIT {
    private final String agent = "-javaagent:" + Jvm.agentJar();
    private final String classPath = Jvm.classPath(Jvm.testClasses(), Jvm.runtimeClasses());

    @Test
    void rewritesAnUnrewrittenProgramAsItLoads() throws Exception {
        Jvm.Result result = Jvm.run(List.of(agent, "-cp", classPath), "example.Countdown");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo(Countdown.EXPECTED);
        assertThat(result.err())
                .as("a quiet agent says nothing, and makes the JDK say nothing")
                .isEmpty();
    }

    @Test
    void verboseOptionLogsEveryRewrittenClass() throws Exception {
        Jvm.Result result = Jvm.run(List.of(agent + "=verbose", "-cp", classPath), "example.Countdown");
        assertThat(result.out()).as(result.toString()).isEqualTo(Countdown.EXPECTED);
        assertThat(result.err()).contains("jasyncio: rewrote example.Countdown");
        // Classes without @Async never reach the rewriter.
        assertThat(result.err()).doesNotContain("example.MisuseMain").doesNotContain("java.lang");
    }

    @Test
    void withoutTheAgentTheSameProgramFailsClearly() throws Exception {
        Jvm.Result result = Jvm.run(List.of("-cp", classPath), "example.Countdown");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("not rewritten by jasyncio");
    }

    @Test
    void aClassTheRewriterRefusesFailsToLoadWithTheClassMethodAndReason() throws Exception {
        Jvm.Result result = Jvm.run(List.of(agent, "-cp", classPath), "example.MisuseMain");
        assertThat(result.out())
                .as(result.toString())
                .startsWith("refused: jasyncio could not rewrite class example.Misuse: Misuse.java:")
                .contains("example.Misuse.locked");
        // Also logged when it happens, whether or not the class is ever used.
        assertThat(result.err()).contains("jasyncio could not rewrite class example.Misuse");
    }

    @Test
    void anUnknownOptionStopsTheJvmWithTheKnownOnes() throws Exception {
        Jvm.Result result = Jvm.run(List.of(agent + "=verbos", "-cp", classPath), "example.Countdown");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("unknown jasyncio agent option 'verbos'; known options: verbose");
    }

    /** The manifest puts the jar on the boot class path by its own file name: a renamed copy must work all the same. */
    @Test
    void aRenamedCopyOfTheJarWorksTheSame(@TempDir Path dir) throws Exception {
        Path renamed = Files.copy(Jvm.agentJar(), dir.resolve("jasyncio-agent.jar"));
        Jvm.Result result = Jvm.run(List.of("-javaagent:" + renamed, "-cp", classPath), "example.Countdown");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo(Countdown.EXPECTED);
        assertThat(result.err()).isEmpty();
    }

    @Test
    void runsBesideTheJacocoAgentInEitherOrder(@TempDir Path dir) throws Exception {
        String jacoco = "-javaagent:" + Jvm.classPathJar("org.jacoco.agent");
        Path first = dir.resolve("first.exec");
        Path second = dir.resolve("second.exec");
        Jvm.Result jacocoFirst =
                Jvm.run(List.of(jacoco + "=destfile=" + first, agent, "-cp", classPath), "example.Countdown");
        Jvm.Result jacocoSecond =
                Jvm.run(List.of(agent, jacoco + "=destfile=" + second, "-cp", classPath), "example.Countdown");
        assertThat(jacocoFirst.out()).as(jacocoFirst.toString()).isEqualTo(Countdown.EXPECTED);
        assertThat(jacocoSecond.out()).as(jacocoSecond.toString()).isEqualTo(Countdown.EXPECTED);
        assertThat(Files.size(first)).isPositive();
        assertThat(Files.size(second)).isPositive();
    }
}
