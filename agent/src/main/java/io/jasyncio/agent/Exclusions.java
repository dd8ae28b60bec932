package io.jasyncio.agent;

/**
 * Classes the agent never touches: the JDK (bootstrap and platform loaders, and JDK package
 * names whatever loader defines them) and jasyncio's own runtime, rewriter and agent.
 */
final class Exclusions {
    private static final String[] PREFIXES = {
        "java/",
        "javax/",
        "jdk/",
        "sun/",
        "com/sun/",
        "net/bytebuddy/",
        "org/objectweb/asm/",
        "io/jasyncio/internal/",
        "io/jasyncio/agent/",
        "io/jasyncio/rewriter/",
        "io/jasyncio/maven/",
    };
    private static final String RUNTIME_PACKAGE = "io/jasyncio/";
    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

    private Exclusions() {}

    /** @param internalName e.g. {@code com/example/Hello}, as a ClassFileTransformer receives it */
    static boolean excluded(ClassLoader loader, String internalName) {
        if (loader == null || loader == PLATFORM || internalName == null) {
            return true;
        }
        for (String prefix : PREFIXES) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        // The runtime's own package (io.jasyncio itself, not its sub-packages).
        return internalName.startsWith(RUNTIME_PACKAGE) && internalName.indexOf('/', RUNTIME_PACKAGE.length()) < 0;
    }
}
