package io.jasyncio.rewriter;

import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;

/** The result of a {@code NEW} before its constructor ran; identified by that instruction. */
final class UninitValue extends BasicValue {
    final AbstractInsnNode newInsn;

    UninitValue(Type type, AbstractInsnNode newInsn) {
        super(type);
        this.newInsn = newInsn;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UninitValue u && u.newInsn == newInsn;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(newInsn);
    }

    @Override
    public String toString() {
        return "uninitialized " + getType().getInternalName();
    }
}
