package io.jasyncio.maven;

import io.jasyncio.rewriter.Diagnostic;
import io.jasyncio.rewriter.RewriteResult;
import io.jasyncio.rewriter.Rewriter;
import io.jasyncio.rewriter.TypeHierarchy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Rewrites the class files of one output directory in place: every file that changed since the
 * last run goes through the rewriter; rewritten classes replace the originals atomically; a class
 * with an error is left exactly as it was. Every problem of every class is collected, so one
 * build lists them all. The compiler's version of each rewritten class is kept beside the state
 * file: when a super type its rewrite depended on changes (a dependency that now extends another
 * class) while the class itself was not compiled again, it is rewritten again from that copy.
 */
final class Instrumenter {
    private final Path classesDirectory;
    private final Path stateFile;
    private final Path originals;
    private final String fingerprint;
    private final TypeHierarchy hierarchy;

    Instrumenter(Path classesDirectory, Path stateFile, String fingerprint, TypeHierarchy hierarchy) {
        this.classesDirectory = classesDirectory;
        this.stateFile = stateFile;
        this.originals = stateFile.resolveSibling(
                stateFile.getFileName().toString().replaceFirst("\\.state$", "") + ".originals");
        this.fingerprint = fingerprint;
        this.hierarchy = hierarchy;
    }

    /** @param incremental whether files unchanged since the last run are skipped */
    InstrumentReport run(boolean incremental) throws IOException {
        // Loaded in both modes: it tells which files are what the last run left (so their
        // compiler version is the saved original).
        BuildState previous = BuildState.load(stateFile, fingerprint);
        BuildState next = BuildState.empty(fingerprint);
        InstrumentReport report = new InstrumentReport();
        List<String> relatives = new ArrayList<>();
        for (Path file : classFiles()) {
            String relative = classesDirectory.relativize(file).toString().replace('\\', '/');
            relatives.add(relative);
            boolean ours = previous.upToDate(relative, file);
            if (ours && incremental && previous.sameRewriter() && previous.superTypesUnchanged(relative, hierarchy)) {
                report.upToDate++;
                next.carry(previous, relative);
                continue;
            }
            report.scanned++;
            Path original = originals.resolve(relative);
            byte[] input =
                    ours && Files.isRegularFile(original) ? Files.readAllBytes(original) : Files.readAllBytes(file);
            process(input, file, original, relative, report, next);
        }
        next.save(stateFile);
        removeStaleOriginals(relatives);
        return report;
    }

    /** Rewrites {@code input} (the compiler's version of {@code file}) and records the outcome in {@code next}. */
    private void process(
            byte[] input, Path file, Path original, String relative, InstrumentReport report, BuildState next)
            throws IOException {
        SuperTypeDependencies.Recording recording = new SuperTypeDependencies.Recording(hierarchy);
        RewriteResult result = new Rewriter(recording).rewrite(input);
        for (Diagnostic d : result.diagnostics()) {
            String text = describe(d, relative);
            (d.severity() == Diagnostic.Severity.ERROR ? report.errors : report.warnings).add(text);
        }
        switch (result.status()) {
            case REWRITTEN -> {
                Files.createDirectories(original.getParent());
                AtomicFiles.replace(original, input);
                if (!Arrays.equals(Files.readAllBytes(file), result.bytes())) {
                    AtomicFiles.replace(file, result.bytes());
                    report.rewritten.add(relative);
                }
                next.record(relative, file, recording.types, hierarchy);
            }
            case FAILED -> {
                // Not recorded, so the next build looks again; the compiler's version stays in place.
                if (!Arrays.equals(Files.readAllBytes(file), input)) {
                    AtomicFiles.replace(file, input);
                }
            }
            default -> {
                // nothing to rewrite (any more): the compiler's version is the class
                if (!Arrays.equals(Files.readAllBytes(file), input)) {
                    AtomicFiles.replace(file, input);
                }
                Files.deleteIfExists(original);
                next.record(relative, file);
            }
        }
    }

    /** Drops the saved compiler versions of classes that are gone. */
    private void removeStaleOriginals(List<String> relatives) throws IOException {
        if (!Files.isDirectory(originals)) {
            return;
        }
        java.util.Set<String> present = new java.util.HashSet<>(relatives);
        try (Stream<Path> walk = Files.walk(originals)) {
            for (Path p : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
                if (!present.contains(originals.relativize(p).toString().replace('\\', '/'))) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * {@code File.java:line: message} as the rewriter prints it; a problem it cannot place in the
     * source (a corrupt or unsupported class file) is prefixed with the class file's path.
     */
    private String describe(Diagnostic d, String relative) {
        if (d.sourceFile() != null && d.line() > 0) {
            return d.toString();
        }
        return classFile(relative) + ": " + (d.severity() == Diagnostic.Severity.WARNING ? "warning: " : "")
                + d.message() + (d.method() != null ? " (in " + d.className() + "." + d.method() + ")" : "");
    }

    private String classFile(String relative) {
        return classesDirectory.resolve(relative).toString();
    }

    private List<Path> classFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(classesDirectory)) {
            List<Path> all = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
            List<Path> classes = new ArrayList<>();
            for (Path p : all) {
                String name = p.getFileName().toString();
                if (name.endsWith(AtomicFiles.TEMP_SUFFIX)) {
                    Files.deleteIfExists(p); // left by an interrupted build
                } else if (name.endsWith(".class")) {
                    classes.add(p);
                }
            }
            return classes;
        }
    }
}
