package io.jasyncio.rewriter.differential;

import java.util.List;

/** try/catch/finally, try-with-resources and failures of awaited things, around awaits. */
final class ExceptionCases {
    private ExceptionCases() {}

    static List<CorpusCase> all() {
        return List.of(
                new CorpusCase("CatchAwaitedFailures", 8, """
                        static class AppError extends Exception { AppError(String m) { super(m); } }
                        @Async static Coroutine<Integer> deep(int n) throws AppError {
                            if (n == 0) { await(sleep(0)); throw new AppError("bottom"); }
                            return done(await(deep(n - 1)) + 1);
                        }
                        @Async static Coroutine<Integer> main() {
                            int caught = 0;
                            try {
                                await(failIo("io"));
                                log("not reached");
                            } catch (IOException e) {
                                caught++;
                                log("checked " + e.getMessage());
                            }
                            try {
                                int x = 1 + await(Sup.<Integer>failState("state"));
                                log("not reached " + x);
                            } catch (IllegalStateException e) {
                                caught++;
                                log("unchecked " + e.getMessage());
                            }
                            try {
                                await(failLater(new IOException("future")));
                            } catch (Exception e) { // await does not declare what a future may hold
                                caught++;
                                log("future " + e.getMessage() + " " + e.getClass().getSimpleName());
                            }
                            try {
                                log("depth " + await(deep(5)));
                            } catch (AppError e) {
                                caught++;
                                log("app " + e.getMessage());
                            }
                            try {
                                await(failLater(new UnsupportedOperationException("multi")));
                            } catch (IllegalStateException | UnsupportedOperationException e) {
                                caught++;
                                log("multi-catch " + e);
                            }
                            for (int i = 0; i < 4; i++) {
                                tick();
                                try {
                                    if (i % 2 == 0) await(failState("loop " + i));
                                    log("ok " + i + " " + await(s(i)));
                                } catch (RuntimeException e) {
                                    log("caught " + e.getMessage());
                                    continue;
                                }
                                log("after try " + i);
                            }
                            return done(caught);
                        }
                        """),
                new CorpusCase("FinallyForms", 8, """
                        @Async static Coroutine<Integer> returnThroughFinally(int k) {
                            try {
                                if (k > 0) return done(await(s(k)));
                                log("k <= 0");
                            } finally {
                                await(sleep(0));
                                log("finally " + k);
                            }
                            return done(-1);
                        }
                        @Async static Coroutine<Integer> throwThroughFinally() {
                            int x = 1;
                            try {
                                x = await(s(2));
                                await(failState("inner"));
                                return done(x);
                            } finally {
                                x += await(later(40));
                                log("finally sees " + x);
                            }
                        }
                        @Async static Coroutine<String> nested() {
                            StringBuilder sb = new StringBuilder();
                            try {
                                try {
                                    sb.append(await(s("a")));
                                    await(failIo("first"));
                                } catch (IOException e) {
                                    sb.append(await(s("-catch:" + e.getMessage())));
                                    try {
                                        await(failState("in catch"));
                                    } finally {
                                        sb.append(await(later("-inner-finally")));
                                        try {
                                            await(failIo("in finally"));
                                        } catch (IOException e2) {
                                            sb.append("-").append(await(s(e2.getMessage())));
                                        }
                                    }
                                } finally {
                                    sb.append(await(now("-outer-finally")));
                                }
                            } catch (IllegalStateException e) {
                                sb.append("-escaped:").append(e.getMessage());
                            }
                            return done(sb.toString());
                        }
                        @Async static Coroutine<Integer> main() {
                            log("r1 " + await(returnThroughFinally(3)));
                            log("r2 " + await(returnThroughFinally(0)));
                            try {
                                await(throwThroughFinally());
                            } catch (IllegalStateException e) {
                                log("t " + e.getMessage());
                            }
                            log("nested " + await(nested()));
                            int loops = 0;
                            for (int i = 0; i < 3; i++) {
                                tick();
                                try {
                                    if (i == 1) continue;
                                    if (i == 2) break;
                                    loops += await(s(10));
                                } finally {
                                    loops += await(s(1));
                                    log("loop finally " + i + " " + loops);
                                }
                            }
                            return done(loops);
                        }
                        """),
                new CorpusCase("TryWithResources", 8, """
                        static class Res implements AutoCloseable {
                            final String name;
                            final boolean failOnClose;
                            Res(String name, boolean failOnClose) { this.name = name; this.failOnClose = failOnClose; log("open " + name); }
                            @Override public void close() {
                                log("close " + name);
                                if (failOnClose) throw new IllegalStateException("close " + name);
                            }
                        }
                        @Async static Coroutine<String> use(boolean failBody, boolean failClose) throws IOException {
                            try (Res a = new Res("a" + await(s(1)), false); Res b = new Res(await(later("b")), failClose)) {
                                log("body " + a.name + b.name);
                                if (failBody) await(failIo("body"));
                                return done(a.name + await(s(b.name)));
                            }
                        }
                        @Async static Coroutine<Integer> main() {
                            int n = 0;
                            for (int mode = 0; mode < 4; mode++) {
                                tick();
                                try {
                                    log("result " + await(use((mode & 1) != 0, (mode & 2) != 0)));
                                } catch (IOException | IllegalStateException e) {
                                    n++;
                                    log("caught " + e + " suppressed " + Arrays.toString(e.getSuppressed()));
                                }
                            }
                            return done(n);
                        }
                        """),
                new CorpusCase("UncaughtAfterAwait", 8, """
                        @Async static Coroutine<Integer> main() throws IOException {
                            int x = await(s(41));
                            log("x " + x);
                            if (x == 41) await(failIo("escapes " + x));
                            return done(x);
                        }
                        """),
                new CorpusCase("ThrowAfterAwaitInLoopWithLocals", 8, """
                        @Async static Coroutine<Long> main() {
                            long acc = 1;
                            double d = 0.5;
                            for (int i = 0; ; i++) {
                                tick();
                                acc = acc * 3 + await(s((long) i));
                                d += await(later(0.25));
                                log(i + " " + acc + " " + d);
                                if (acc > 1000) throw new ArithmeticException("overflow at " + i + " d=" + d);
                            }
                        }
                        """));
    }
}
