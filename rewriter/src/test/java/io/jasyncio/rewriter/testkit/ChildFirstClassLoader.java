package io.jasyncio.rewriter.testkit;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;

/**
 * Defines the classes of one compiled (and rewritten) set itself, before asking its parent, so
 * every run gets fresh classes and statics; everything else (JDK, jasyncio runtime, testkit)
 * comes from the parent.
 */
final class ChildFirstClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;

    ChildFirstClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
        super("jasyncio-test", parent);
        this.classes = Map.copyOf(classes);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] bytes = classes.get(name.replace('.', '/'));
                c = bytes != null
                        ? defineClass(name, bytes, 0, bytes.length)
                        : getParent().loadClass(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        if (name.endsWith(".class")) {
            byte[] bytes = classes.get(name.substring(0, name.length() - ".class".length()));
            if (bytes != null) {
                return new ByteArrayInputStream(bytes);
            }
        }
        return super.getResourceAsStream(name);
    }
}
