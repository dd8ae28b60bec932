package io.jasyncio.rewriter;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import org.objectweb.asm.Handle;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The method that replaces an {@code @Async} method under its own name and signature: it
 * creates the frame (the lazy coroutine object) with the receiver and arguments in their
 * slots and returns it. No line of the body runs.
 */
final class Factory {
    private static final Handle SITE_BOOTSTRAP =
            new Handle(H_INVOKESTATIC, Names.FRAME_SITE, "bootstrap", Names.SITE_BOOTSTRAP_DESC, false);

    private Factory() {}

    static MethodNode build(
            ClassNode owner,
            MethodNode original,
            java.util.List<Saved> start,
            int argSize,
            String site,
            String bodyName,
            int refSlots,
            int primSlots,
            int firstLine,
            AbstractInsnNode firstLabel) {
        MethodNode f = new MethodNode(
                ASM9,
                original.access,
                original.name,
                original.desc,
                original.signature,
                original.exceptions == null ? null : original.exceptions.toArray(new String[0]));
        f.parameters = original.parameters;
        f.visibleAnnotations = original.visibleAnnotations;
        f.invisibleAnnotations = original.invisibleAnnotations;
        f.visibleTypeAnnotations = original.visibleTypeAnnotations;
        f.invisibleTypeAnnotations = original.invisibleTypeAnnotations;
        f.visibleParameterAnnotations = original.visibleParameterAnnotations;
        f.invisibleParameterAnnotations = original.invisibleParameterAnnotations;
        f.visibleAnnotableParameterCount = original.visibleAnnotableParameterCount;
        f.invisibleAnnotableParameterCount = original.invisibleAnnotableParameterCount;
        f.attrs = original.attrs;

        boolean itf = (owner.access & ACC_INTERFACE) != 0;
        InsnList c = f.instructions;
        LabelNode begin = new LabelNode();
        LabelNode end = new LabelNode();
        c.add(begin);
        if (firstLine > 0) {
            c.add(new LineNumberNode(firstLine, begin));
        }
        c.add(new InvokeDynamicInsnNode(
                "site",
                "()L" + Names.FRAME_SITE + ";",
                SITE_BOOTSTRAP,
                new Handle(H_INVOKESTATIC, owner.name, bodyName, Names.BODY_METHOD_DESC, itf),
                site));
        SlotCode.push(c, refSlots);
        SlotCode.push(c, primSlots);
        c.add(new MethodInsnNode(INVOKESTATIC, Names.FRAME, "create", Names.CREATE_DESC, false));
        c.add(new VarInsnNode(ASTORE, argSize));
        for (Saved s : start) {
            SlotCode.save(c, argSize, s.kind(), s.slot(), s.local());
        }
        c.add(new VarInsnNode(ALOAD, argSize));
        c.add(new InsnNode(ARETURN));
        c.add(end);

        if (original.localVariables != null) {
            f.localVariables = new ArrayList<>();
            for (LocalVariableNode lv : original.localVariables) {
                if (lv.index < argSize && lv.start == firstLabel) {
                    f.localVariables.add(new LocalVariableNode(lv.name, lv.desc, lv.signature, begin, end, lv.index));
                }
            }
        }
        f.maxLocals = argSize + 1;
        f.maxStack = 6;
        return f;
    }
}
