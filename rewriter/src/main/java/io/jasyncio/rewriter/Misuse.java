package io.jasyncio.rewriter;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InnerClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The checks that need no frames: where {@code await} and {@code @Async} may appear. Each
 * problem is reported with its line and a suggested fix.
 */
final class Misuse {
    private Misuse() {}

    static boolean isAsync(MethodNode m) {
        return has(m.visibleAnnotations) || has(m.invisibleAnnotations);
    }

    private static boolean has(List<AnnotationNode> annotations) {
        if (annotations != null) {
            for (AnnotationNode a : annotations) {
                if (a.desc.equals(Names.ASYNC_DESC)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the class mentions await or @Async at all, or has an async lambda (else it is left alone). */
    static boolean relevant(ClassNode c) {
        if (!AsyncLambdas.of(c).isEmpty()) {
            return true;
        }
        for (MethodNode m : c.methods) {
            if (isAsync(m)) {
                return true;
            }
            for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (Names.isAwait(insn) || isAwaitReference(insn)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Reports misuses; returns the {@code @Async} methods that have the right shape to be rewritten. */
    static List<MethodNode> check(ClassNode c, Reporter reporter) {
        List<MethodNode> candidates = new ArrayList<>();
        boolean anonymous = isAnonymous(c);
        Set<String> lambdas = AsyncLambdas.of(c);
        for (MethodNode m : c.methods) {
            // javac copies annotations onto bridge methods; a bridge only forwards to the real factory.
            boolean lambda = lambdas.contains(m.name + m.desc);
            boolean async = lambda || isAsync(m) && (m.access & ACC_BRIDGE) == 0;
            List<Integer> awaits = new ArrayList<>();
            int[] lines = Lines.of(m.instructions);
            int i = 0;
            for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext(), i++) {
                if (Names.isAwait(insn)) {
                    awaits.add(lines[i]);
                } else if (isAwaitReference(insn)) {
                    reporter.error(
                            m.name,
                            lines[i],
                            "the method reference AsyncIO::await cannot be rewritten: call"
                                    + " await(...) directly in the body of an @Async method instead");
                }
            }
            int line = Lines.first(m.instructions);
            if (async) {
                String what = "@Async method " + m.name;
                if (m.name.equals("<init>") || m.name.equals("<clinit>")) {
                    reporter.error(
                            m.name,
                            line,
                            "@Async cannot be put on a constructor or initializer: write a static"
                                    + " @Async factory method that returns Coroutine<T> instead");
                } else if ((m.access & ACC_ABSTRACT) != 0 && returnsCoroutine(m)) {
                    // A contract (interface, abstract class, enum with constant bodies): nothing to rewrite.
                    continue;
                } else if ((m.access & ACC_NATIVE) != 0) {
                    reporter.error(m.name, line, what + " is native and has no body to rewrite: remove @Async");
                } else if (!returnsCoroutine(m)) {
                    reporter.error(
                            m.name,
                            line,
                            what + " returns " + Type.getReturnType(m.desc).getClassName()
                                    + " but must return io.jasyncio.Coroutine<T>: change the return type to Coroutine<T>"
                                    + " and end the method with 'return done(value);'");
                } else if ((m.access & ACC_SYNCHRONIZED) != 0 && !awaits.isEmpty()) {
                    for (int l : awaits) {
                        reporter.error(
                                m.name,
                                l,
                                "await inside a synchronized method: the lock would stay held while"
                                        + " the coroutine is suspended; remove 'synchronized' from " + m.name
                                        + " and guard the shared state between awaits instead");
                    }
                } else {
                    if ((m.access & ACC_SYNCHRONIZED) != 0) {
                        reporter.warning(
                                m.name,
                                line,
                                what + " is synchronized, but its body runs later, when the"
                                        + " coroutine is awaited, without the lock; remove 'synchronized'");
                    }
                    candidates.add(m);
                }
            } else if (!awaits.isEmpty()) {
                for (int l : awaits) {
                    reporter.error(m.name, l, notAsyncMessage(m, anonymous));
                }
            }
        }
        return candidates;
    }

    private static boolean returnsCoroutine(MethodNode m) {
        return Type.getReturnType(m.desc).getDescriptor().equals(Names.COROUTINE_DESC);
    }

    private static String notAsyncMessage(MethodNode m, boolean anonymous) {
        if (m.name.startsWith("lambda$")) {
            return "await inside a lambda whose functional interface method does not return Coroutine: only an async"
                    + " lambda may await; give the lambda a target type returning Coroutine<T> (AsyncSupplier<T>,"
                    + " AsyncFunction<A, T> or your own) and end it with 'return done(value);', or move the await"
                    + " into an @Async method";
        }
        String fix = "annotate " + m.name + " with @Async and make it return Coroutine<T> (ending with"
                + " 'return done(value);'), or move the await into an @Async method";
        if (anonymous) {
            return "await in method " + m.name + " of an anonymous class, which is not @Async: " + fix;
        }
        return "await in method " + m.name + ", which is not @Async: " + fix;
    }

    private static boolean isAnonymous(ClassNode c) {
        for (InnerClassNode ic : c.innerClasses) {
            if (ic.name.equals(c.name) && ic.innerName == null) {
                return true;
            }
        }
        return false;
    }

    static boolean isAwaitReference(AbstractInsnNode insn) {
        if (insn instanceof InvokeDynamicInsnNode indy) {
            for (Object arg : indy.bsmArgs) {
                if (isAwaitHandle(arg)) {
                    return true;
                }
            }
        } else if (insn instanceof LdcInsnNode ldc) {
            return isAwaitHandle(ldc.cst);
        }
        return false;
    }

    private static boolean isAwaitHandle(Object o) {
        return o instanceof Handle h
                && h.getOwner().equals(Names.ASYNCIO)
                && h.getName().equals(Names.AWAIT);
    }
}
