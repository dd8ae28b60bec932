package io.jasyncio.agent;

import static org.assertj.core.api.Assertions.assertThat;

import example.Countdown;
import io.jasyncio.AsyncIO;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link AsyncAgent#install()} in this very JVM (the test's own, un-shaded classes): classes loaded
 * afterwards are rewritten, whatever loader defines them.
 */
class AsyncAgentInstallTest {
    @BeforeAll
    static void install() {
        AsyncAgent.install();
        AsyncAgent.install(); // idempotent
        assertThat(AsyncAgent.isInstalled()).isTrue();
    }

    @Test
    void rewritesAClassOfTheApplicationLoaderLoadedAfterInstall() throws Exception {
        // The first mention of Countdown in this JVM: it loads now, through the agent.
        assertThat(runCountdown(Countdown.class)).isEqualTo(Countdown.EXPECTED);
    }

    @Test
    void rewritesAClassOfAChildFirstLoader() throws Exception {
        ChildFirst loader = new ChildFirst(getClass().getClassLoader());
        Class<?> isolated = loader.loadClass("example.Countdown");
        assertThat(isolated.getClassLoader()).isSameAs(loader);
        assertThat(runCountdown(isolated)).isEqualTo(Countdown.EXPECTED);
    }

    private static String runCountdown(Class<?> countdown) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Coroutine<?> main =
                (Coroutine<?>) countdown.getMethod("main", PrintStream.class).invoke(null, out);
        AsyncIO.run(main, EventLoop::withVirtualTime);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Defines the {@code example} classes itself, from the test classes' bytes; delegates the rest. */
    static final class ChildFirst extends ClassLoader {
        ChildFirst(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("example.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    byte[] bytes = read(name.replace('.', '/') + ".class");
                    loaded = defineClass(name, bytes, 0, bytes.length);
                }
                return loaded;
            }
        }

        private byte[] read(String resource) throws ClassNotFoundException {
            try (InputStream in = getResourceAsStream(resource)) {
                if (in == null) {
                    throw new ClassNotFoundException(resource);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new ClassNotFoundException(resource, e);
            }
        }
    }
}
