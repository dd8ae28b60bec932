package io.jasyncio.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.rewriter.TypeHierarchy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LoaderTypeHierarchyTest {
    static class Base {}

    static class Derived extends Base implements Runnable {
        @Override
        public void run() {}
    }

    /** Only referenced by name below: proves the hierarchy reads bytes instead of loading. */
    static class NeverLoaded extends Derived {}

    @Test
    void readsSuperTypesFromTheLoadersResources() {
        TypeHierarchy h = new LoaderTypeHierarchy(getClass().getClassLoader());
        String derived = Derived.class.getName().replace('.', '/');
        assertThat(h.superName(derived)).isEqualTo(Base.class.getName().replace('.', '/'));
        assertThat(h.isInterface(derived)).isFalse();
        assertThat(h.isInterface("java/lang/Runnable")).isTrue();
        assertThat(h.superName("java/lang/Runnable")).isEqualTo("java/lang/Object");
        assertThat(h.superName("java/lang/Object")).isNull();
    }

    /** A loader that can say what it has loaded; the JDK is not its parent. */
    static final class IsolatedLoader extends URLClassLoader {
        IsolatedLoader(URL[] urls) {
            super(urls, null);
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }
    }

    @Test
    void neverLoadsTheClassesItReads() throws Exception {
        Path testClasses = Path.of(
                getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
        try (IsolatedLoader isolated =
                new IsolatedLoader(new URL[] {testClasses.toUri().toURL()})) {
            String name = NeverLoaded.class.getName();
            TypeHierarchy h = new LoaderTypeHierarchy(isolated);
            assertThat(h.superName(name.replace('.', '/')))
                    .isEqualTo(Derived.class.getName().replace('.', '/'));
            // JDK types are answered through the platform loader whatever the loader shows.
            assertThat(h.superName("java/util/ArrayList")).isEqualTo("java/util/AbstractList");
            assertThat(isolated.loaded(name)).isFalse();
            assertThat(isolated.loaded(Derived.class.getName())).isFalse();
        }
    }

    @Test
    void unknownTypeIsReportedByName() {
        TypeHierarchy h = new LoaderTypeHierarchy(getClass().getClassLoader());
        assertThatThrownBy(() -> h.superName("com/example/Missing"))
                .isInstanceOf(TypeHierarchy.TypeNotFoundException.class)
                .hasMessageContaining("com.example.Missing");
    }
}
