package io.jasyncio.agent;

import io.jasyncio.rewriter.TypeHierarchy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * Super types read from class files found through a class loader's resources, so that computing
 * frames never loads (and so never initialises or transforms) an application class. A JDK type
 * the loader does not show as a resource is looked up through the platform loader.
 */
final class LoaderTypeHierarchy implements TypeHierarchy {
    private record Header(String superName, boolean isInterface) {
    }

    private final ClassLoader loader;
    private final Map<String, Header> cache = new ConcurrentHashMap<>();

    LoaderTypeHierarchy(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public String superName(String internalName) {
        return header(internalName).superName();
    }

    @Override
    public boolean isInterface(String internalName) {
        return header(internalName).isInterface();
    }

    private Header header(String internalName) {
        return cache.computeIfAbsent(internalName, this::read);
    }

    private Header read(String internalName) {
        byte[] bytes = bytes(internalName + ".class");
        if (bytes == null) {
            throw new TypeNotFoundException(internalName);
        }
        ClassReader reader = new ClassReader(bytes);
        return new Header(reader.getSuperName(), (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0);
    }

    private byte[] bytes(String resource) {
        try (InputStream in = open(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private InputStream open(String resource) {
        InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
        return in != null ? in : ClassLoader.getPlatformClassLoader().getResourceAsStream(resource);
    }
}
