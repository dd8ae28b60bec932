package io.jasyncio.rewriter.differential;

import io.jasyncio.rewriter.testkit.JavaSource;
import java.util.ArrayList;
import java.util.List;

/** The whole differential corpus, and the support code every program may call. */
final class Corpus {
    /** What every corpus source starts with; {@code log} is {@link io.jasyncio.rewriter.testkit.Trace#log}. */
    static final String PRELUDE = """
            package c;
            import io.jasyncio.*;
            import static io.jasyncio.AsyncIO.*;
            import static c.Sup.*;
            import static io.jasyncio.rewriter.testkit.Trace.log;
            import static io.jasyncio.rewriter.testkit.Trace.tick;
            import java.io.*;
            import java.util.*;
            import java.util.function.*;
            """;

    static final JavaSource SUPPORT = CorpusSupport.SOURCE;

    private Corpus() {}

    /** The support code and every program that compiles with {@code release}. */
    static List<JavaSource> sources(int release) {
        List<JavaSource> sources = new ArrayList<>();
        sources.add(SUPPORT);
        all().stream().filter(c -> c.minRelease() <= release).forEach(c -> sources.add(c.source()));
        return sources;
    }

    static List<CorpusCase> all() {
        List<CorpusCase> all = new ArrayList<>();
        all.addAll(ControlFlowCases.all());
        all.addAll(ExceptionCases.all());
        all.addAll(ValueCases.all());
        all.addAll(ClassShapeCases.all());
        all.addAll(LambdaCases.all());
        all.addAll(ShapeCases.all());
        return all;
    }
}
