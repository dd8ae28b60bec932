package io.jasyncio.rewriter;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** Rewrites one class: all checks first, then every {@code @Async} method, or nothing at all. */
final class ClassRewrite {
    private ClassRewrite() {}

    static RewriteResult run(byte[] bytes, TypeHierarchy types) {
        ClassNode c = new ClassNode();
        try {
            new ClassReader(bytes).accept(c, ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            int version = bytes.length >= 8 ? ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff) : -1;
            String why = version > Names.NEWEST_VERSION
                    ? "class file version " + version + " (Java " + (version - 44) + ") is newer than the newest"
                            + " supported, " + Names.NEWEST_VERSION + " (Java " + (Names.NEWEST_VERSION - 44) + ")"
                    : "not a valid class file (" + e + ")";
            return failed(new Reporter("<unknown>", null), why);
        }
        String binaryName = c.name.replace('/', '.');
        Reporter reporter = new Reporter(binaryName, c.sourceFile);
        if (isMarked(c)) {
            return RewriteResult.alreadyRewritten(bytes);
        }
        if (!Misuse.relevant(c)) {
            return RewriteResult.unchanged(bytes, List.of());
        }
        int version = c.version & 0xFFFF;
        if (version < Names.OLDEST_VERSION || version > Names.NEWEST_VERSION) {
            reporter.error(
                    null,
                    -1,
                    "class file version " + version + " (Java " + (version - 44) + ") is not supported:"
                            + " jasyncio rewrites class files of Java " + (Names.OLDEST_VERSION - 44) + " ("
                            + Names.OLDEST_VERSION
                            + ") to Java " + (Names.NEWEST_VERSION - 44) + " (" + Names.NEWEST_VERSION
                            + "); compile with --release "
                            + (Names.OLDEST_VERSION - 44) + " or newer");
            return RewriteResult.failed(reporter.diagnostics());
        }
        try {
            List<MethodNode> candidates = Misuse.check(c, reporter);
            Hierarchy hierarchy = new Hierarchy(types, c.name, c.superName, c.access);
            List<AsyncMethod> methods = new ArrayList<>();
            for (MethodNode m : candidates) {
                AsyncMethod am = new AsyncMethod(c, m, hierarchy, reporter);
                if (am.check()) {
                    methods.add(am);
                }
            }
            if (reporter.hasErrors()) {
                return RewriteResult.failed(reporter.diagnostics());
            }
            if (methods.isEmpty()) {
                return RewriteResult.unchanged(bytes, reporter.diagnostics());
            }
            SerialUid.preserve(c, hierarchy);
            rewriteMethods(c, methods, binaryName, version);
            addContractCheck(c, binaryName);
            AnnotationNode mark = new AnnotationNode(Names.REWRITTEN_DESC);
            mark.values = new ArrayList<>(List.of("version", Names.CONTRACT_VERSION));
            if (c.invisibleAnnotations == null) {
                c.invisibleAnnotations = new ArrayList<>();
            }
            c.invisibleAnnotations.add(mark);
            FrameComputingWriter writer = new FrameComputingWriter(hierarchy);
            c.accept(writer);
            return RewriteResult.rewritten(writer.toByteArray(), reporter.diagnostics());
        } catch (org.objectweb.asm.MethodTooLargeException e) {
            reporter.error(
                    e.getMethodName(),
                    -1,
                    "method " + e.getMethodName() + " is too large once rewritten (more than"
                            + " 64 KiB of bytecode: every await saves and restores the values live there); split it into smaller"
                            + " @Async methods");
        } catch (TypeHierarchy.TypeNotFoundException e) {
            reporter.error(
                    null,
                    -1,
                    e.getMessage() + ": the rewriter needs it to compute stack map frames;"
                            + " add it to the class path the rewriter is given");
        } catch (RuntimeException e) {
            reporter.error(null, -1, internalError(e));
        }
        return RewriteResult.failed(reporter.diagnostics());
    }

    static RewriteResult failed(Reporter reporter, String message) {
        reporter.error(null, -1, message);
        return RewriteResult.failed(reporter.diagnostics());
    }

    /** The message of a bug of the rewriter: what a user reports, with what was thrown. */
    static String internalError(Throwable e) {
        return "internal rewriter error (please report it): " + e;
    }

    private static boolean isMarked(ClassNode c) {
        if (c.invisibleAnnotations != null) {
            for (AnnotationNode a : c.invisibleAnnotations) {
                if (a.desc.equals(Names.REWRITTEN_DESC)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void rewriteMethods(ClassNode c, List<AsyncMethod> methods, String binaryName, int version) {
        Set<String> taken = new HashSet<>();
        for (MethodNode m : c.methods) {
            taken.add(m.name + m.desc);
        }
        boolean itf = (c.access & ACC_INTERFACE) != 0;
        boolean publicBody = itf && version < V9;
        for (AsyncMethod am : methods) {
            MethodNode body = am.method();
            String name = body.name;
            for (int i = 1; taken.contains(name + Names.BODY_METHOD_DESC); i++) {
                name = body.name + "$" + i;
            }
            taken.add(name + Names.BODY_METHOD_DESC);
            int index = c.methods.indexOf(body);
            MethodNode factory = am.rewrite(name, binaryName, c.sourceFile, publicBody);
            c.methods.set(index, factory);
            c.methods.add(index + 1, body);
        }
    }

    /** {@code <clinit>} starts with {@code Frame.checkContract(CONTRACT_VERSION, "binary.Name")}. */
    private static void addContractCheck(ClassNode c, String binaryName) {
        MethodNode clinit = null;
        for (MethodNode m : c.methods) {
            if (m.name.equals("<clinit>")) {
                clinit = m;
            }
        }
        if (clinit == null) {
            clinit = new MethodNode(ASM9, ACC_STATIC, "<clinit>", "()V", null, null);
            clinit.instructions.add(new InsnNode(RETURN));
            c.methods.add(clinit);
        }
        InsnList check = new InsnList();
        SlotCode.push(check, Names.CONTRACT_VERSION);
        check.add(new LdcInsnNode(binaryName));
        check.add(new MethodInsnNode(INVOKESTATIC, Names.FRAME, "checkContract", Names.CHECK_CONTRACT_DESC, false));
        clinit.instructions.insert(check);
    }
}
