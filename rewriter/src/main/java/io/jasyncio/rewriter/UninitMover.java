package io.jasyncio.rewriter;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * An uninitialised object cannot be saved in a frame, so for {@code new P(a, await(b))} the
 * {@code NEW P; DUP} pair is moved after the arguments: they are stored into fresh locals just
 * before the constructor call, then {@code NEW, DUP}, the arguments reloaded, and the call.
 */
final class UninitMover {
    private UninitMover() {
    }

    /** @return null when done, else why the shape is not supported (nothing was changed then) */
    static String move(MethodNode method, MethodFlow flow, Set<AbstractInsnNode> news) {
        AbstractInsnNode[] insns = method.instructions.toArray();
        List<AbstractInsnNode[]> plan = new ArrayList<>();   // {new, dup, init...}
        for (AbstractInsnNode n : news) {
            String what = "the object created by 'new " + ((TypeInsnNode) n).desc.replace('/', '.') + "'";
            AbstractInsnNode next = nextReal(n);
            // javac always writes NEW, DUP; ecj drops the DUP when the new object is discarded.
            AbstractInsnNode dup = next != null && next.getOpcode() == DUP ? next : null;
            List<AbstractInsnNode> inits = new ArrayList<>();
            for (int i = 0; i < insns.length; i++) {
                Frame<BasicValue> f = flow.frames[i];
                if (f == null || !(insns[i] instanceof MethodInsnNode m) || m.getOpcode() != INVOKESPECIAL
                        || !m.name.equals("<init>")) {
                    continue;
                }
                int args = Type.getArgumentTypes(m.desc).length;
                int top = f.getStackSize() - args - 1;
                if (f.getStack(top) instanceof UninitValue u && u.newInsn == n) {
                    int copies = 0;
                    for (int j = 0; j < f.getStackSize(); j++) {
                        copies += u.equals(f.getStack(j)) ? 1 : 0;
                    }
                    boolean below = top > 0 && u.equals(f.getStack(top - 1));
                    if (copies != (dup != null ? 2 : 1) || (dup != null && !below)) {
                        return what + " is used in an unusual way";
                    }
                    inits.add(m);
                }
            }
            if (inits.isEmpty()) {
                return "no constructor call found for " + what;
            }
            List<AbstractInsnNode> p = new ArrayList<>();
            p.add(n);
            p.add(dup);
            p.addAll(inits);
            plan.add(p.toArray(new AbstractInsnNode[0]));
        }
        InsnList list = method.instructions;
        for (AbstractInsnNode[] p : plan) {
            String type = ((TypeInsnNode) p[0]).desc;
            boolean dup = p[1] != null;
            list.remove(p[0]);
            if (dup) {
                list.remove(p[1]);
            }
            for (int k = 2; k < p.length; k++) {
                MethodInsnNode init = (MethodInsnNode) p[k];
                Type[] args = Type.getArgumentTypes(init.desc);
                int[] locals = new int[args.length];
                for (int a = 0; a < args.length; a++) {
                    locals[a] = method.maxLocals;
                    method.maxLocals += args[a].getSize();
                }
                InsnList code = new InsnList();
                for (int a = args.length - 1; a >= 0; a--) {
                    code.add(new VarInsnNode(args[a].getOpcode(ISTORE), locals[a]));
                }
                code.add(new TypeInsnNode(NEW, type));
                if (dup) {
                    code.add(new InsnNode(DUP));
                }
                for (int a = 0; a < args.length; a++) {
                    code.add(new VarInsnNode(args[a].getOpcode(ILOAD), locals[a]));
                }
                list.insertBefore(init, code);
            }
        }
        return null;
    }

    private static AbstractInsnNode nextReal(AbstractInsnNode insn) {
        AbstractInsnNode n = insn.getNext();
        while (n != null && n.getOpcode() < 0) {
            n = n.getNext();
        }
        return n;
    }
}
