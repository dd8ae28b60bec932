package io.jasyncio.agent;

import static org.assertj.core.api.Assertions.assertThat;

import example.Lambdas;
import io.jasyncio.AsyncIO;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Async lambdas rewritten as their classes load, after {@link AsyncAgent#install()} in this JVM. */
class AsyncLambdaAgentTest {
    @Test
    void asyncLambdasAreRewrittenAtLoadTime() throws Exception {
        AsyncAgent.install();
        // The first mention of Lambdas (and LazyBodies) in this JVM: they load now, through the agent.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Coroutine<Void> main = Lambdas.main(out);
        AsyncIO.run(main, EventLoop::withVirtualTime);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(Lambdas.EXPECTED);
    }
}
