package io.jasyncio.maven;

import io.jasyncio.rewriter.Diagnostic;
import io.jasyncio.rewriter.RewriteResult;
import io.jasyncio.rewriter.Rewriter;
import io.jasyncio.rewriter.TypeHierarchy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Rewrites the class files of one output directory in place: every file that changed since the
 * last run goes through the rewriter; rewritten classes replace the originals atomically; a class
 * with an error is left exactly as it was. Every problem of every class is collected, so one
 * build lists them all.
 */
final class Instrumenter {
    private final Path classesDirectory;
    private final Path stateFile;
    private final String fingerprint;
    private final TypeHierarchy hierarchy;

    Instrumenter(Path classesDirectory, Path stateFile, String fingerprint, TypeHierarchy hierarchy) {
        this.classesDirectory = classesDirectory;
        this.stateFile = stateFile;
        this.fingerprint = fingerprint;
        this.hierarchy = hierarchy;
    }

    /** @param incremental whether files unchanged since the last run are skipped */
    InstrumentReport run(boolean incremental) throws IOException {
        BuildState previous = incremental ? BuildState.load(stateFile, fingerprint) : BuildState.empty(fingerprint);
        BuildState next = BuildState.empty(fingerprint);
        InstrumentReport report = new InstrumentReport();
        Rewriter rewriter = new Rewriter(hierarchy);
        for (Path file : classFiles()) {
            String relative = classesDirectory.relativize(file).toString().replace('\\', '/');
            if (previous.upToDate(relative, file)) {
                report.upToDate++;
                next.record(relative, file);
                continue;
            }
            report.scanned++;
            if (process(rewriter, file, relative, report)) {
                next.record(relative, file);
            }
        }
        next.save(stateFile);
        return report;
    }

    /** @return whether the file is finished with (so a later build can skip it) */
    private boolean process(Rewriter rewriter, Path file, String relative, InstrumentReport report) throws IOException {
        RewriteResult result = rewriter.rewrite(Files.readAllBytes(file));
        for (Diagnostic d : result.diagnostics()) {
            String text = describe(d, relative);
            (d.severity() == Diagnostic.Severity.ERROR ? report.errors : report.warnings).add(text);
        }
        switch (result.status()) {
            case REWRITTEN -> {
                AtomicFiles.replace(file, result.bytes());
                report.rewritten.add(relative);
                return true;
            }
            case FAILED -> {
                return false;
            }
            default -> {
                return true;
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
