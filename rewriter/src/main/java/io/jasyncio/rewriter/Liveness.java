package io.jasyncio.rewriter;

import java.util.BitSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Backward liveness of local variables: a local is live before an instruction when some path
 * from there (exception edges included) reads it before writing it. Only live locals are
 * saved at an await, so dead references never stay reachable from a suspended frame.
 */
final class Liveness {
    /** Shared use/def set of instructions that touch no local; never modified. */
    private static final BitSet NONE = new BitSet();

    private Liveness() {}

    /** @return for each instruction, the locals live just before it (null for unreachable code) */
    static BitSet[] liveBefore(InsnList insns, MethodFlow flow) {
        int n = insns.size();
        BitSet[] in = new BitSet[n];
        BitSet[] use = new BitSet[n];
        BitSet[] def = new BitSet[n];
        for (int i = 0; i < n; i++) {
            if (flow.frames[i] == null) {
                continue;
            }
            in[i] = new BitSet();
            use[i] = NONE;
            def[i] = NONE;
            AbstractInsnNode insn = insns.get(i);
            if (insn instanceof VarInsnNode v) {
                int op = v.getOpcode();
                if (op >= Opcodes.ILOAD && op <= Opcodes.ALOAD) {
                    use[i] = new BitSet();
                    use[i].set(v.var);
                } else if (op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
                    def[i] = new BitSet();
                    def[i].set(v.var);
                    if (op == Opcodes.LSTORE || op == Opcodes.DSTORE) {
                        def[i].set(v.var + 1);
                    }
                }
            } else if (insn instanceof IincInsnNode inc) {
                use[i] = new BitSet();
                use[i].set(inc.var);
            }
        }
        // One scratch set per pass, kept only when it changes a result: a fresh BitSet per
        // instruction and pass was most of the rewriter's garbage.
        BitSet live = new BitSet();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = n - 1; i >= 0; i--) {
                if (in[i] == null) {
                    continue;
                }
                live.clear();
                for (int s : flow.successors[i]) {
                    if (in[s] != null) {
                        live.or(in[s]);
                    }
                }
                live.andNot(def[i]);
                live.or(use[i]);
                for (int h : flow.handlers[i]) {
                    if (in[h] != null) {
                        live.or(in[h]);
                    }
                }
                if (!live.equals(in[i])) {
                    in[i] = (BitSet) live.clone();
                    changed = true;
                }
            }
        }
        return in;
    }
}
