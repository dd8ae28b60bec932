package io.jasyncio.rewriter.testkit;

import io.jasyncio.rewriter.Diagnostic;
import io.jasyncio.rewriter.RewriteResult;
import java.util.List;
import java.util.stream.Collectors;

/** Asserts that the rewriter reported a specific error, by message text and source line. */
public final class DiagnosticAssert {
    private DiagnosticAssert() {}

    /**
     * @param messagePart text the message must contain
     * @param line        the source line the diagnostic must name
     * @return the matching error, for further checks
     */
    public static Diagnostic assertError(RewriteResult result, String messagePart, int line) {
        return assertDiagnostic(result.diagnostics(), Diagnostic.Severity.ERROR, messagePart, line);
    }

    public static Diagnostic assertError(List<Diagnostic> diagnostics, String messagePart, int line) {
        return assertDiagnostic(diagnostics, Diagnostic.Severity.ERROR, messagePart, line);
    }

    public static Diagnostic assertDiagnostic(
            List<Diagnostic> diagnostics, Diagnostic.Severity severity, String messagePart, int line) {
        for (Diagnostic d : diagnostics) {
            if (d.severity() == severity && d.message().contains(messagePart) && d.line() == line) {
                String where = (d.sourceFile() != null ? d.sourceFile() : d.className()) + ":" + line + ": ";
                if (!d.toString().startsWith(where)) {
                    throw new AssertionError("diagnostic does not print as '" + where + "...': " + d);
                }
                return d;
            }
        }
        throw new AssertionError("expected a " + severity + " at line " + line + " containing \"" + messagePart
                + "\", got:\n"
                + (diagnostics.isEmpty()
                        ? "(no diagnostics)"
                        : diagnostics.stream()
                                .map(d -> d.severity() + " line " + d.line() + ": " + d)
                                .collect(Collectors.joining("\n"))));
    }

    /** The 1-based line of the first source line containing {@code marker}, so tests need no line constants. */
    public static int lineOf(JavaSource source, String marker) {
        String[] lines = source.code().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(marker)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no line contains " + marker + " in " + source.path());
    }
}
