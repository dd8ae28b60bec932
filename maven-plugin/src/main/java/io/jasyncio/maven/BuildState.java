package io.jasyncio.maven;

import io.jasyncio.rewriter.TypeHierarchy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the previous run left behind, for incremental builds: for each class file it finished
 * with (rewritten, or found to need nothing), the size and modification time the file had
 * afterwards, and for a rewritten one the other types whose super types the rewrite depended on
 * with a digest of those answers. A file whose size and time still match is what the last run
 * left; it is up to date while the digest matches too. The first line is a fingerprint of the
 * rewriter in use: a different rewriter makes every file out of date, but what the last run left
 * is still known as such, so that a new rewriter starts again from the compiler's version of a
 * class it rewrote (not from the older rewriter's output, which it would refuse).
 */
final class BuildState {
    private record Entry(String stamp, String digest, List<String> types) {}

    private final String fingerprint;
    private final Map<String, Entry> entries;
    private boolean sameRewriter = true;

    private BuildState(String fingerprint, Map<String, Entry> entries) {
        this.fingerprint = fingerprint;
        this.entries = entries;
    }

    static BuildState empty(String fingerprint) {
        return new BuildState(fingerprint, new TreeMap<>());
    }

    /**
     * The state saved in {@code file}, or an empty one when it is missing or unreadable. A state
     * saved by another rewriter is loaded too, and says so ({@link #sameRewriter}).
     */
    static BuildState load(Path file, String fingerprint) {
        BuildState state = empty(fingerprint);
        try {
            if (!Files.isRegularFile(file)) {
                return state;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return state;
            }
            state.sameRewriter = lines.get(0).equals(fingerprint);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split("\t", -1);
                if (fields.length == 2) {
                    state.entries.put(fields[0], new Entry(fields[1], null, List.of()));
                } else if (fields.length == 4) {
                    List<String> types = fields[3].isEmpty() ? List.of() : Arrays.asList(fields[3].split(","));
                    state.entries.put(fields[0], new Entry(fields[1], fields[2], types));
                }
            }
        } catch (IOException | RuntimeException e) {
            return empty(fingerprint);
        }
        return state;
    }

    /**
     * Size and modification time of a file; of a directory (the rewriter's classes in a reactor
     * build), the file count, total size and latest modification time of everything in it, so that
     * a changed class inside changes the stamp.
     */
    static String stamp(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isDirectory()) {
            return attributes.size() + ":" + attributes.lastModifiedTime().toMillis();
        }
        long count = 0;
        long size = 0;
        long latest = 0;
        try (Stream<Path> walk = Files.walk(file)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                if (a.isRegularFile()) {
                    count++;
                    size += a.size();
                    latest = Math.max(latest, a.lastModifiedTime().toMillis());
                }
            }
        }
        return count + ":" + size + ":" + latest;
    }

    /** Whether the file is exactly what the last run left (not compiled again since). */
    boolean upToDate(String relativePath, Path file) throws IOException {
        Entry previous = entries.get(relativePath);
        return previous != null && previous.stamp.equals(stamp(file));
    }

    /** Whether the last run used the rewriter in use now: only then may a file it left be skipped. */
    boolean sameRewriter() {
        return sameRewriter;
    }

    /** Whether the super types the file's rewrite depended on are still what they were. */
    boolean superTypesUnchanged(String relativePath, TypeHierarchy hierarchy) {
        Entry previous = entries.get(relativePath);
        return previous == null
                || previous.digest == null
                || previous.digest.equals(SuperTypeDependencies.digest(previous.types, hierarchy));
    }

    void record(String relativePath, Path file) throws IOException {
        entries.put(relativePath, new Entry(stamp(file), null, List.of()));
    }

    /** Records a rewritten file with the types its rewrite asked the hierarchy about. */
    void record(String relativePath, Path file, Collection<String> types, TypeHierarchy hierarchy) throws IOException {
        entries.put(
                relativePath,
                new Entry(stamp(file), SuperTypeDependencies.digest(types, hierarchy), List.copyOf(types)));
    }

    /** Keeps what {@code previous} knew about an up-to-date file. */
    void carry(BuildState previous, String relativePath) {
        entries.put(relativePath, previous.entries.get(relativePath));
    }

    void save(Path file) throws IOException {
        StringBuilder text = new StringBuilder(fingerprint).append('\n');
        entries.forEach((path, e) -> {
            text.append(path).append('\t').append(e.stamp);
            if (e.digest != null) {
                text.append('\t').append(e.digest).append('\t').append(String.join(",", e.types));
            }
            text.append('\n');
        });
        Files.createDirectories(file.getParent());
        AtomicFiles.replace(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
