package io.jasyncio.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheContentAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("A.class");
        Files.write(file, new byte[] {1, 2, 3});
        AtomicFiles.replace(file, new byte[] {4, 5});
        assertThat(Files.readAllBytes(file)).containsExactly(4, 5);
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void createsAMissingFile() throws Exception {
        Path file = dir.resolve("state");
        AtomicFiles.replace(file, new byte[] {7});
        assertThat(Files.readAllBytes(file)).containsExactly(7);
    }
}
