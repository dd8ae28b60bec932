package io.jasyncio.rewriter;

import java.util.List;

/**
 * What {@link Rewriter#rewrite} produced.
 *
 * @param bytes       the output class bytes: the input itself when nothing changed, null when
 *                    an error diagnostic prevents rewriting
 * @param changed     whether {@code bytes} differ from the input
 * @param diagnostics every problem found, all at once (errors and warnings)
 */
public record RewriteResult(byte[] bytes, boolean changed, List<Diagnostic> diagnostics) {
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }
}
