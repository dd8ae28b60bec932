package io.jasyncio.agent;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The class a failed rewrite turns into: the original class whose static initialiser only throws
 * {@code NoClassDefFoundError} with the reason. Every use of an {@code @Async} method (a static
 * call, or creating the instance it runs on) initialises the class, so the program stops at the
 * first use with the class, method and reason instead of running un-rewritten or half-rewritten
 * code. (A transformer that throws is ignored by the JVM, so that is not an option.)
 */
final class FailingClass {
    /** The constant pool limits a string constant to 65535 bytes of modified UTF-8. */
    private static final int MAX_MESSAGE = 16_000;

    private FailingClass() {}

    static byte[] of(byte[] original, String message) {
        String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message;
        ClassReader reader = new ClassReader(original);
        ClassWriter writer = new ClassWriter(0);
        reader.accept(
                new ClassVisitor(Opcodes.ASM9, writer) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access, String name, String descriptor, String signature, String[] exceptions) {
                        // The original initialiser is dropped: it could never complete anyway.
                        return name.equals("<clinit>")
                                ? null
                                : super.visitMethod(access, name, descriptor, signature, exceptions);
                    }

                    @Override
                    public void visitEnd() {
                        MethodVisitor mv = super.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
                        mv.visitCode();
                        mv.visitTypeInsn(Opcodes.NEW, "java/lang/NoClassDefFoundError");
                        mv.visitInsn(Opcodes.DUP);
                        mv.visitLdcInsn(text);
                        mv.visitMethodInsn(
                                Opcodes.INVOKESPECIAL,
                                "java/lang/NoClassDefFoundError",
                                "<init>",
                                "(Ljava/lang/String;)V",
                                false);
                        mv.visitInsn(Opcodes.ATHROW);
                        mv.visitMaxs(3, 0);
                        mv.visitEnd();
                        super.visitEnd();
                    }
                },
                0);
        return writer.toByteArray();
    }
}
