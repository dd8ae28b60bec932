package io.jasyncio.rewriter;

import static io.jasyncio.rewriter.testkit.DiagnosticAssert.assertError;
import static io.jasyncio.rewriter.testkit.DiagnosticAssert.lineOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.rewriter.testkit.ClassSet;
import io.jasyncio.rewriter.testkit.CompileOptions;
import io.jasyncio.rewriter.testkit.JavaSource;
import io.jasyncio.rewriter.testkit.RewrittenClasses;
import io.jasyncio.rewriter.testkit.RunOutcome;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What the differential corpus cannot show, since its blocking twin is eager: an async lambda is
 * lazy and awaitable once, like an {@code @Async} method; which lambda bodies are rewritten under
 * javac's and ecj's naming; and the build error for an await in any other lambda.
 */
class AsyncLambdaTest {
    private static final List<CompileOptions> COMPILERS = List.of(
            CompileOptions.javac(8),
            CompileOptions.javac(17).withDebug(false),
            CompileOptions.ecj(8),
            CompileOptions.ecj(17));

    static final JavaSource LAZY = Programs.source(
            "Lazy",
            ""
                    + "public class Lazy {\n"
                    + "  int runs;\n"
                    + "  @Async static Coroutine<String> main() {\n"
                    + "    Lazy o = new Lazy();\n"
                    + "    // No await in the body: the lambda is still an async lambda, so calling it runs nothing.\n"
                    + "    AsyncSupplier<Integer> plain = () -> { o.runs++; Trace.log(\"plain body\"); return done(o.runs); };\n"
                    + "    AsyncFunction<Integer, Integer> awaiting = x -> { Trace.log(\"awaiting body \" + x); await(sleep(0)); return done(x * 2); };\n"
                    + "    Coroutine<Integer> a = unchecked(plain);\n"
                    + "    Coroutine<Integer> b = unchecked(() -> awaiting.apply(21));\n"
                    + "    Trace.log(\"made, runs=\" + o.runs + \" \" + isCoroutine(a) + \" \" + isCoroutine(b));\n"
                    + "    Trace.log(\"results \" + await(a) + \" \" + await(b) + \" runs=\" + o.runs);\n"
                    + "    try {\n"
                    + "      await(a);\n"
                    + "      Trace.log(\"awaited twice?\");\n"
                    + "    } catch (RuntimeException e) {\n"
                    + "      Trace.log(e.getMessage().replaceAll(\" at 0x.*\", \"\"));\n"
                    + "    }\n"
                    + "    Coroutine<Integer> again = unchecked(plain);\n"
                    + "    return done(\"again \" + await(again) + \" runs=\" + o.runs);\n"
                    + "  }\n"
                    + "  static <T> Coroutine<T> unchecked(AsyncSupplier<T> s) {\n"
                    + "    try { return s.get(); } catch (Exception e) { throw new IllegalStateException(e); }\n"
                    + "  }\n"
                    + "}\n");

    @Test
    void anAsyncLambdaIsLazyAndAwaitableOnce() {
        for (CompileOptions options : COMPILERS) {
            RewrittenClasses r = ClassSet.compile(options, LAZY).rewrite();
            RunOutcome out = r.verified().run("Lazy", "main");
            assertThat(out.trace())
                    .as("%s", options)
                    .containsExactly(
                            "made, runs=0 true true",
                            "plain body",
                            "awaiting body 21",
                            "results 1 42 runs=1",
                            "cannot reuse already awaited coroutine <coroutine object "
                                    + (options.compiler() == CompileOptions.Compiler.JAVAC
                                            ? "lambda$main$0"
                                            : "lambda$0"),
                            "plain body");
            assertThat(out.end()).as("%s", options).isEqualTo("returned: again 2 runs=2");
        }
    }

    static final JavaSource KINDS = Programs.source(
            "Kinds",
            ""
                    + "import java.util.function.*;\n"
                    + "public class Kinds {\n"
                    + "  @Async static Coroutine<Integer> v(int x) { return done(x); }\n"
                    + "  static void plain() {\n"
                    + "    Runnable r = () -> System.out.println(\"not async\");\n"
                    + "    Supplier<String> s = () -> \"not async either\";\n"
                    + "    Supplier<Object> erased = () -> v(1);\n"
                    + "    Supplier<Coroutine<Integer>> generic = () -> v(2);\n"
                    + "    IntFunction<Coroutine<Integer>> prim = i -> v(i);\n"
                    + "    AsyncSupplier<Integer> ref = Kinds::helper;\n"
                    + "    AsyncSupplier<Integer> nested = () -> { Runnable inner = () -> {}; AsyncSupplier<Integer> deeper = () -> v(3); return deeper.get(); };\n"
                    + "  }\n"
                    + "  static Coroutine<Integer> helper() { return done(4); }\n"
                    + "}\n");

    /** Name and descriptor of each rewritten lambda body and of each lambda method left alone. */
    @Test
    void onlyLambdasWhoseInterfaceMethodReturnsCoroutineAreRewritten() {
        for (CompileOptions options : COMPILERS) {
            RewrittenClasses r = ClassSet.compile(options, KINDS).rewrite();
            assertThat(r.result("Kinds").changed()).isTrue();
            Map<String, Integer> bodies = new TreeMap<>();
            int untouched = 0;
            for (MethodNode m : node(r.result("Kinds").bytes()).methods) {
                if (!m.name.startsWith("lambda$")) {
                    assertThat(m.name)
                            .as("method references stay calls: %s", options)
                            .isNotEqualTo("helper$1");
                    continue;
                }
                if (m.desc.equals("(Lio/jasyncio/internal/Frame;Lio/jasyncio/Task;)Ljava/lang/Object;")) {
                    bodies.merge("body", 1, Integer::sum);
                } else if (m.desc.endsWith(")Lio/jasyncio/Coroutine;")) {
                    bodies.merge("factory", 1, Integer::sum);
                } else {
                    untouched++;
                }
            }
            // generic, prim, nested and deeper; Runnable, Supplier<String>, Supplier<Object> and inner stay plain.
            assertThat(bodies).as("%s", options).isEqualTo(Map.of("body", 4, "factory", 4));
            assertThat(untouched).as("%s", options).isEqualTo(4);
        }
    }

    @Test
    void aClassWhoseOnlyAsyncCodeIsALambdaIsRewritten() {
        JavaSource src = Programs.source(
                "OnlyLambda",
                ""
                        + "public class OnlyLambda {\n"
                        + "  static AsyncSupplier<String> make() { return () -> done(\"x\"); }\n"
                        + "}\n");
        JavaSource refOnly = Programs.source(
                "OnlyRef",
                ""
                        + "public class OnlyRef {\n"
                        + "  static AsyncSupplier<Void> make() { return AsyncIO::done; }\n"
                        + "}\n");
        for (CompileOptions options : COMPILERS) {
            ClassSet set = ClassSet.compile(options, src, refOnly);
            assertThat(Rewriter.mayNeedRewrite(set.bytes("OnlyLambda"))).isTrue();
            RewrittenClasses r = set.rewrite();
            assertThat(r.result("OnlyLambda").changed()).as("%s", options).isTrue();
            assertThat(r.result("OnlyRef").changed()).as("%s", options).isFalse();
            assertThat(r.result("OnlyRef").diagnostics()).isEmpty();
            r.verified();
        }
    }

    static final JavaSource MISUSE = Programs.source(
            "LambdaMisuse",
            ""
                    + "import java.util.function.*;\n"
                    + "public class LambdaMisuse {\n"
                    + "  @Async static Coroutine<Integer> v(int x) { return done(x); }\n"
                    + "  static void plain() {\n"
                    + "    Supplier<Object> s = () -> await(v(1)); // OBJECT\n"
                    + "    AsyncSupplier<Integer> ok = () -> {\n"
                    + "      Runnable r = () -> await(v(2)); // RUNNABLE\n"
                    + "      return done(await(v(3)));\n"
                    + "    };\n"
                    + "  }\n"
                    + "}\n");

    @Test
    void anAwaitInALambdaThatDoesNotReturnCoroutineIsABuildError() {
        for (CompileOptions options :
                List.of(CompileOptions.javac(8), CompileOptions.javac(17), CompileOptions.ecj(17))) {
            RewriteResult bad = ClassSet.compile(options, MISUSE).rewrite().result("LambdaMisuse");
            assertThat(bad.bytes()).isNull();
            String message = "await inside a lambda whose functional interface method does not return Coroutine";
            assertError(bad, message, lineOf(MISUSE, "OBJECT"));
            assertError(bad, message, lineOf(MISUSE, "RUNNABLE"));
            assertThat(bad.diagnostics()).as("%s", options).hasSize(2);
            assertThat(bad.diagnostics().get(0).toString()).startsWith("LambdaMisuse.java:");
            assertThat(bad.diagnostics().get(0).toString()).contains("AsyncSupplier<T>");
        }
    }

    private static ClassNode node(byte[] bytes) {
        ClassNode c = new ClassNode();
        new ClassReader(bytes).accept(c, 0);
        return c;
    }
}
