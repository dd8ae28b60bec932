package io.jasyncio.rewriter.testkit;

import io.jasyncio.rewriter.Diagnostic;
import io.jasyncio.rewriter.RewriteResult;
import io.jasyncio.rewriter.Rewriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** What the rewriter made of every class of a {@link ClassSet}. */
public final class RewrittenClasses {
    private final ClassSet input;
    private final ClassPathHierarchy hierarchy;
    private final Map<String, RewriteResult> results;

    private RewrittenClasses(ClassSet input, ClassPathHierarchy hierarchy, Map<String, RewriteResult> results) {
        this.input = input;
        this.hierarchy = hierarchy;
        this.results = Collections.unmodifiableMap(results);
    }

    static RewrittenClasses of(ClassSet input) {
        ClassPathHierarchy hierarchy = new ClassPathHierarchy(input.asMap());
        Rewriter rewriter = new Rewriter(hierarchy);
        Map<String, RewriteResult> results = new TreeMap<>();
        for (String name : input.names()) {
            try {
                results.put(name, rewriter.rewrite(input.bytes(name)));
            } catch (RuntimeException | Error e) {
                throw new AssertionError(
                        "Rewriter.rewrite threw on " + name + " (" + input.options() + ") instead of"
                                + " reporting a diagnostic: " + e + "\n" + input.describeSources(),
                        e);
            }
        }
        return new RewrittenClasses(input, hierarchy, results);
    }

    public ClassSet input() {
        return input;
    }

    public RewriteResult result(String internalName) {
        RewriteResult r = results.get(internalName);
        if (r == null) {
            throw new IllegalArgumentException("no class " + internalName + " in " + results.keySet());
        }
        return r;
    }

    public Map<String, RewriteResult> results() {
        return results;
    }

    public List<Diagnostic> diagnostics() {
        List<Diagnostic> all = new ArrayList<>();
        results.values().forEach(r -> all.addAll(r.diagnostics()));
        return all;
    }

    public String describeDiagnostics() {
        List<Diagnostic> all = diagnostics();
        return all.isEmpty()
                ? "(no diagnostics)"
                : all.stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }

    /**
     * The rewritten set, after checking that the rewriter reported no error, changed every class
     * that has {@code @Async} methods (at least one class), and that every changed class passes
     * {@link ClassVerification}.
     */
    public ClassSet verified() {
        return verified(name -> true);
    }

    /**
     * Like {@link #verified()}, checking only the classes {@code which} accepts (for a batch
     * holding many independent programs); the result holds every class rewritten without error.
     * Failure messages show only the sources of the checked classes.
     */
    public ClassSet verified(Predicate<String> which) {
        String diagnostics = describeDiagnostics(which);
        Map<String, byte[]> out = new TreeMap<>();
        results.forEach((name, r) -> {
            if (r.bytes() != null) {
                out.put(name, r.bytes());
            }
        });
        for (Map.Entry<String, RewriteResult> e : results.entrySet()) {
            if (!which.test(e.getKey())) {
                continue;
            }
            if (e.getValue().hasErrors()) {
                throw new AssertionError("the rewriter reported errors for " + e.getKey() + " (" + input.options()
                        + "):\n" + diagnostics + "\n" + describeSources(which));
            }
            if (e.getValue().changed()) {
                try {
                    ClassVerification.verify(e.getValue().bytes(), hierarchy);
                } catch (AssertionError | RuntimeException failure) {
                    throw new AssertionError(
                            "rewritten " + e.getKey() + " is invalid (" + input.options() + "): "
                                    + failure.getMessage() + "\ndiagnostics:\n" + diagnostics + "\n"
                                    + describeSources(which),
                            failure);
                }
            }
        }
        return input.withClasses(out);
    }

    /** Diagnostics of the classes {@code which} accepts. */
    public String describeDiagnostics(Predicate<String> which) {
        String text = results.entrySet().stream()
                .filter(e -> which.test(e.getKey()))
                .flatMap(e -> e.getValue().diagnostics().stream())
                .map(Diagnostic::toString)
                .collect(Collectors.joining("\n"));
        return text.isEmpty() ? "(no diagnostics)" : text;
    }

    /** Sources declaring a class {@code which} accepts (nested classes count for their top-level source). */
    public String describeSources(Predicate<String> which) {
        return input.sources().stream()
                .filter(s -> results.keySet().stream()
                        .anyMatch(n -> which.test(n)
                                && (n.equals(s.className().replace('.', '/'))
                                        || n.startsWith(s.className().replace('.', '/') + "$"))))
                .map(JavaSource::numbered)
                .collect(Collectors.joining("\n"));
    }

    /** Rewriting a rewritten class gives the same bytes; rewriting the input again too. */
    public void assertIdempotentAndDeterministic() {
        Rewriter again = new Rewriter(hierarchy);
        results.forEach((name, r) -> {
            if (r.bytes() == null) {
                return;
            }
            RewriteResult second = again.rewrite(r.bytes().clone());
            if (second.changed() || !Arrays.equals(second.bytes(), r.bytes())) {
                throw new AssertionError(
                        "rewriting the rewritten " + name + " changed it again (" + input.options() + ")");
            }
            RewriteResult repeat = again.rewrite(input.bytes(name));
            if (!Arrays.equals(repeat.bytes(), r.bytes())) {
                throw new AssertionError("rewriting " + name + " twice gave different bytes (" + input.options() + ")");
            }
        });
    }
}
