package io.jasyncio.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Class files to feed the rewriter: a package of the running JDK (classes without {@code @Async}). */
final class ClassBytes {
    private ClassBytes() {}

    /** Every class file of {@code module}/{@code pkg} (e.g. {@code java.base}, {@code java/util}), sorted. */
    static List<byte[]> jdkPackage(String module, String pkg) throws IOException {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        Path dir = jrt.getPath("/modules", module, pkg);
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no classes in jrt:" + dir);
        }
        return out;
    }

    /** The class file of {@code internalName} from the system class loader, or null. */
    static byte[] resource(String internalName) {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
