package io.jasyncio.tests;

import static io.jasyncio.AsyncIO.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Async;
import io.jasyncio.AsyncFunction;
import io.jasyncio.AsyncSupplier;
import io.jasyncio.CancelledError;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import io.jasyncio.Timeout;
import io.jasyncio.TimeoutError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Async lambdas, rewritten at build time by the Maven plugin: a lambda whose functional interface
 * method returns {@code Coroutine} behaves as an {@code async def} (asyncio: calling a coroutine
 * function runs nothing; its coroutine runs inline when awaited, can be wrapped in a task, is
 * awaitable once, and receives cancellation at its suspended await).
 */
class AsyncLambdaTest {
    private final List<String> log = new ArrayList<>();
    private final String name = "obj";

    private double now() {
        return getRunningLoop().time();
    }

    @Async
    Coroutine<String> scopes() throws Exception {
        // async with asyncio.timeout(5): await asyncio.sleep(1)  -> ends at 1.0, not expired
        Timeout t = timeout(5);
        await(t.run(() -> {
            await(sleep(1));
            log.add("body done@" + now());
            return done();
        }));
        log.add("expired " + t.expired());
        // async with asyncio.timeout(1): await asyncio.sleep(10)  -> TimeoutError at 2.0; the body
        // sees CancelledError at its await and its finally runs first.
        try {
            await(timeout(1).run(() -> {
                try {
                    await(sleep(10));
                    return done("slept");
                } catch (CancelledError e) {
                    log.add("body cancelled@" + now());
                    throw e;
                } finally {
                    log.add("body finally");
                }
            }));
        } catch (TimeoutError e) {
            log.add("TimeoutError@" + now());
        }
        // A value comes out of the scope; the body may be a method reference to an @Async method.
        int v = await(timeout(5).run(() -> done(await(sleep(0.5, 20)) + await(twice(1)))));
        String w = await(timeout(5).run(this::fetch));
        return done(v + " " + w + "@" + now());
    }

    @Async
    Coroutine<Integer> twice(int x) {
        await(sleep(0));
        return done(2 * x);
    }

    @Async
    Coroutine<String> fetch() {
        await(sleep(0.5));
        return done(name);
    }

    @Test
    void aScopeTakesAnAsyncLambdaAsItsBody() throws Exception {
        assertThat(run(scopes(), EventLoop::withVirtualTime)).isEqualTo("22 obj@3.0");
        assertThat(log)
                .containsExactly(
                        "body done@1.0", "expired false", "body cancelled@2.0", "body finally", "TimeoutError@2.0");
    }

    /** A plain (not @Async) method returns async lambdas that capture this, a parameter and a local. */
    AsyncSupplier<String> worker(String tag, double delay) {
        int[] calls = {0};
        return () -> {
            calls[0]++;
            log.add(tag + " start@" + now());
            await(sleep(delay));
            log.add(tag + " end@" + now());
            return done(tag + calls[0] + name);
        };
    }

    @Async
    Coroutine<String> concurrent() throws Exception {
        AsyncSupplier<String> a = worker("a", 2);
        AsyncSupplier<String> b = worker("b", 1);
        Coroutine<String> ca = a.get();
        Coroutine<String> cb = b.get();
        log.add("made@" + now());
        Task<String> ta = createTask(ca);
        Task<String> tb = createTask(cb);
        String both = await(ta) + "," + await(tb);
        List<Object> all = await(gather(a.get(), b.get()));
        return done(both + " " + all + "@" + now());
    }

    @Test
    void callingAnAsyncLambdaRunsNothingAndItsCoroutinesRunConcurrentlyAsTasks() throws Exception {
        // asyncio: two tasks sleeping 2 and 1 finish together at 2, not 3; gather again at 4.
        assertThat(run(concurrent(), EventLoop::withVirtualTime)).isEqualTo("a1obj,b1obj [a2obj, b2obj]@4.0");
        assertThat(log)
                .containsExactly(
                        "made@0.0",
                        "a start@0.0",
                        "b start@0.0",
                        "b end@1.0",
                        "a end@2.0",
                        "a start@2.0",
                        "b start@2.0",
                        "b end@3.0",
                        "a end@4.0");
    }

    @Async
    Coroutine<String> onceAndCancelled() throws Exception {
        AsyncSupplier<Integer> one = () -> done(await(sleep(0, 1)));
        Coroutine<Integer> c = one.get();
        int first = await(c);
        String second;
        try {
            await(c);
            second = "awaited twice";
        } catch (RuntimeException e) {
            second = e.getMessage().startsWith("cannot reuse already awaited coroutine")
                    ? "reuse refused"
                    : e.toString();
        }
        AsyncFunction<Double, String> sleeper = d -> {
            try {
                await(sleep(d));
                return done("woke");
            } catch (CancelledError e) {
                log.add("cancelled at its await@" + now());
                throw e;
            }
        };
        Task<String> t = createTask(sleeper.apply(10.0));
        await(sleep(1));
        t.cancel();
        try {
            await(t);
        } catch (CancelledError e) {
            log.add("task cancelled " + t.cancelled());
        }
        return done(first + " " + second);
    }

    @Test
    void aCoroutineOfALambdaIsAwaitableOnceAndCancellable() throws Exception {
        assertThat(run(onceAndCancelled(), EventLoop::withVirtualTime)).isEqualTo("1 reuse refused");
        assertThat(log).containsExactly("cancelled at its await@1.0", "task cancelled true");
    }

    interface Download {
        Coroutine<String> get(String url) throws IOException;
    }

    @Async
    static Coroutine<String> download(String url) throws IOException {
        await(sleep(0.1));
        if (url.startsWith("bad")) {
            throw new IOException("cannot fetch " + url);
        }
        return done("<" + url + ">");
    }

    @Async
    Coroutine<String> customInterfacesAndNesting() throws Exception {
        Download retrying = url -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    return done(await(download(attempt < 3 ? "bad" + url : url)) + " after " + attempt);
                } catch (IOException e) {
                    log.add(e.getMessage());
                }
            }
        };
        String r = await(retrying.get("x"));
        // Nested: an async lambda making async lambdas; a plain lambda (Function) returning one.
        AsyncFunction<Integer, Integer> outer = n -> {
            Function<Integer, AsyncSupplier<Integer>> make = k -> () -> done(k + await(twice(n)));
            int sum = 0;
            for (int i = 0; i < n; i++) {
                sum += await(make.apply(i).get());
            }
            return done(sum);
        };
        Supplier<Coroutine<String>> generic = () -> fetch();
        Download ref = AsyncLambdaTest::download;
        return done(r + " " + await(outer.apply(3)) + " " + await(generic.get()) + " " + await(ref.get("m")));
    }

    @Test
    void customInterfacesCheckedExceptionsAndNestedLambdas() throws Exception {
        assertThat(run(customInterfacesAndNesting(), EventLoop::withVirtualTime))
                .isEqualTo("<x> after 3 21 obj <m>");
        assertThat(log).containsExactly("cannot fetch badx", "cannot fetch badx");
    }

    @Test
    void aFailingLambdaFailsItsAwaiterWithAStackTraceThatNamesTheLambda() {
        AsyncSupplier<String> failing = () -> {
            await(sleep(0));
            throw new IllegalStateException("inside");
        };
        assertThatThrownBy(() -> run(failing.get()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("inside")
                .satisfies(e -> assertThat(e.getStackTrace()[0].getMethodName()).startsWith("lambda$"))
                .satisfies(e -> assertThat(e.getStackTrace()[0].getFileName()).isEqualTo("AsyncLambdaTest.java"));
    }
}
