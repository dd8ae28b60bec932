package io.jasyncio.rewriter;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/** The code the body gets at each await site, at its tail awaits, and in its dispatching prologue. */
final class SiteCode {
    private SiteCode() {}

    /**
     * Replaces one {@code AsyncIO.await} call. The code stays where the call was, so the
     * resume path's {@code Frame.result} is covered by the same exception handlers. On
     * suspension it sets the state and jumps to the (shared) save code.
     */
    static void await(
            InsnList insns,
            AbstractInsnNode call,
            int state,
            Kind[] spillKinds,
            int[] spills,
            int frameLocal,
            int taskLocal,
            int temp,
            LabelNode save,
            LabelNode resume) {
        LabelNode cont = new LabelNode();
        InsnList c = new InsnList();
        int depth = spills.length;
        if (depth > 0) {
            c.add(new VarInsnNode(ASTORE, temp));
            for (int j = depth - 1; j >= 0; j--) {
                c.add(new VarInsnNode(spillKinds[j].store, spills[j]));
            }
            c.add(new VarInsnNode(ALOAD, temp));
        }
        c.add(new VarInsnNode(ALOAD, frameLocal));
        c.add(new VarInsnNode(ALOAD, taskLocal));
        c.add(new MethodInsnNode(INVOKESTATIC, Names.FRAME, "await", Names.AWAIT_DESC, false));
        c.add(new InsnNode(DUP));
        c.add(new FieldInsnNode(GETSTATIC, Names.FRAME, "SUSPEND", Names.OBJECT_DESC));
        c.add(new JumpInsnNode(IF_ACMPNE, cont));
        c.add(new InsnNode(POP));
        SlotCode.setState(c, frameLocal, state);
        c.add(new JumpInsnNode(GOTO, save));
        c.add(resume);
        c.add(new VarInsnNode(ALOAD, frameLocal));
        c.add(new VarInsnNode(ALOAD, taskLocal));
        c.add(new MethodInsnNode(INVOKESTATIC, Names.FRAME, "result", Names.RESULT_DESC, false));
        c.add(cont);
        if (depth > 0) {
            c.add(new VarInsnNode(ASTORE, temp));
            for (int j = 0; j < depth; j++) {
                c.add(new VarInsnNode(spillKinds[j].load, spills[j]));
            }
            c.add(new VarInsnNode(ALOAD, temp));
        }
        insns.insert(call, c);
        insns.remove(call);
    }

    /**
     * Every areturn of a coroutine other than done(v) delegates to it: it pushes its state
     * number and jumps to one shared tail await placed after the method's code, outside every
     * exception handler (the delegate runs after the method returned, as in the source).
     */
    static void tails(
            InsnList insns,
            AbstractInsnNode[] returns,
            int[] states,
            int frameLocal,
            int taskLocal,
            int temp,
            LabelNode resume) {
        LabelNode tail = new LabelNode();
        LabelNode done = new LabelNode();
        for (int t = 0; t < returns.length; t++) {
            InsnList c = new InsnList();
            SlotCode.push(c, states[t]);
            c.add(new JumpInsnNode(GOTO, tail));
            insns.insert(returns[t], c);
            insns.remove(returns[t]);
        }
        InsnList c = new InsnList();
        c.add(tail);
        c.add(new VarInsnNode(ISTORE, temp));
        c.add(new VarInsnNode(ALOAD, frameLocal));
        c.add(new VarInsnNode(ALOAD, taskLocal));
        c.add(new MethodInsnNode(INVOKESTATIC, Names.FRAME, "await", Names.AWAIT_DESC, false));
        c.add(new InsnNode(DUP));
        c.add(new FieldInsnNode(GETSTATIC, Names.FRAME, "SUSPEND", Names.OBJECT_DESC));
        c.add(new JumpInsnNode(IF_ACMPNE, done));
        c.add(new VarInsnNode(ALOAD, frameLocal));
        c.add(new VarInsnNode(ILOAD, temp));
        c.add(new FieldInsnNode(PUTFIELD, Names.FRAME, "state", "I"));
        c.add(new InsnNode(ARETURN));
        c.add(resume);
        c.add(new VarInsnNode(ALOAD, frameLocal));
        c.add(new VarInsnNode(ALOAD, taskLocal));
        c.add(new MethodInsnNode(INVOKESTATIC, Names.FRAME, "result", Names.RESULT_DESC, false));
        c.add(done);
        c.add(new InsnNode(ARETURN));
        insns.add(c);
    }

    /**
     * The body's start: keep the frame and the task (its parameters 0 and 1) in their own locals
     * past the original ones, dispatch on {@code f.state}, and for state 0 load the receiver and
     * arguments into their original locals.
     */
    static InsnList prologue(
            int frameLocal,
            int taskLocal,
            LabelNode[] targets,
            InsnList restores,
            LabelNode bad,
            Layout layout,
            java.util.List<Saved> start) {
        InsnList c = new InsnList();
        // the task first: taskLocal > frameLocal, so storing the frame cannot overwrite parameter 1 unread
        if (taskLocal != 1) {
            c.add(new VarInsnNode(ALOAD, 1));
            c.add(new VarInsnNode(ASTORE, taskLocal));
        }
        if (frameLocal != 0) {
            c.add(new VarInsnNode(ALOAD, 0));
            c.add(new VarInsnNode(ASTORE, frameLocal));
        }
        LabelNode first = new LabelNode();
        if (targets.length > 1) {
            targets[0] = first;
            c.add(new VarInsnNode(ALOAD, frameLocal));
            c.add(new FieldInsnNode(GETFIELD, Names.FRAME, "state", "I"));
            c.add(new TableSwitchInsnNode(0, targets.length - 1, bad, targets));
            c.add(restores);
            c.add(bad);
            c.add(new TypeInsnNode(NEW, "java/lang/IllegalStateException"));
            c.add(new InsnNode(DUP));
            c.add(new LdcInsnNode("jasyncio: corrupt coroutine state"));
            c.add(new MethodInsnNode(
                    INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "(Ljava/lang/String;)V", false));
            c.add(new InsnNode(ATHROW));
        }
        c.add(first);
        for (Saved s : start) {
            SlotCode.restore(c, frameLocal, s.kind(), s.slot(), s.local(), s.castTo());
        }
        SlotCode.clearRefs(c, frameLocal, 0, layout.refSlots());
        return c;
    }
}
