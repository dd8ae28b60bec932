package io.jasyncio.rewriter.differential;

import io.jasyncio.rewriter.testkit.JavaSource;

/** Class {@code c.Sup}: the awaitables corpus and generated programs use (also for other test packages). */
public final class CorpusSupport {
    /**
     * Awaitables with every way of arriving: {@code s(v)} suspends once ({@code sleep(0)}) then
     * gives v; {@code now(v)} completes without suspending; {@code later(v)} is a future another
     * task completes after two loop steps; {@code failIo}/{@code failState} suspend then throw a
     * checked/unchecked exception; {@code failLater} is a future another task fails. Java 8 source.
     */
    public static final JavaSource SOURCE = JavaSource.of("c.Sup", """
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

    private CorpusSupport() {}
}
