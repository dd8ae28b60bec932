package io.jasyncio.rewriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * A {@link TypeHierarchy} that reads each type's header from its class file bytes, once, and
 * never loads a class. Subclasses say where the bytes come from (a class path, a class loader's
 * resources); the agent and the Maven plugin share this so both answer alike.
 */
public abstract class ClassBytesHierarchy implements TypeHierarchy {
    private record Header(String superName, boolean isInterface, List<String> interfaces) {}

    private final Map<String, Header> cache = new ConcurrentHashMap<>();

    /**
     * The bytes of the class file named {@code resource} (e.g. {@code java/lang/String.class}),
     * or null when there is none.
     */
    protected abstract byte[] classBytes(String resource) throws IOException;

    @Override
    public final String superName(String internalName) {
        return header(internalName).superName();
    }

    @Override
    public final boolean isInterface(String internalName) {
        return header(internalName).isInterface();
    }

    @Override
    public final List<String> interfaces(String internalName) {
        return header(internalName).interfaces();
    }

    private Header header(String internalName) {
        return cache.computeIfAbsent(internalName, this::read);
    }

    private Header read(String internalName) {
        byte[] bytes;
        try {
            bytes = classBytes(internalName + ".class");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file of " + internalName.replace('/', '.'), e);
        }
        if (bytes == null) {
            throw new TypeNotFoundException(internalName);
        }
        ClassReader reader = new ClassReader(bytes);
        return new Header(
                reader.getSuperName(),
                (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0,
                List.of(reader.getInterfaces()));
    }
}
