package io.jasyncio.agent;

import static org.assertj.core.api.Assertions.assertThat;

import example.Lambdas;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Async lambdas under {@code -javaagent:} in a separate JVM, from classes plain javac compiled. */
class AsyncLambdaAgentIT {
    @Test
    void rewritesAsyncLambdasAsTheirClassesLoad() throws Exception {
        String classPath = Jvm.classPath(Jvm.testClasses(), Jvm.runtimeClasses());
        Jvm.Result result =
                Jvm.run(List.of("-javaagent:" + Jvm.agentJar() + "=verbose", "-cp", classPath), "example.Lambdas");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).as(result.toString()).isEqualTo(Lambdas.EXPECTED);
        assertThat(result.err()).contains("jasyncio: rewrote example.LazyBodies");
    }
}
