package io.jasyncio.rewriter;

import java.util.ArrayList;
import java.util.List;

/** Collects every diagnostic of one class, so all problems are reported at once. */
final class Reporter {
    private final String className;
    private final String sourceFile;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    Reporter(String className, String sourceFile) {
        this.className = className;
        this.sourceFile = sourceFile;
    }

    void error(String method, int line, String message) {
        diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, className, sourceFile, method, line, message));
    }

    void warning(String method, int line, String message) {
        diagnostics.add(new Diagnostic(Diagnostic.Severity.WARNING, className, sourceFile, method, line, message));
    }

    boolean hasErrors() {
        for (Diagnostic d : diagnostics) {
            if (d.severity() == Diagnostic.Severity.ERROR) {
                return true;
            }
        }
        return false;
    }

    List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }
}
