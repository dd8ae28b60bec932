package io.jasyncio.agent;

import io.jasyncio.rewriter.Rewriter;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * Sits in front of Byte Buddy's transformer so that the JVM's class-loading path pays only for a
 * name check and a constant-pool scan: classes without {@code @Async} (nearly all of them) never
 * reach Byte Buddy. A candidate Byte Buddy gives back untransformed means its pipeline failed
 * (the listener has logged why): such a class must not load un-rewritten, so it fails instead.
 */
final class PreFilter extends ResettableClassFileTransformer.WithDelegation {
    private final AgentLog log;
    private final ClassRewrite rewrite;

    PreFilter(ResettableClassFileTransformer byteBuddy, AgentLog log, ClassRewrite rewrite) {
        super(byteBuddy);
        this.log = log;
        this.rewrite = rewrite;
    }

    private boolean candidate(ClassLoader loader, String internalName, byte[] bytes) {
        if (bytes == null || Exclusions.excluded(loader, internalName)) {
            return false;
        }
        if (Rewriter.mayNeedRewrite(bytes)) {
            return true;
        }
        if (log.verbose() && ClassRewrite.isRewritten(bytes)) {
            // Only with verbose: this parses the class header of every class.
            log.info(internalName.replace('/', '.') + " was already rewritten (by the Maven plugin): left as is");
        }
        return false;
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] bytes)
            throws IllegalClassFormatException {
        if (!candidate(loader, internalName, bytes)) {
            return null;
        }
        if (classBeingRedefined != null) {
            return redefined(loader, internalName, bytes);
        }
        byte[] result = classFileTransformer.transform(loader, internalName, classBeingRedefined, protectionDomain, bytes);
        return result != null ? result : failed(internalName, bytes);
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] bytes)
            throws IllegalClassFormatException {
        if (!candidate(loader, internalName, bytes)) {
            return null;
        }
        if (classBeingRedefined != null) {
            return redefined(loader, internalName, bytes);
        }
        byte[] result = classFileTransformer.transform(module, loader, internalName, classBeingRedefined,
                protectionDomain, bytes);
        return result != null ? result : failed(internalName, bytes);
    }

    /**
     * A redefinition (a debugger's hot swap) brings new, un-rewritten bytes for a class that was
     * rewritten when it loaded: rewrite them the same way so the class keeps its shape. (This
     * transformer is registered retransformation-incapable, so another agent's retransformation
     * starts from our rewritten bytes and never comes here.)
     */
    private byte[] redefined(ClassLoader loader, String internalName, byte[] bytes) {
        return rewrite.apply(internalName, loader, bytes);
    }

    private byte[] failed(String internalName, byte[] bytes) {
        String message = "jasyncio could not rewrite class " + internalName.replace('/', '.')
                + ": the agent's class-file pipeline failed (see the error logged above)";
        log.error(message, null);
        try {
            return FailingClass.of(bytes, message);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
