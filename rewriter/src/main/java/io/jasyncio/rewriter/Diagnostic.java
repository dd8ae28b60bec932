package io.jasyncio.rewriter;

/**
 * One problem found by the rewriter, printed as {@code File.java:line: message} like a
 * compiler error.
 *
 * @param className  binary name of the class, e.g. {@code com.example.Hello}
 * @param sourceFile the SourceFile attribute, or null without debug info
 * @param method     the method name, or null for class-level problems
 * @param line       the source line, or -1 when unknown
 */
public record Diagnostic(
        Severity severity, String className, String sourceFile, String method, int line, String message) {
    public enum Severity {
        ERROR,
        WARNING
    }

    @Override
    public String toString() {
        String where = sourceFile != null ? sourceFile : className;
        return where + (line > 0 ? ":" + line : "") + ": " + (severity == Severity.WARNING ? "warning: " : "") + message
                + (method != null ? " (in " + className + "." + method + ")" : "");
    }
}
