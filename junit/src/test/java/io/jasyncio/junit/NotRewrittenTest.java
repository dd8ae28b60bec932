package io.jasyncio.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * A test class compiled here with plain javac and loaded without the agent, as an IDE would run
 * it without the Maven plugin: its test fails with one line that says how to enable the rewriter.
 */
class NotRewrittenTest {
    private static final String SOURCE = """
            package fixture;

            import static io.jasyncio.AsyncIO.await;
            import static io.jasyncio.AsyncIO.done;
            import static io.jasyncio.AsyncIO.sleep;

            import io.jasyncio.Async;
            import io.jasyncio.Coroutine;
            import io.jasyncio.junit.AsyncTest;
            import io.jasyncio.junit.TestLoop;

            public class Plain {
                @Async
                Coroutine<Void> body() {
                    await(sleep(1));
                    return done();
                }

                @AsyncTest
                void sleeps(TestLoop loop) {
                    loop.run(body());
                }
            }
            """;

    @Test
    void aTestClassThatWasNotRewrittenFailsWithHowToEnableTheRewriter(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("fixture/Plain.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(
                null, null, null, "-cp", System.getProperty("java.class.path"), "-d", dir.toString(), src.toString());
        assertEquals(0, rc, "javac failed");
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> plain = loader.loadClass("fixture.Plain");
            Events events = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(plain))
                    .execute()
                    .testEvents();
            events.assertStatistics(s -> s.started(1).failed(1));
            Throwable t = events.failed()
                    .list()
                    .get(0)
                    .getPayload(TestExecutionResult.class)
                    .orElseThrow()
                    .getThrowable()
                    .orElseThrow();
            assertEquals(AsyncExtension.notRewritten(plain), t.getMessage());
            assertTrue(t.getMessage().startsWith("fixture.Plain was not rewritten by jasyncio:"), t.getMessage());
            assertTrue(!t.getMessage().contains("\n"), "one line");
        }
    }
}
