package io.jasyncio.rewriter;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Chooses the type a restored reference is cast to. The analysed type can be a merged super
 * class the method never names (e.g. the package-private AbstractStringBuilder), which a
 * CHECKCAST could not access; walking up to the nearest class the method itself mentions
 * gives a type that is accessible and still precise enough for every later use, because each
 * use names the class it needs.
 */
final class CastTypes {
    private final Set<String> mentioned = new HashSet<>();
    private final Hierarchy hierarchy;

    CastTypes(ClassNode owner, MethodNode method, Hierarchy hierarchy) {
        this.hierarchy = hierarchy;
        mentioned.add(owner.name);
        mentioned.add("java/lang/Throwable"); // athrow needs it without naming it
        addDescriptor(method.desc);
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof TypeInsnNode t) {
                addType(t.desc.startsWith("[") ? Type.getType(t.desc) : Type.getObjectType(t.desc));
            } else if (insn instanceof FieldInsnNode f) {
                mentioned.add(f.owner);
                addType(Type.getType(f.desc));
            } else if (insn instanceof MethodInsnNode m) {
                if (!m.owner.startsWith("[")) {
                    mentioned.add(m.owner);
                }
                addDescriptor(m.desc);
            } else if (insn instanceof InvokeDynamicInsnNode indy) {
                addDescriptor(indy.desc);
            } else if (insn instanceof MultiANewArrayInsnNode multi) {
                addType(Type.getType(multi.desc));
            } else if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof Type t && t.getSort() != Type.METHOD) {
                addType(t);
            }
        }
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            if (tcb.type != null) {
                mentioned.add(tcb.type);
            }
        }
        if (method.localVariables != null) {
            for (LocalVariableNode lv : method.localVariables) {
                addType(Type.getType(lv.desc));
            }
        }
    }

    private void addDescriptor(String desc) {
        Type m = Type.getMethodType(desc);
        for (Type t : m.getArgumentTypes()) {
            addType(t);
        }
        addType(m.getReturnType());
    }

    private void addType(Type t) {
        if (t.getSort() == Type.ARRAY) {
            t = t.getElementType();
        }
        if (t.getSort() == Type.OBJECT) {
            mentioned.add(t.getInternalName());
        }
    }

    /** @return the CHECKCAST operand for a value of type {@code t}, or null when none is needed */
    String castFor(Type t) {
        if (t.getSort() == Type.ARRAY) {
            Type element = t.getElementType();
            if (element.getSort() != Type.OBJECT) {
                return t.getDescriptor();
            }
            return "[".repeat(t.getDimensions()) + "L" + walk(element.getInternalName()) + ";";
        }
        String w = walk(t.getInternalName());
        return w.equals(Names.OBJECT) ? null : w;
    }

    private String walk(String name) {
        while (!name.equals(Names.OBJECT) && !mentioned.contains(name)) {
            String s = hierarchy.superName(name);
            name = s == null ? Names.OBJECT : s;
        }
        return name;
    }
}
