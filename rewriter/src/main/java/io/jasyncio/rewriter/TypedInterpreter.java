package io.jasyncio.rewriter;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * A {@link BasicInterpreter} that keeps precise reference types (merged like the JVM verifier
 * through the {@link Hierarchy}), marks {@code null} constants and uninitialised objects.
 */
final class TypedInterpreter extends BasicInterpreter {
    private final Hierarchy hierarchy;

    TypedInterpreter(Hierarchy hierarchy) {
        super(Opcodes.ASM9);
        this.hierarchy = hierarchy;
    }

    static boolean isNull(BasicValue v) {
        return v != null && NULL_TYPE.equals(v.getType()) && !(v instanceof UninitValue);
    }

    @Override
    public BasicValue newValue(Type type) {
        if (type != null && (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY)) {
            return new BasicValue(type);
        }
        return super.newValue(type);
    }

    @Override
    public BasicValue newOperation(AbstractInsnNode insn) throws AnalyzerException {
        if (insn.getOpcode() == Opcodes.NEW) {
            return new UninitValue(Type.getObjectType(((TypeInsnNode) insn).desc), insn);
        }
        return super.newOperation(insn);
    }

    @Override
    public BasicValue binaryOperation(AbstractInsnNode insn, BasicValue array, BasicValue index)
            throws AnalyzerException {
        if (insn.getOpcode() == Opcodes.AALOAD) {
            Type t = array.getType();
            if (t != null && t.getSort() == Type.ARRAY) {
                return newValue(Type.getType(t.getDescriptor().substring(1)));
            }
            return newValue(Type.getObjectType(Names.OBJECT));
        }
        return super.binaryOperation(insn, array, index);
    }

    @Override
    public BasicValue merge(BasicValue a, BasicValue b) {
        if (a == b) {
            return a;
        }
        if (a instanceof UninitValue || b instanceof UninitValue) {
            return a.equals(b) ? a : BasicValue.UNINITIALIZED_VALUE;
        }
        if (a.isReference() && b.isReference()) {
            Type t = mergeReference(a.getType(), b.getType());
            return t.equals(a.getType()) ? a : t.equals(b.getType()) ? b : newValue(t);
        }
        return a.equals(b) ? a : BasicValue.UNINITIALIZED_VALUE;
    }

    private Type mergeReference(Type a, Type b) {
        if (a.equals(b) || NULL_TYPE.equals(b)) {
            return a;
        }
        if (NULL_TYPE.equals(a)) {
            return b;
        }
        boolean arrayA = a.getSort() == Type.ARRAY;
        boolean arrayB = b.getSort() == Type.ARRAY;
        if (arrayA && arrayB) {
            int da = a.getDimensions();
            int db = b.getDimensions();
            Type ea = a.getElementType();
            Type eb = b.getElementType();
            boolean refA = ea.getSort() == Type.OBJECT;
            boolean refB = eb.getSort() == Type.OBJECT;
            if (da == db && refA && refB) {
                return array(
                        Type.getObjectType(hierarchy.commonSuperClass(ea.getInternalName(), eb.getInternalName())), da);
            }
            // Different shapes: arrays of arrays still share Object[]...[] up to the shallower one.
            int d = Math.min(da, db);
            boolean shallowIsRef = da < db ? refA : db < da ? refB : false;
            int dims = shallowIsRef ? d : d - 1;
            return dims == 0 ? Type.getObjectType(Names.OBJECT) : array(Type.getObjectType(Names.OBJECT), dims);
        }
        if (arrayA || arrayB) {
            return Type.getObjectType(Names.OBJECT);
        }
        return Type.getObjectType(hierarchy.commonSuperClass(a.getInternalName(), b.getInternalName()));
    }

    private static Type array(Type element, int dims) {
        return Type.getType("[".repeat(dims) + element.getDescriptor());
    }
}
