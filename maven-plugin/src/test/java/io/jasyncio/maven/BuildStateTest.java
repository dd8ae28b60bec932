package io.jasyncio.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildStateTest {
    @TempDir
    Path dir;

    @Test
    void aRecordedFileStaysUpToDateAcrossASaveAndLoad() throws Exception {
        Path a = dir.resolve("A.class");
        Files.write(a, new byte[] {1});
        BuildState state = BuildState.empty("fp");
        state.record("A.class", a);
        Path stateFile = dir.resolve("target/jasyncio/instrument.state");
        state.save(stateFile);

        BuildState loaded = BuildState.load(stateFile, "fp");
        assertThat(loaded.upToDate("A.class", a)).isTrue();
        assertThat(loaded.upToDate("B.class", a)).isFalse();
    }

    @Test
    void aRecompiledFileIsOutOfDate() throws Exception {
        Path a = dir.resolve("A.class");
        Files.write(a, new byte[] {1});
        BuildState state = BuildState.empty("fp");
        state.record("A.class", a);
        Files.setLastModifiedTime(
                a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 2000));
        assertThat(state.upToDate("A.class", a)).isFalse();
        Files.write(a, new byte[] {1, 2});
        assertThat(state.upToDate("A.class", a)).isFalse();
    }

    @Test
    void anotherRewriterOrAMissingOrDamagedStateMakesEverythingOutOfDate() throws Exception {
        Path a = dir.resolve("A.class");
        Files.write(a, new byte[] {1});
        BuildState state = BuildState.empty("old");
        state.record("A.class", a);
        Path stateFile = dir.resolve("instrument.state");
        state.save(stateFile);

        // another rewriter: the file is still known as the last run's output, but nothing is current
        BuildState other = BuildState.load(stateFile, "new");
        assertThat(other.sameRewriter()).isFalse();
        assertThat(other.upToDate("A.class", a)).isTrue();
        assertThat(BuildState.load(stateFile, "old").sameRewriter()).isTrue();
        assertThat(BuildState.load(dir.resolve("missing"), "old").upToDate("A.class", a))
                .isFalse();
        Files.writeString(stateFile, "old\ngarbage without a tab\n");
        assertThat(BuildState.load(stateFile, "old").upToDate("A.class", a)).isFalse();
    }
}
