package io.jasyncio.rewriter;

import static org.objectweb.asm.Opcodes.ACC_SYNTHETIC;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Finds the async lambdas of a class: the synthetic methods that javac and ecj compile lambda
 * bodies into ({@code lambda$main$0}, {@code lambda$0}), when a {@code LambdaMetafactory} call site
 * of the same class binds one to a functional interface method that returns {@code Coroutine}.
 * Such a body is rewritten like an {@code @Async} method. Every method is scanned, so a lambda
 * created inside another lambda's body is found too. Method references need nothing: they call
 * the referenced method, which is rewritten (or not) on its own.
 */
final class AsyncLambdas {
    private static final String METAFACTORY = "java/lang/invoke/LambdaMetafactory";

    private AsyncLambdas() {}

    /** The name + descriptor of each async lambda body of {@code c}. */
    static Set<String> of(ClassNode c) {
        Set<String> bodies = new HashSet<>();
        for (MethodNode m : c.methods) {
            for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (insn instanceof InvokeDynamicInsnNode indy) {
                    Handle impl = asyncImpl(indy, c.name);
                    if (impl != null) {
                        bodies.add(impl.getName() + impl.getDesc());
                    }
                }
            }
        }
        if (!bodies.isEmpty()) {
            // Only compiler-generated bodies: a method reference to a plain method of this class stays a call.
            Set<String> synthetic = new HashSet<>();
            for (MethodNode m : c.methods) {
                if ((m.access & ACC_SYNTHETIC) != 0 && bodies.contains(m.name + m.desc)) {
                    synthetic.add(m.name + m.desc);
                }
            }
            bodies = synthetic;
        }
        return bodies;
    }

    /**
     * The implementation method of a lambda call site of class {@code owner} whose functional
     * interface method (as instantiated at the site) returns {@code Coroutine}, or null.
     */
    private static Handle asyncImpl(InvokeDynamicInsnNode indy, String owner) {
        Handle bsm = indy.bsm;
        if (!bsm.getOwner().equals(METAFACTORY)
                || indy.bsmArgs.length < 3
                || !(indy.bsmArgs[1] instanceof Handle impl)
                || !(indy.bsmArgs[2] instanceof Type instantiated)) {
            return null;
        }
        if (!impl.getOwner().equals(owner)
                || instantiated.getSort() != Type.METHOD
                || !instantiated.getReturnType().getDescriptor().equals(Names.COROUTINE_DESC)
                || !Type.getReturnType(impl.getDesc()).getDescriptor().equals(Names.COROUTINE_DESC)) {
            return null;
        }
        return impl;
    }
}
