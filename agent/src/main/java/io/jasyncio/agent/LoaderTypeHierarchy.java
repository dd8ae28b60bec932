package io.jasyncio.agent;

import io.jasyncio.rewriter.ClassBytesHierarchy;
import java.io.IOException;
import java.io.InputStream;

/**
 * Super types read from class files found through a class loader's resources, so that computing
 * frames never loads (and so never initialises or transforms) an application class. A JDK type
 * the loader does not show as a resource is looked up through the platform loader.
 */
final class LoaderTypeHierarchy extends ClassBytesHierarchy {
    private final ClassLoader loader;

    LoaderTypeHierarchy(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    protected byte[] classBytes(String resource) throws IOException {
        try (InputStream in = open(resource)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private InputStream open(String resource) {
        InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
        return in != null ? in : ClassLoader.getPlatformClassLoader().getResourceAsStream(resource);
    }
}
