package io.jasyncio.rewriter;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LineNumberNode;

/** Source line of each instruction of a method (-1 without debug info). */
final class Lines {
    private Lines() {}

    static int[] of(InsnList insns) {
        int[] lines = new int[insns.size()];
        int current = -1;
        int i = 0;
        for (AbstractInsnNode insn = insns.getFirst(); insn != null; insn = insn.getNext(), i++) {
            if (insn instanceof LineNumberNode ln) {
                current = ln.line;
            }
            lines[i] = current;
        }
        return lines;
    }

    /** The first line of a method's code, -1 when unknown. */
    static int first(InsnList insns) {
        for (AbstractInsnNode insn = insns.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof LineNumberNode ln) {
                return ln.line;
            }
        }
        return -1;
    }
}
