package io.jasyncio.agent;

import static org.assertj.core.api.Assertions.assertThat;

import example.Countdown;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code AsyncAgent.install()} from the shaded jar, in a JVM started without any agent. */
class InstallIT {
    private final String classPath = Jvm.classPath(Jvm.agentJar(), Jvm.testClasses(), Jvm.runtimeClasses());
    private static final String DYNAMIC_AGENT_WARNING = "A Java agent has been loaded dynamically";

    @Test
    void installRewritesTheClassesLoadedAfterIt() throws Exception {
        Jvm.Result result = Jvm.run(List.of("-cp", classPath), "example.InstallThenRun");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo(Countdown.EXPECTED);
        // JDK 21+ warns about an agent loaded into a running JVM (JEP 451); earlier JDKs do not.
        assertThat(result.err().contains(DYNAMIC_AGENT_WARNING))
                .isEqualTo(Runtime.version().feature() >= 21);
    }

    @Test
    void enableDynamicAgentLoadingSilencesTheWarning() throws Exception {
        Jvm.Result result = Jvm.run(
                List.of("-XX:+EnableDynamicAgentLoading", "-cp", classPath), "example.InstallThenRun", "verbose");
        assertThat(result.out()).as(result.toString()).isEqualTo(Countdown.EXPECTED);
        assertThat(result.err()).doesNotContain(DYNAMIC_AGENT_WARNING).contains("jasyncio: rewrote example.Countdown");
    }

    @Test
    void installUnderJavaagentDoesNothingMore() throws Exception {
        Jvm.Result result =
                Jvm.run(List.of("-javaagent:" + Jvm.agentJar(), "-cp", classPath), "example.InstallThenRun");
        assertThat(result.out()).as(result.toString()).isEqualTo(Countdown.EXPECTED);
        assertThat(result.err()).doesNotContain(DYNAMIC_AGENT_WARNING);
    }

    @Test
    void aClassLoadedBeforeInstallIsReported() throws Exception {
        Jvm.Result result = Jvm.run(List.of("-cp", classPath), "example.LateInstall");
        assertThat(result.out()).as(result.toString()).isEqualTo("loaded example.Countdown\ninstalled\n");
        assertThat(result.err()).contains("class example.Countdown was loaded before the jasyncio agent was installed");
    }
}
