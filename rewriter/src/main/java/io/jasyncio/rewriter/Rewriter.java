package io.jasyncio.rewriter;

import java.util.List;
import org.objectweb.asm.ClassReader;

/**
 * The jasyncio rewriter: a pure function from class bytes to class bytes plus diagnostics.
 * No class loading, no I/O. Thread-safe (stateless apart from the supplied hierarchy).
 * API fixed for the agent and the Maven plugin; see docs/REWRITER.md for what it emits.
 */
public final class Rewriter {
    private final TypeHierarchy hierarchy;

    /** @param hierarchy where super types of classes other than the one rewritten come from */
    public Rewriter(TypeHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    /**
     * Cheap pre-filter: a scan of the constant pool, no full parse. False means the class has
     * neither {@code @Async}, nor a call of {@code AsyncIO.await}, nor a lambda that can return
     * {@code Coroutine}, or was rewritten already, so {@link #rewrite} would return it unchanged.
     */
    public static boolean mayNeedRewrite(byte[] classBytes) {
        return ConstantPoolScan.mayNeedRewrite(classBytes);
    }

    /**
     * Rewrites every {@code @Async} method and async lambda of one class: the one way the agent and the Maven
     * plugin run the rewriter. A class without {@code @Async}, {@code await} or a lambda returning {@code Coroutine}, or
     * carrying the marker of an earlier rewrite, is answered from a scan of its constant pool,
     * without parsing it. Never throws: a corrupt, truncated or unsupported class file, and a
     * failure of the rewriter itself (reported as an internal error), give a
     * {@link RewriteResult.Status#FAILED} result whose error diagnostics say why.
     */
    public RewriteResult rewrite(byte[] classBytes) {
        if (classBytes == null) {
            return ClassRewrite.failed(new Reporter("<unknown>", null), "no class bytes (null)");
        }
        switch (ConstantPoolScan.classify(classBytes)) {
            case ConstantPoolScan.PLAIN:
                return RewriteResult.unchanged(classBytes, List.of());
            case ConstantPoolScan.REWRITTEN:
                return RewriteResult.alreadyRewritten(classBytes);
            default:
                break;
        }
        try {
            return ClassRewrite.run(classBytes, hierarchy);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return ClassRewrite.failed(new Reporter(className(classBytes), null), ClassRewrite.internalError(e));
        }
    }

    private static String className(byte[] classBytes) {
        try {
            return new ClassReader(classBytes).getClassName().replace('/', '.');
        } catch (RuntimeException unreadable) {
            return "<unknown>";
        }
    }
}
