package io.jasyncio.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the previous run left behind, for incremental builds: for each class file it finished
 * with (rewritten, or found to need nothing), the size and modification time the file had
 * afterwards. A file whose size and time still match is up to date. The first line is a
 * fingerprint of the rewriter in use: a different rewriter makes every file out of date.
 */
final class BuildState {
    private final String fingerprint;
    private final Map<String, String> stamps;

    private BuildState(String fingerprint, Map<String, String> stamps) {
        this.fingerprint = fingerprint;
        this.stamps = stamps;
    }

    static BuildState empty(String fingerprint) {
        return new BuildState(fingerprint, new TreeMap<>());
    }

    /** The state saved in {@code file}, or an empty one when it is missing, unreadable or from another rewriter. */
    static BuildState load(Path file, String fingerprint) {
        BuildState state = empty(fingerprint);
        try {
            if (!Files.isRegularFile(file)) {
                return state;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(fingerprint)) {
                return state;
            }
            for (String line : lines.subList(1, lines.size())) {
                int tab = line.lastIndexOf('\t');
                if (tab > 0) {
                    state.stamps.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        } catch (IOException | RuntimeException e) {
            return empty(fingerprint);
        }
        return state;
    }

    static String stamp(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return attributes.size() + ":" + attributes.lastModifiedTime().toMillis();
    }

    boolean upToDate(String relativePath, Path file) throws IOException {
        String previous = stamps.get(relativePath);
        return previous != null && previous.equals(stamp(file));
    }

    void record(String relativePath, Path file) throws IOException {
        stamps.put(relativePath, stamp(file));
    }

    void save(Path file) throws IOException {
        StringBuilder text = new StringBuilder(fingerprint).append('\n');
        stamps.forEach((path, stamp) -> text.append(path).append('\t').append(stamp).append('\n'));
        Files.createDirectories(file.getParent());
        AtomicFiles.replace(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
