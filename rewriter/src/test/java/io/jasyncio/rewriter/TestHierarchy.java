package io.jasyncio.rewriter;

import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/** A TypeHierarchy over freshly compiled classes plus the test class path, reading bytes only. */
final class TestHierarchy implements TypeHierarchy {
    private final Map<String, byte[]> compiled;

    TestHierarchy(Map<String, byte[]> compiled) {
        this.compiled = compiled;
    }

    private ClassReader read(String internalName) {
        byte[] b = compiled.get(internalName.replace('/', '.'));
        if (b == null) {
            b = Compiler.resource(internalName);
        }
        if (b == null) {
            throw new TypeNotFoundException(internalName);
        }
        return new ClassReader(b);
    }

    @Override
    public String superName(String internalName) {
        ClassReader r = read(internalName);
        return (r.getAccess() & Opcodes.ACC_INTERFACE) != 0 ? "java/lang/Object" : r.getSuperName();
    }

    @Override
    public boolean isInterface(String internalName) {
        return (read(internalName).getAccess() & Opcodes.ACC_INTERFACE) != 0;
    }
}
