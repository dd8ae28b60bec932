package io.jasyncio.rewriter;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Emits the code that moves a value between a local variable and a frame slot: references in
 * {@code r0, r1} then {@code ((Object[]) ext)[i]}; primitives widened to long in {@code p0} then
 * {@code ((long[]) ((Object[]) ext)[1])[i-1]} (float and double as raw bits). Never boxes. The inline counts are the
 * runtime's {@code Frame.INLINE_REFS}/{@code INLINE_PRIMS} of the contract version in
 * {@link Names#CONTRACT_VERSION}.
 */
final class SlotCode {
    static final int INLINE_REFS = 2;
    static final int INLINE_PRIMS = 1;

    private static int inline(boolean ref) {
        return ref ? INLINE_REFS : INLINE_PRIMS;
    }

    private SlotCode() {}

    /** Pushes the array that holds overflow slot {@code slot}, then its index there. */
    private static void overflow(InsnList il, boolean ref, int slot) {
        il.add(new FieldInsnNode(GETFIELD, Names.FRAME, "ext", Names.OBJECT_DESC));
        il.add(new TypeInsnNode(CHECKCAST, "[Ljava/lang/Object;"));
        if (ref) {
            push(il, slot);
        } else {
            il.add(new InsnNode(ICONST_1));
            il.add(new InsnNode(AALOAD));
            il.add(new TypeInsnNode(CHECKCAST, "[J"));
            push(il, slot - INLINE_PRIMS);
        }
    }

    static void push(InsnList il, int value) {
        if (value >= -1 && value <= 5) {
            il.add(new InsnNode(ICONST_0 + value));
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            il.add(new IntInsnNode(BIPUSH, value));
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            il.add(new IntInsnNode(SIPUSH, value));
        } else {
            il.add(new LdcInsnNode(value));
        }
    }

    /** Saves local {@code local} of the given kind into slot {@code slot} of the frame in {@code frameLocal}. */
    static void save(InsnList il, int frameLocal, Kind kind, int slot, int local) {
        il.add(new VarInsnNode(ALOAD, frameLocal));
        boolean ref = kind == Kind.REF;
        boolean inArray = slot >= inline(ref);
        if (inArray) {
            overflow(il, ref, slot);
        }
        il.add(new VarInsnNode(kind.load, local));
        switch (kind) {
            case INT:
                il.add(new InsnNode(I2L));
                break;
            case FLOAT:
                il.add(new MethodInsnNode(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false));
                il.add(new InsnNode(I2L));
                break;
            case DOUBLE:
                il.add(new MethodInsnNode(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false));
                break;
            default:
                break;
        }
        if (inArray) {
            il.add(new InsnNode(ref ? AASTORE : LASTORE));
        } else {
            il.add(new FieldInsnNode(PUTFIELD, Names.FRAME, (ref ? "r" : "p") + slot, ref ? Names.OBJECT_DESC : "J"));
        }
    }

    /**
     * Restores slot {@code slot} into local {@code local}; {@code castTo} is the internal name or
     * array descriptor a reference is cast to (null for none).
     */
    static void restore(InsnList il, int frameLocal, Kind kind, int slot, int local, String castTo) {
        if (kind == Kind.NULL) {
            il.add(new InsnNode(ACONST_NULL));
            il.add(new VarInsnNode(ASTORE, local));
            return;
        }
        boolean ref = kind == Kind.REF;
        il.add(new VarInsnNode(ALOAD, frameLocal));
        if (slot >= inline(ref)) {
            overflow(il, ref, slot);
            il.add(new InsnNode(ref ? AALOAD : LALOAD));
        } else {
            il.add(new FieldInsnNode(GETFIELD, Names.FRAME, (ref ? "r" : "p") + slot, ref ? Names.OBJECT_DESC : "J"));
        }
        switch (kind) {
            case REF:
                if (castTo != null) {
                    il.add(new TypeInsnNode(CHECKCAST, castTo));
                }
                break;
            case INT:
                il.add(new InsnNode(L2I));
                break;
            case FLOAT:
                il.add(new InsnNode(L2I));
                il.add(new MethodInsnNode(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false));
                break;
            case DOUBLE:
                il.add(new MethodInsnNode(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false));
                break;
            default:
                break;
        }
        il.add(new VarInsnNode(kind.store, local));
    }

    /** Nulls reference slots {@code from} (inclusive) to {@code to} (exclusive). */
    static void clearRefs(InsnList il, int frameLocal, int from, int to) {
        for (int s = from; s < Math.min(to, INLINE_REFS); s++) {
            il.add(new VarInsnNode(ALOAD, frameLocal));
            il.add(new InsnNode(ACONST_NULL));
            il.add(new FieldInsnNode(PUTFIELD, Names.FRAME, "r" + s, Names.OBJECT_DESC));
        }
        int first = Math.max(from, INLINE_REFS);
        if (first < to) {
            il.add(new VarInsnNode(ALOAD, frameLocal));
            il.add(new FieldInsnNode(GETFIELD, Names.FRAME, "ext", Names.OBJECT_DESC));
            il.add(new TypeInsnNode(CHECKCAST, "[Ljava/lang/Object;"));
            push(il, first);
            push(il, to);
            il.add(new InsnNode(ACONST_NULL));
            il.add(new MethodInsnNode(
                    INVOKESTATIC, "java/util/Arrays", "fill", "([Ljava/lang/Object;IILjava/lang/Object;)V", false));
        }
    }

    static void setState(InsnList il, int frameLocal, int state) {
        il.add(new VarInsnNode(ALOAD, frameLocal));
        push(il, state);
        il.add(new FieldInsnNode(PUTFIELD, Names.FRAME, "state", "I"));
    }
}
