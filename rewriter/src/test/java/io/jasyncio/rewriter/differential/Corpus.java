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

    /**
     * Awaitables with every way of arriving: {@code s(v)} suspends once ({@code sleep(0)}) then
     * gives v; {@code now(v)} completes without suspending; {@code later(v)} is a future another
     * task completes after two loop steps; {@code failIo}/{@code failState} suspend then throw a
     * checked/unchecked exception; {@code failLater} is a future another task fails. Java 8 source.
     */
    static final JavaSource SUPPORT = JavaSource.of("c.Sup", """
            package c;
            import io.jasyncio.*;
            import static io.jasyncio.AsyncIO.*;
            import java.io.IOException;
            public final class Sup {
                private Sup() {}
                @Async public static <T> Coroutine<T> s(T v) {
                    await(sleep(0));
                    return done(v);
                }
                @Async public static <T> Coroutine<T> now(T v) {
                    return done(v);
                }
                public static <T> Future<T> later(T v) {
                    Future<T> f = getRunningLoop().createFuture();
                    createTask(complete(f, v, null));
                    return f;
                }
                public static <T> Future<T> failLater(Throwable t) {
                    Future<T> f = getRunningLoop().createFuture();
                    createTask(complete(f, null, t));
                    return f;
                }
                @Async static <T> Coroutine<Void> complete(Future<T> f, T v, Throwable t) {
                    await(sleep(0));
                    await(sleep(0));
                    if (t != null) {
                        f.setException(t);
                    } else {
                        f.setResult(v);
                    }
                    return done();
                }
                @Async public static <T> Coroutine<T> failIo(String message) throws IOException {
                    await(sleep(0));
                    throw new IOException(message);
                }
                @Async public static <T> Coroutine<T> failState(String message) {
                    await(sleep(0));
                    throw new IllegalStateException(message);
                }
            }
            """);

    private Corpus() {
    }

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
        return all;
    }
}
