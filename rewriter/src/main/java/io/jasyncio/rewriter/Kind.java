package io.jasyncio.rewriter;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.analysis.BasicValue;

/** How a value is kept in a frame slot: a reference, or a primitive widened to long. */
enum Kind {
    REF(Opcodes.ALOAD, Opcodes.ASTORE, 1),
    INT(Opcodes.ILOAD, Opcodes.ISTORE, 1),
    FLOAT(Opcodes.FLOAD, Opcodes.FSTORE, 1),
    LONG(Opcodes.LLOAD, Opcodes.LSTORE, 2),
    DOUBLE(Opcodes.DLOAD, Opcodes.DSTORE, 2),
    /** Statically always null: nothing to save, restored as {@code aconst_null}. */
    NULL(Opcodes.ALOAD, Opcodes.ASTORE, 1);

    final int load;
    final int store;
    final int size;

    Kind(int load, int store, int size) {
        this.load = load;
        this.store = store;
        this.size = size;
    }

    boolean isPrimitive() {
        return this == INT || this == FLOAT || this == LONG || this == DOUBLE;
    }

    /** @return null for an unusable value (top, uninitialised, return address) */
    static Kind of(BasicValue v) {
        if (v == null || v instanceof UninitValue || v.getType() == null) {
            return null;
        }
        if (TypedInterpreter.isNull(v)) {
            return NULL;
        }
        return of(v.getType());
    }

    static Kind of(Type t) {
        switch (t.getSort()) {
            case Type.BOOLEAN:
            case Type.BYTE:
            case Type.CHAR:
            case Type.SHORT:
            case Type.INT:
                return INT;
            case Type.FLOAT:
                return FLOAT;
            case Type.LONG:
                return LONG;
            case Type.DOUBLE:
                return DOUBLE;
            case Type.OBJECT:
            case Type.ARRAY:
                return REF;
            default:
                return null;
        }
    }
}
