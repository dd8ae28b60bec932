package io.jasyncio.agent;

import io.jasyncio.rewriter.Diagnostic;
import io.jasyncio.rewriter.RewriteResult;
import io.jasyncio.rewriter.Rewriter;
import java.util.stream.Collectors;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;

/**
 * One class through the rewriter, as the agent does it: the rewritten bytes, the input itself
 * when there is nothing to do, or a {@link FailingClass} carrying every error.
 */
final class ClassRewrite {
    private static final String REWRITTEN = "Lio/jasyncio/internal/Rewritten;";

    private final AgentLog log;

    ClassRewrite(AgentLog log) {
        this.log = log;
    }

    byte[] apply(String internalName, ClassLoader loader, byte[] bytes) {
        String name = internalName.replace('/', '.');
        RewriteResult result;
        try {
            result = new Rewriter(new LoaderTypeHierarchy(loader)).rewrite(bytes);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return fail(name, bytes, "internal error of the rewriter: " + e, e);
        }
        for (Diagnostic d : result.diagnostics()) {
            if (d.severity() == Diagnostic.Severity.WARNING) {
                log.warning(d.toString());
            }
        }
        if (result.hasErrors() || result.bytes() == null) {
            String reasons = result.diagnostics().stream()
                    .filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                    .map(Diagnostic::toString)
                    .collect(Collectors.joining("; "));
            return fail(name, bytes, reasons.isEmpty() ? "the rewriter produced no class" : reasons, null);
        }
        if (result.changed()) {
            log.info("rewrote " + name + " (class loader " + loader + ")");
        } else if (log.verbose()) {
            log.info(isRewritten(bytes) ? name + " was already rewritten (by the Maven plugin): left as is"
                    : name + " has no @Async method to rewrite: left as is");
        }
        return result.bytes();
    }

    private byte[] fail(String name, byte[] bytes, String reason, Throwable cause) {
        String message = "jasyncio could not rewrite class " + name + ": " + reason;
        log.error(message, cause);
        try {
            return FailingClass.of(bytes, message);
        } catch (RuntimeException unreadable) {
            // Not even a class file: the JVM's own ClassFormatError is the clearest report left.
            return bytes;
        }
    }

    /** Whether the class carries the rewriter's marker annotation (docs/REWRITER.md). */
    static boolean isRewritten(byte[] bytes) {
        boolean[] found = {false};
        try {
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                    found[0] |= descriptor.equals(REWRITTEN);
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException unreadable) {
            return false;
        }
        return found[0];
    }
}
