package io.jasyncio.maven;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a file by writing a temporary file beside it and renaming it over the original, so an
 * interrupted build leaves either the old or the new class, never a truncated one.
 */
final class AtomicFiles {
    /** Suffix of the temporary files; leftovers of an interrupted build are deleted on the next run. */
    static final String TEMP_SUFFIX = ".jasyncio-tmp";

    private AtomicFiles() {}

    static void replace(Path file, byte[] content) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + TEMP_SUFFIX);
        Files.write(temp, content);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
