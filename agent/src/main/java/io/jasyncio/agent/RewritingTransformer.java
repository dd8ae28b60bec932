package io.jasyncio.agent;

import io.jasyncio.rewriter.Diagnostic;
import io.jasyncio.rewriter.RewriteResult;
import io.jasyncio.rewriter.Rewriter;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.stream.Collectors;

/**
 * The agent's transformer: the class bytes the JVM is about to define go through the rewriter,
 * which reads and writes each class once. Classes of the JDK and of jasyncio itself are skipped by
 * name; any other class without {@code @Async} and without {@code await} (nearly all of them) is
 * recognised from a scan of its constant pool and left untouched, unparsed. A class the rewriter
 * refuses becomes a {@link FailingClass}, so that it never runs un-rewritten.
 *
 * <p>Registered retransformation-incapable: another agent's retransformation starts from the
 * rewritten bytes and never comes here. A redefinition (a debugger's hot swap) brings new,
 * un-rewritten bytes for a class that was rewritten when it loaded: they are rewritten the same
 * way, so the class keeps its shape.
 */
final class RewritingTransformer implements ClassFileTransformer {
    private final AgentLog log;

    RewritingTransformer(AgentLog log) {
        this.log = log;
    }

    @Override
    public byte[] transform(
            ClassLoader loader,
            String internalName,
            Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain,
            byte[] bytes) {
        if (bytes == null
                || Exclusions.excluded(loader, internalName)
                || !log.verbose() && !Rewriter.mayNeedRewrite(bytes)) {
            // Nearly every class: a name check and a constant-pool scan, nothing allocated. (With
            // verbose, the rewriter also says which classes the Maven plugin rewrote already.)
            return null;
        }
        try {
            return rewrite(internalName, loader, bytes);
        } catch (Throwable t) {
            // The JVM ignores a transformer's exception and defines the class as it was: un-rewritten.
            return fail(internalName, bytes, "internal error of the agent: " + t, t);
        }
    }

    /** @return the rewritten class, a failing class, or null to leave the class as it is */
    private byte[] rewrite(String internalName, ClassLoader loader, byte[] bytes) {
        RewriteResult result = new Rewriter(new LoaderTypeHierarchy(loader)).rewrite(bytes);
        for (Diagnostic d : result.diagnostics()) {
            if (d.severity() == Diagnostic.Severity.WARNING) {
                log.warning(d.toString());
            }
        }
        switch (result.status()) {
            case REWRITTEN:
                if (log.verbose()) {
                    log.info("rewrote " + binaryName(internalName) + " (class loader " + loader + ")");
                }
                return result.bytes();
            case FAILED:
                return fail(
                        internalName,
                        bytes,
                        result.diagnostics().stream()
                                .filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                                .map(Diagnostic::toString)
                                .collect(Collectors.joining("; ")),
                        null);
            case ALREADY_REWRITTEN:
                if (log.verbose()) {
                    log.info(binaryName(internalName) + " was already rewritten (by the Maven plugin): left as is");
                }
                return null;
            default:
                return null;
        }
    }

    private static String binaryName(String internalName) {
        return internalName.replace('/', '.');
    }

    private byte[] fail(String internalName, byte[] bytes, String reason, Throwable cause) {
        String message = "jasyncio could not rewrite class " + binaryName(internalName) + ": " + reason;
        log.error(message, cause);
        try {
            return FailingClass.of(bytes, message);
        } catch (RuntimeException unreadable) {
            // Not even a class file: the JVM's own ClassFormatError is the clearest report left.
            return null;
        }
    }
}
