package io.jasyncio.agent;

import io.jasyncio.rewriter.RewriteResult;
import io.jasyncio.rewriter.Rewriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the classes with {@code @Async} methods that were loaded before the agent was installed.
 * They cannot be rewritten any more (a loaded class cannot gain methods, and the rewriter adds
 * one body method per {@code @Async} method), so each is reported with what to do instead.
 */
final class LateClasses {
    private LateClasses() {}

    static List<String> find(Instrumentation instrumentation) {
        List<String> late = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (type.isArray() || type.isPrimitive() || type.isHidden()) {
                continue;
            }
            ClassLoader loader = type.getClassLoader();
            String internalName = type.getName().replace('.', '/');
            if (Exclusions.excluded(loader, internalName)) {
                continue;
            }
            byte[] bytes = read(loader, internalName + ".class");
            if (bytes != null && needsRewrite(loader, bytes)) {
                late.add(type.getName());
            }
        }
        return late;
    }

    static String message(String className) {
        return "class " + className + " was loaded before the jasyncio agent was installed, so its @Async methods"
                + " are not rewritten (a loaded class cannot gain methods): call AsyncAgent.install() before "
                + className + " is first used, start the JVM with -javaagent:jasyncio-agent.jar, or rewrite it"
                + " at build time with the jasyncio-maven-plugin";
    }

    private static boolean needsRewrite(ClassLoader loader, byte[] bytes) {
        RewriteResult.Status status =
                new Rewriter(new LoaderTypeHierarchy(loader)).rewrite(bytes).status();
        return status == RewriteResult.Status.REWRITTEN || status == RewriteResult.Status.FAILED;
    }

    private static byte[] read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
