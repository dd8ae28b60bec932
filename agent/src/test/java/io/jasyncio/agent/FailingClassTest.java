package io.jasyncio.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.Test;

class FailingClassTest {
    /** Has a static initialiser of its own, which the failing class must drop. */
    public static class Victim {
        static final StringBuilder LOG = new StringBuilder("initialised");

        public static String hello() {
            return "hello";
        }
    }

    @Test
    void firstUseFailsWithTheReasonAndTheClassStillLinks() throws Exception {
        byte[] failing = FailingClass.of(bytesOf(Victim.class), "jasyncio could not rewrite class X: X.java:3: no");
        Class<?> type = new ByteLoader(Victim.class.getName(), failing).loadClass(Victim.class.getName());
        assertThat(type.getDeclaredMethod("hello")).isNotNull();

        assertThatThrownBy(() -> call(type))
                .isInstanceOf(NoClassDefFoundError.class)
                .hasMessage("jasyncio could not rewrite class X: X.java:3: no");
        // Every later use fails too: the class is in the erroneous state.
        assertThatThrownBy(() -> call(type)).isInstanceOf(NoClassDefFoundError.class);
    }

    @Test
    void veryLongReasonsAreCutToFitTheConstantPool() throws Exception {
        String reason = "x".repeat(100_000);
        byte[] failing = FailingClass.of(bytesOf(Victim.class), reason);
        Class<?> type = new ByteLoader(Victim.class.getName(), failing).loadClass(Victim.class.getName());
        assertThatThrownBy(() -> call(type))
                .isInstanceOf(NoClassDefFoundError.class)
                .hasMessageStartingWith("xxxx")
                .hasMessageEndingWith("...");
    }

    private static void call(Class<?> type) throws Throwable {
        try {
            type.getDeclaredMethod("hello").invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    static byte[] bytesOf(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    /** Defines one class from bytes, child-first; delegates everything else. */
    static final class ByteLoader extends ClassLoader {
        private final String name;
        private final byte[] bytes;

        ByteLoader(String name, byte[] bytes) {
            super(FailingClassTest.class.getClassLoader());
            this.name = name;
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
            if (className.equals(name)) {
                synchronized (getClassLoadingLock(className)) {
                    Class<?> done = findLoadedClass(className);
                    return done != null ? done : defineClass(className, bytes, 0, bytes.length);
                }
            }
            return super.loadClass(className, resolve);
        }
    }
}
