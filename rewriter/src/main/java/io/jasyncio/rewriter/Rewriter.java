package io.jasyncio.rewriter;

import java.util.List;

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
     * {@code Coroutine}, so {@link #rewrite} would return it unchanged.
     */
    public static boolean mayNeedRewrite(byte[] classBytes) {
        return ConstantPoolScan.mayNeedRewrite(classBytes);
    }

    /**
     * Rewrites every {@code @Async} method and async lambda of one class. Never throws for bad input: a
     * corrupt, truncated or unsupported class file gives an error diagnostic and no bytes.
     */
    public RewriteResult rewrite(byte[] classBytes) {
        if (classBytes == null) {
            return ClassRewrite.failed(new Reporter("<unknown>", null), "no class bytes (null)");
        }
        if (!mayNeedRewrite(classBytes)) {
            return new RewriteResult(classBytes, false, List.of());
        }
        return ClassRewrite.run(classBytes, hierarchy);
    }
}
