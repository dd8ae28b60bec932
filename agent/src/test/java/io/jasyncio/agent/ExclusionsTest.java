package io.jasyncio.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class ExclusionsTest {
    private final ClassLoader app = ClassLoader.getSystemClassLoader();

    @Test
    void jdkLoadersAreNeverTouched() {
        assertThat(Exclusions.excluded(null, "com/example/Hello")).isTrue();
        assertThat(Exclusions.excluded(ClassLoader.getPlatformClassLoader(), "com/example/Hello"))
                .isTrue();
    }

    @Test
    void jdkAndJasyncioOwnPackagesAreNeverTouchedWhateverTheLoader() {
        for (String name : new String[] {
            "java/lang/Thing",
            "javax/x/Y",
            "jdk/internal/Z",
            "sun/misc/U",
            "com/sun/A",
            "net/bytebuddy/B",
            "io/jasyncio/AsyncIO",
            "io/jasyncio/internal/Frame",
            "io/jasyncio/agent/shaded/bytebuddy/C",
            "io/jasyncio/rewriter/Rewriter"
        }) {
            assertThat(Exclusions.excluded(app, name)).as(name).isTrue();
        }
    }

    @Test
    void applicationClassesInAnyLoaderAreCandidates() {
        ClassLoader custom = new URLClassLoader(new URL[0], null);
        assertThat(Exclusions.excluded(app, "com/example/Hello")).isFalse();
        assertThat(Exclusions.excluded(custom, "com/example/Hello")).isFalse();
        // A user's package below io.jasyncio (the samples, for one) is not the runtime's.
        assertThat(Exclusions.excluded(app, "io/jasyncio/samples/Hello")).isFalse();
        assertThat(Exclusions.excluded(app, "Hello")).isFalse();
        assertThat(Exclusions.excluded(app, null)).isTrue();
    }
}
