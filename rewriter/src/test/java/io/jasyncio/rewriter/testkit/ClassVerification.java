package io.jasyncio.rewriter.testkit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.util.CheckClassAdapter;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

/**
 * Checks one class file the way the rewriter's output must pass: ASM {@link CheckClassAdapter}
 * (structure, descriptors, max stack/locals), a full type-checking data-flow analysis of
 * every method against the byte-read hierarchy, and no unreachable instruction. The JVM's own verifier runs later, on load.
 */
public final class ClassVerification {
    private ClassVerification() {}

    /** @throws AssertionError naming the method, the instruction and the frames, when invalid */
    public static void verify(byte[] bytes, ClassPathHierarchy hierarchy) {
        ClassNode node = new ClassNode();
        try {
            new ClassReader(bytes).accept(new CheckClassAdapter(node, true), 0);
        } catch (RuntimeException e) {
            throw new AssertionError(
                    "CheckClassAdapter rejects " + new ClassReader(bytes).getClassName() + ": " + e, e);
        }
        Type self = Type.getObjectType(node.name);
        Type superType = node.superName == null ? null : Type.getObjectType(node.superName);
        List<Type> interfaces = new ArrayList<>();
        node.interfaces.forEach(i -> interfaces.add(Type.getObjectType(i)));
        boolean isInterface = (node.access & Opcodes.ACC_INTERFACE) != 0;
        for (MethodNode m : node.methods) {
            if (m.instructions.size() == 0) {
                continue;
            }
            Analyzer<BasicValue> analyzer =
                    new Analyzer<>(new HierarchyVerifier(hierarchy, self, superType, interfaces, isInterface));
            Frame<BasicValue>[] frames;
            try {
                frames = analyzer.analyze(node.name, m);
            } catch (AnalyzerException e) {
                int at = e.node == null ? -1 : m.instructions.indexOf(e.node);
                throw new AssertionError(
                        "data-flow verification fails in " + node.name + "." + m.name + m.desc + ": " + e.getMessage()
                                + "\n" + dump(m, analyzer.getFrames(), at),
                        e);
            }
            // No dead code: the class writer would have filled it with nop ... athrow.
            for (int i = 0; i < frames.length; i++) {
                if (frames[i] == null && m.instructions.get(i).getOpcode() >= 0) {
                    throw new AssertionError("dead code in " + node.name + "." + m.name + m.desc + " at " + i + "\n"
                            + dump(m, frames, i));
                }
            }
        }
    }

    /**
     * The method's instructions around {@code at} (all when -1), each with the frame the analysis
     * reached (locals, then the stack).
     */
    static String dump(MethodNode m, Frame<BasicValue>[] frames, int at) {
        int from = at < 0 ? 0 : Math.max(0, at - 40);
        int to = at < 0 ? m.instructions.size() : Math.min(m.instructions.size(), at + 5);
        Textifier text = new Textifier();
        TraceMethodVisitor trace = new TraceMethodVisitor(text);
        StringWriter out = new StringWriter();
        PrintWriter pw = new PrintWriter(out);
        for (int i = from; i < to; i++) {
            AbstractInsnNode insn = m.instructions.get(i);
            insn.accept(trace);
            StringWriter one = new StringWriter();
            text.print(new PrintWriter(one));
            text.getText().clear();
            Frame<BasicValue> f = frames == null || i >= frames.length ? null : frames[i];
            pw.printf(
                    "%s%5d %-60s %s%n",
                    i == at ? "=>" : "  ", i, one.toString().strip(), f == null ? "(not reached yet)" : f.toString());
        }
        pw.flush();
        return out.toString();
    }
}
