package io.jasyncio.rewriter;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
 * object is created only once its arguments are computed (as Kotlin's compiler does): the
 * {@code NEW} and every instruction that copies the uninitialised reference (its {@code DUP},
 * and the {@code ASTORE}/{@code ALOAD} pairs javac uses to spill the operand stack into locals
 * around a switch expression with a {@code try}) are removed; just before each constructor
 * call the arguments are stored into fresh locals, then {@code NEW}, {@code DUP} (when the
 * object was used after the call), the arguments reloaded, and the call. Every other
 * instruction must leave the uninitialised references where they are on the operand stack.
 * Where the {@code NEW} was, a {@code NEW; POP} keeps the class initialised at the point the
 * source says (before the arguments).
 */
final class UninitMover {
    private UninitMover() {}

    /** @return null when done, else why the shape is not supported (nothing was changed then) */
    static String move(MethodNode method, MethodFlow flow, Set<AbstractInsnNode> news) {
        AbstractInsnNode[] insns = method.instructions.toArray();
        Map<AbstractInsnNode, Integer> moved = new IdentityHashMap<>(); // NEW -> its number
        for (AbstractInsnNode n : news) {
            moved.put(n, moved.size());
        }
        List<AbstractInsnNode> remove = new ArrayList<>(news);
        List<MethodInsnNode> inits = new ArrayList<>(); // in code order: the output is deterministic
        List<Boolean> dups = new ArrayList<>();
        Set<AbstractInsnNode> initialised = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < insns.length; i++) {
            Frame<BasicValue> f = flow.frames[i];
            AbstractInsnNode insn = insns[i];
            if (f == null || insn.getOpcode() < 0 || moved.containsKey(insn)) {
                continue;
            }
            int size = f.getStackSize();
            UninitValue top = size > 0 ? movedValue(f.getStack(size - 1), moved) : null;
            int op = insn.getOpcode();
            if ((op == DUP || op == ASTORE) && top != null) {
                remove.add(insn);
                continue;
            }
            if (op == ALOAD && movedValue(f.getLocal(((VarInsnNode) insn).var), moved) != null) {
                remove.add(insn);
                continue;
            }
            if (insn instanceof MethodInsnNode m && op == INVOKESPECIAL && m.name.equals("<init>")) {
                int receiver = size - Type.getArgumentTypes(m.desc).length - 1;
                UninitValue u = movedValue(f.getStack(receiver), moved);
                if (u != null) {
                    boolean dup = receiver > 0 && u.equals(f.getStack(receiver - 1));
                    for (int j = 0; j < size; j++) {
                        if (u.equals(f.getStack(j)) && j != receiver && !(dup && j == receiver - 1)) {
                            return describe(u) + " is used in an unusual way";
                        }
                    }
                    inits.add(m);
                    dups.add(dup);
                    initialised.add(u.newInsn);
                    continue;
                }
            }
            String before = positions(f, moved);
            if (before.isEmpty()) {
                continue;
            }
            for (int s : flow.successors[i]) {
                Frame<BasicValue> g = flow.frames[s];
                if (g != null && !before.equals(positions(g, moved))) {
                    UninitValue u = firstMoved(f, moved);
                    return describe(u) + " is used in an unusual way";
                }
            }
        }
        for (AbstractInsnNode n : news) {
            if (!initialised.contains(n)) {
                return "no constructor call found for " + describe(new UninitValue(null, n));
            }
        }
        InsnList list = method.instructions;
        for (AbstractInsnNode n : news) {
            // NEW initialises its class: keep that where the source has it (before the
            // arguments are evaluated) with a NEW whose object is dropped at once. JDK classes
            // have no initialisation a program could observe.
            String type = ((TypeInsnNode) n).desc;
            if (!type.startsWith("java/")) {
                list.insertBefore(n, new TypeInsnNode(NEW, type));
                list.insertBefore(n, new InsnNode(POP));
            }
        }
        for (AbstractInsnNode r : remove) {
            list.remove(r);
        }
        for (int k = 0; k < inits.size(); k++) {
            MethodInsnNode init = inits.get(k);
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
            code.add(new TypeInsnNode(NEW, init.owner));
            if (dups.get(k)) {
                code.add(new InsnNode(DUP));
            }
            for (int a = 0; a < args.length; a++) {
                code.add(new VarInsnNode(args[a].getOpcode(ILOAD), locals[a]));
            }
            list.insertBefore(init, code);
        }
        return null;
    }

    private static UninitValue movedValue(BasicValue v, Map<AbstractInsnNode, Integer> moved) {
        return v instanceof UninitValue u && moved.containsKey(u.newInsn) ? u : null;
    }

    /** Where the moved uninitialised references sit on the operand stack, e.g. "0:1,1:1,". */
    private static String positions(Frame<BasicValue> f, Map<AbstractInsnNode, Integer> moved) {
        StringBuilder sb = null;
        for (int j = 0; j < f.getStackSize(); j++) {
            UninitValue u = movedValue(f.getStack(j), moved);
            if (u != null) {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(j).append(':').append(moved.get(u.newInsn)).append(',');
            }
        }
        return sb == null ? "" : sb.toString();
    }

    private static UninitValue firstMoved(Frame<BasicValue> f, Map<AbstractInsnNode, Integer> moved) {
        for (int j = 0; j < f.getStackSize(); j++) {
            UninitValue u = movedValue(f.getStack(j), moved);
            if (u != null) {
                return u;
            }
        }
        return null;
    }

    private static String describe(UninitValue u) {
        return "the object created by 'new " + ((TypeInsnNode) u.newInsn).desc.replace('/', '.') + "'";
    }
}
