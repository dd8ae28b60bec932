package io.jasyncio.rewriter;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Removes the instructions no path reaches (the {@code areturn} or {@code goto} left behind by a
 * {@code return done(v)} that now returns at once), with the handlers and line numbers left
 * without code, so that the class writer has no dead code to fill with {@code nop}/{@code athrow}.
 */
final class DeadCode {
    private DeadCode() {}

    static void remove(MethodNode m) {
        InsnList insns = m.instructions;
        int n = insns.size();
        if (n == 0) {
            return;
        }
        boolean[] reached = new boolean[n];
        Deque<Integer> work = new ArrayDeque<>();
        reach(0, reached, work);
        boolean more = true;
        while (more) {
            while (!work.isEmpty()) {
                int i = work.poll();
                AbstractInsnNode insn = insns.get(i);
                int op = insn.getOpcode();
                if (insn instanceof JumpInsnNode j) {
                    reach(insns.indexOf(j.label), reached, work);
                    if (op != GOTO) {
                        reach(i + 1, reached, work);
                    }
                } else if (insn instanceof TableSwitchInsnNode t) {
                    reach(insns.indexOf(t.dflt), reached, work);
                    t.labels.forEach(l -> reach(insns.indexOf(l), reached, work));
                } else if (insn instanceof LookupSwitchInsnNode l) {
                    reach(insns.indexOf(l.dflt), reached, work);
                    l.labels.forEach(x -> reach(insns.indexOf(x), reached, work));
                } else if (!(op >= IRETURN && op <= RETURN) && op != ATHROW && op != RET) {
                    reach(i + 1, reached, work);
                }
            }
            more = false;
            for (TryCatchBlockNode tcb : m.tryCatchBlocks) {
                int handler = insns.indexOf(tcb.handler);
                if (!reached[handler] && coversReachedCode(insns, tcb, reached)) {
                    reach(handler, reached, work);
                    more = true;
                }
            }
        }
        AbstractInsnNode[] arr = insns.toArray();
        for (int i = 0; i < n; i++) {
            if (!reached[i] && arr[i].getOpcode() >= 0) {
                insns.remove(arr[i]);
            }
        }
        for (Iterator<TryCatchBlockNode> it = m.tryCatchBlocks.iterator(); it.hasNext(); ) {
            TryCatchBlockNode tcb = it.next();
            if (!hasCode(tcb.start, tcb.end)) {
                it.remove();
            }
        }
        // A line number with no instruction after it would point past the end of the code.
        for (AbstractInsnNode insn = insns.getLast(); insn != null && insn.getOpcode() < 0; ) {
            AbstractInsnNode previous = insn.getPrevious();
            if (insn instanceof LineNumberNode) {
                insns.remove(insn);
            }
            insn = previous;
        }
    }

    private static void reach(int i, boolean[] reached, Deque<Integer> work) {
        if (i < reached.length && !reached[i]) {
            reached[i] = true;
            work.add(i);
        }
    }

    private static boolean coversReachedCode(InsnList insns, TryCatchBlockNode tcb, boolean[] reached) {
        for (int i = insns.indexOf(tcb.start), end = insns.indexOf(tcb.end); i < end; i++) {
            if (reached[i] && insns.get(i).getOpcode() >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCode(LabelNode start, LabelNode end) {
        for (AbstractInsnNode insn = start; insn != null && insn != end; insn = insn.getNext()) {
            if (insn.getOpcode() >= 0) {
                return true;
            }
        }
        return false;
    }
}
