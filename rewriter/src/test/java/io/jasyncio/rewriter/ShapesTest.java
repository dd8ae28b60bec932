package io.jasyncio.rewriter;

import static io.jasyncio.rewriter.Programs.sameAsReference;
import static io.jasyncio.rewriter.Programs.source;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.rewriter.testkit.CompileOptions;
import io.jasyncio.rewriter.testkit.RunOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where @Async methods live and what they look like: interfaces, enums, records, inner classes, generics, overloads. */
class ShapesTest {

    @Test
    void interfaceDefaultAndStaticMethodsEnumsInnerAndAnonymousClasses() {
        RunOutcome out = sameAsReference(
                source(
                        "H",
                        ""
                                + "public class H {\n"
                                + "  interface Greeter {\n"
                                + "    String name();\n"
                                + "    @Async default Coroutine<String> greet(String who) { await(sleep(0)); return done(name() + \" greets \" + who); }\n"
                                + "    @Async static Coroutine<Integer> twice(int x) { await(sleep(0)); return done(2 * x); }\n"
                                + "  }\n"
                                + "  enum Op {\n"
                                + "    ADD { @Async Coroutine<Integer> apply(int a, int b) { await(sleep(0)); return done(a + b); } },\n"
                                + "    MUL { @Async Coroutine<Integer> apply(int a, int b) { await(sleep(0)); return done(a * b); } };\n"
                                + "    abstract Coroutine<Integer> apply(int a, int b);\n"
                                + "  }\n"
                                + "  int base = 100;\n"
                                + "  class Inner { @Async Coroutine<Integer> plus(int k) { await(sleep(0)); return done(base + k); } }\n"
                                + "  @Async static <T extends Comparable<T>> Coroutine<T> max(T a, T b) { await(sleep(0)); return done(a.compareTo(b) >= 0 ? a : b); }\n"
                                + "  @Async static Coroutine<String> over(int x) { await(sleep(0)); return done(\"int\" + x); }\n"
                                + "  @Async static Coroutine<String> over(String x) { await(sleep(0)); return done(\"str\" + x); }\n"
                                + "  @Async private static Coroutine<Long> fact(long n) { return n <= 1 ? done(1L) : done(n * await(fact(n - 1))); }\n"
                                + "  @Async static Coroutine<Object> run() {\n"
                                + "    Greeter g = new Greeter() { public String name() { return \"anon\"; } };\n"
                                + "    Greeter l = () -> \"lambda\";\n"
                                + "    Trace.log(await(g.greet(\"you\")) + \"/\" + await(l.greet(\"me\")) + \"/\" + await(Greeter.twice(21)));\n"
                                + "    Trace.log(await(Op.ADD.apply(2, 3)) + \" \" + await(Op.MUL.apply(2, 3)));\n"
                                + "    H h = new H();\n"
                                + "    Trace.log(await(h.new Inner().plus(5)) + \" \" + await(max(\"pear\", \"apple\")) + \" \" + await(max(3, 9)));\n"
                                + "    Trace.log(await(over(1)) + await(over(\"s\")) + \" \" + await(fact(20)));\n"
                                + "    Object anon = new Object() { @Async Coroutine<String> hi() { await(sleep(0)); return done(\"hi\" + base()); }\n"
                                + "      int base() { return 7; } };\n"
                                + "    return done(\"end\");\n"
                                + "  }\n"
                                + "  static Object main() { return run(); }\n"
                                + "}\n"),
                "H");
        assertThat(out.trace())
                .containsExactly(
                        "anon greets you/lambda greets me/42", "5 6", "105 pear 9", "int1strs " + 2432902008176640000L);
    }

    @Test
    void recordsAndSwitchExpressions() {
        sameAsReference(
                source(
                        "Rec",
                        ""
                                + "public class Rec {\n"
                                + "  record Pair(int a, String b) {\n"
                                + "    @Async Coroutine<String> show() { await(sleep(0)); return done(b + a); }\n"
                                + "  }\n"
                                + "  sealed interface Shape permits Sq, Ci {}\n"
                                + "  record Sq(int s) implements Shape {}\n"
                                + "  record Ci(int r) implements Shape {}\n"
                                + "  @Async static Coroutine<Integer> v(int x) { await(sleep(0)); return done(x); }\n"
                                + "  @Async static Coroutine<String> run() {\n"
                                + "    var p = new Pair(await(v(1)), \"x\");\n"
                                + "    String s = await(p.show());\n"
                                + "    int k = switch (s) { case \"x1\" -> await(v(10)); case \"y\" -> 0; default -> { int t = await(v(3)); yield t * 2; } };\n"
                                + "    Object o = k > 5 ? new Sq(await(v(4))) : new Ci(1);\n"
                                + "    String d = o instanceof Sq sq ? \"sq\" + await(v(sq.s())) : \"other\";\n"
                                + "    String text = \"\"\"\n"
                                + "        t%s\"\"\".formatted(await(v(9)));\n"
                                + "    Trace.log(s + k + d + text);\n"
                                + "    return done(s + k + d + text);\n"
                                + "  }\n"
                                + "  static Object main() { return run(); }\n"
                                + "}\n"),
                "Rec",
                List.of(CompileOptions.javac(17), CompileOptions.ecj(17).withDebug(false)));
    }

    @Test
    void hundredsOfLocalsUseWideIndices() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            body.append("    long l").append(i).append(" = ").append(i).append("L * seed;\n");
            body.append("    double d").append(i).append(" = l").append(i).append(" / 2.0;\n");
            body.append("    String s")
                    .append(i)
                    .append(" = \"s\" + ")
                    .append(i)
                    .append(";\n");
        }
        body.append("    long sum = 0; double dsum = 0; StringBuilder all = new StringBuilder();\n");
        body.append("    for (int k = 0; k < 3; k++) {\n      sum += await(v(k));\n");
        for (int i = 0; i < 100; i++) {
            body.append("      sum += l")
                    .append(i)
                    .append("; dsum += d")
                    .append(i)
                    .append("; all.append(s")
                    .append(i)
                    .append(".length());\n");
        }
        body.append("    }\n");
        RunOutcome out = sameAsReference(
                source(
                        "W",
                        ""
                                + "public class W {\n"
                                + "  @Async static Coroutine<Integer> v(int x) { await(sleep(0)); return done(x); }\n"
                                + "  @Async static Coroutine<String> run(long seed) {\n"
                                + body
                                + "    return done(sum + \" \" + dsum + \" \" + all.length());\n"
                                + "  }\n"
                                + "  static Object main() { return run(3); }\n"
                                + "}\n"),
                "W",
                List.of(CompileOptions.javac(8), CompileOptions.javac(17).withDebug(false)));
        assertThat(out.end()).isEqualTo("returned: 44553 22275.0 300");
    }

    @Test
    void nestedAwaitsCompletionStagesAndDoneFutures() {
        sameAsReference(
                source(
                        "N",
                        ""
                                + "public class N {\n"
                                + "  @Async static Coroutine<Integer> v(int x) { await(sleep(0)); return done(x); }\n"
                                + "  @Async static Coroutine<Integer> add(int a, int b) { return done(a + await(v(b))); }\n"
                                + "  @Async static Coroutine<String> run() {\n"
                                + "    int x = await(add(await(v(1)), await(add(2, await(v(3))))));\n"
                                + "    Task<Integer> t = createTask(v(40));\n"
                                + "    int y = await(t) + await(t);\n"
                                + "    int z = await(java.util.concurrent.CompletableFuture.completedFuture(5));\n"
                                + "    return done(x + \" \" + y + \" \" + z);\n"
                                + "  }\n"
                                + "  static Object main() { return run(); }\n"
                                + "}\n"),
                "N");
    }

    @Test
    void bridgeMethodsForwardToTheRewrittenFactory() {
        // Base<T>.apply(T) overridden with apply(String): javac adds a bridge apply(Object) carrying @Async.
        RunOutcome out = sameAsReference(
                source(
                        "Br",
                        ""
                                + "public class Br {\n"
                                + "  static abstract class Base<T> { abstract Coroutine<String> apply(T t); }\n"
                                + "  static class Impl extends Base<String> {\n"
                                + "    @Async Coroutine<String> apply(String s) { await(sleep(0)); return done(s + s); }\n"
                                + "  }\n"
                                + "  @Async static Coroutine<String> run() { Base<String> b = new Impl(); return done(await(b.apply(\"ab\"))); }\n"
                                + "  static Object main() { return run(); }\n"
                                + "}\n"),
                "Br",
                List.of(CompileOptions.javac(8), CompileOptions.javac(17)));
        assertThat(out.end()).isEqualTo("returned: abab");
    }
}
