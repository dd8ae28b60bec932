package io.jasyncio.maven;

import io.jasyncio.rewriter.ClassBytesHierarchy;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;

/**
 * Super types read as bytes from the project's class path (directories and jars, multi-release
 * aware) and, for JDK types, from the running JDK's class files: nothing is loaded into the
 * plugin's class loader.
 */
final class ClassPathTypeHierarchy extends ClassBytesHierarchy implements Closeable {
    private final List<Path> directories = new ArrayList<>();
    private final List<File> jarFiles = new ArrayList<>();
    private final Map<File, JarFile> openJars = new ConcurrentHashMap<>();

    ClassPathTypeHierarchy(List<String> classPathElements) {
        for (String element : classPathElements) {
            Path path = Path.of(element);
            if (Files.isDirectory(path)) {
                directories.add(path);
            } else if (Files.isRegularFile(path)) {
                jarFiles.add(path.toFile());
            }
        }
    }

    @Override
    protected byte[] classBytes(String resource) throws IOException {
        for (Path dir : directories) {
            Path file = dir.resolve(resource);
            if (Files.isRegularFile(file)) {
                return Files.readAllBytes(file);
            }
        }
        for (File jar : jarFiles) {
            JarFile open = jar(jar);
            JarEntry entry = open.getJarEntry(resource);
            if (entry != null) {
                try (InputStream in = open.getInputStream(entry)) {
                    return in.readAllBytes();
                }
            }
        }
        try (InputStream in = ClassLoader.getPlatformClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private JarFile jar(File file) throws IOException {
        JarFile open = openJars.get(file);
        if (open == null) {
            open = new JarFile(file, false, ZipFile.OPEN_READ, Runtime.version());
            JarFile raced = openJars.putIfAbsent(file, open);
            if (raced != null) {
                open.close();
                open = raced;
            }
        }
        return open;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (JarFile jar : openJars.values()) {
            try {
                jar.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        openJars.clear();
        if (first != null) {
            throw first;
        }
    }
}
