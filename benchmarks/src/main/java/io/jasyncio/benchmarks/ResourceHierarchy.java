package io.jasyncio.benchmarks;

import io.jasyncio.rewriter.TypeHierarchy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * A {@link TypeHierarchy} that reads class headers from the system class loader's resources
 * (never loading a class), plus classes handed to it in memory; cached, as a build tool would.
 */
final class ResourceHierarchy implements TypeHierarchy {
    private record Header(String superName, boolean isInterface) {}

    private final Map<String, byte[]> extra;
    private final Map<String, Header> cache = new ConcurrentHashMap<>();

    ResourceHierarchy(Map<String, byte[]> extra) {
        this.extra = extra;
    }

    private Header header(String internalName) {
        return cache.computeIfAbsent(internalName, n -> {
            byte[] bytes = extra.containsKey(n) ? extra.get(n) : ClassBytes.resource(n);
            if (bytes == null) {
                throw new TypeNotFoundException(n);
            }
            ClassReader r = new ClassReader(bytes);
            return new Header(r.getSuperName(), (r.getAccess() & Opcodes.ACC_INTERFACE) != 0);
        });
    }

    @Override
    public String superName(String internalName) {
        return header(internalName).superName();
    }

    @Override
    public boolean isInterface(String internalName) {
        return header(internalName).isInterface();
    }
}
