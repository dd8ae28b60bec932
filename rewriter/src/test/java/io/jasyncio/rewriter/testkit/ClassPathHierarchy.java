package io.jasyncio.rewriter.testkit;

import io.jasyncio.rewriter.TypeHierarchy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * Type hierarchy read from class bytes only: first the compiled set under test, then the test
 * class path (JDK classes included) as resources. Never loads a class.
 */
public final class ClassPathHierarchy implements TypeHierarchy {
    record Info(String superName, List<String> interfaces, boolean isInterface) {}

    private final Map<String, byte[]> compiled;
    private final ClassLoader resources;
    private final Map<String, Info> cache = new ConcurrentHashMap<>();

    public ClassPathHierarchy(Map<String, byte[]> compiled) {
        this(compiled, ClassPathHierarchy.class.getClassLoader());
    }

    public ClassPathHierarchy(Map<String, byte[]> compiled, ClassLoader resources) {
        this.compiled = Map.copyOf(compiled);
        this.resources = resources;
    }

    @Override
    public String superName(String internalName) {
        Info info = info(internalName);
        return info.isInterface ? "java/lang/Object" : info.superName;
    }

    @Override
    public boolean isInterface(String internalName) {
        return info(internalName).isInterface;
    }

    /** Direct super interfaces, for the verifier's assignability checks. */
    @Override
    public List<String> interfaces(String internalName) {
        return info(internalName).interfaces;
    }

    /** The real super class (for an interface: java/lang/Object); null for java/lang/Object. */
    String rawSuperName(String internalName) {
        return info(internalName).superName;
    }

    Info info(String internalName) {
        return cache.computeIfAbsent(internalName, this::read);
    }

    private Info read(String internalName) {
        byte[] bytes = compiled.get(internalName);
        if (bytes == null) {
            try (InputStream in = resources.getResourceAsStream(internalName + ".class")) {
                if (in == null) {
                    throw new TypeNotFoundException(internalName);
                }
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ClassReader reader = new ClassReader(bytes);
        return new Info(
                reader.getSuperName(),
                List.of(reader.getInterfaces()),
                (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0);
    }
}
