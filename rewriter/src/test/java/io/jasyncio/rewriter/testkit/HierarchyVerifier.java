package io.jasyncio.rewriter.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.SimpleVerifier;

/**
 * ASM's type-checking verifier, answering every hierarchy question from class bytes
 * ({@link ClassPathHierarchy}) instead of loading classes. Like the JVM's verifier, any
 * reference is accepted where an interface type is expected.
 */
final class HierarchyVerifier extends SimpleVerifier {
    private static final Type OBJECT = Type.getObjectType("java/lang/Object");
    private static final Type THROWABLE = Type.getObjectType("java/lang/Throwable");
    private final ClassPathHierarchy hierarchy;

    HierarchyVerifier(
            ClassPathHierarchy hierarchy,
            Type currentClass,
            Type superClass,
            List<Type> interfaces,
            boolean isInterface) {
        super(Opcodes.ASM9, currentClass, superClass, interfaces, isInterface);
        this.hierarchy = hierarchy;
    }

    /** ASM only asks ATHROW for a reference; the JVM wants a Throwable, and so do we. */
    @Override
    public BasicValue unaryOperation(AbstractInsnNode insn, BasicValue value) throws AnalyzerException {
        if (insn.getOpcode() == Opcodes.ATHROW
                && value.getType() != null
                && isReference(value.getType())
                && !isAssignableFrom(THROWABLE, value.getType())) {
            throw new AnalyzerException(insn, "athrow of a non-Throwable", "java/lang/Throwable", value);
        }
        return super.unaryOperation(insn, value);
    }

    @Override
    protected boolean isInterface(Type type) {
        return type.getSort() == Type.OBJECT && hierarchy.isInterface(type.getInternalName());
    }

    @Override
    protected Type getSuperClass(Type type) {
        if (type.getSort() != Type.OBJECT) {
            return OBJECT;
        }
        String s = hierarchy.rawSuperName(type.getInternalName());
        return s == null ? null : Type.getObjectType(s);
    }

    @Override
    protected boolean isSubTypeOf(BasicValue value, BasicValue expected) {
        Type e = expected.getType();
        Type t = value.getType();
        if (e != null
                && t != null
                && isReference(e)
                && isReference(t)
                && !t.getInternalName().equals("null")) {
            return isAssignableFrom(e, t) || isInterface(e);
        }
        return super.isSubTypeOf(value, expected);
    }

    @Override
    protected boolean isAssignableFrom(Type to, Type from) {
        if (to.equals(from) || from.getInternalName().equals("null")) {
            return true;
        }
        if (to.getSort() == Type.OBJECT && to.getInternalName().equals("java/lang/Object")) {
            return isReference(from);
        }
        if (to.getSort() == Type.ARRAY) {
            if (from.getSort() != Type.ARRAY) {
                return false;
            }
            Type a = Type.getType(to.getDescriptor().substring(1));
            Type b = Type.getType(from.getDescriptor().substring(1));
            return isReference(a) && isReference(b) ? isAssignableFrom(a, b) : a.equals(b);
        }
        if (to.getSort() != Type.OBJECT) {
            return false;
        }
        String target = to.getInternalName();
        if (from.getSort() == Type.ARRAY) {
            return target.equals("java/lang/Cloneable") || target.equals("java/io/Serializable");
        }
        if (from.getSort() != Type.OBJECT) {
            return false;
        }
        Deque<String> todo = new ArrayDeque<>(List.of(from.getInternalName()));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (n.equals(target)) {
                return true;
            }
            if (!seen.add(n)) {
                continue;
            }
            String s = hierarchy.rawSuperName(n);
            if (s != null) {
                todo.push(s);
            }
            hierarchy.interfaces(n).forEach(todo::push);
        }
        return false;
    }

    private static boolean isReference(Type t) {
        return t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY;
    }
}
