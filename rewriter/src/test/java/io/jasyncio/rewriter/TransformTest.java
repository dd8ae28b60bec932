package io.jasyncio.rewriter;

import static io.jasyncio.rewriter.Programs.sameAsReference;
import static io.jasyncio.rewriter.Programs.source;
import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.rewriter.testkit.RunOutcome;
import org.junit.jupiter.api.Test;

/** Shapes of the Java language around awaits, each run with real suspensions and compared with the blocking twin. */
class TransformTest {

    @Test
    void primitivesLocalsAndParametersSurviveSuspensions() {
        RunOutcome out = sameAsReference(
                source(
                        "P",
                        ""
                                + "public class P {\n"
                                + "  @Async static Coroutine<Integer> one(int x) { await(sleep(0)); return done(x + 1); }\n"
                                + "  @Async static Coroutine<String> all(String s, long l, double d, float f, boolean b, char c, byte y, short h) {\n"
                                + "    int i = 7; long l2 = l * 3; double d2 = d / 2; Object nothing = null;\n"
                                + "    await(sleep(0));\n"
                                + "    i += await(one(i));\n"
                                + "    await(sleep(0));\n"
                                + "    Trace.log(s + i + l + l2 + d + d2 + f + b + c + y + h + nothing);\n"
                                + "    return done(s + (i + l2 + d2));\n"
                                + "  }\n"
                                + "  static Object main() { return all(\"s\", 1L << 40, 2.5, 1.5f, true, 'c', (byte) 3, (short) 4); }\n"
                                + "}\n"),
                "P");
        assertThat(out.end()).isEqualTo("returned: s" + (15 + (3L << 40) + 1.25));
    }

    @Test
    void nonEmptyOperandStacksAreSpilled() {
        sameAsReference(
                source(
                        "St",
                        ""
                                + "public class St {\n"
                                + "  int field = 5;\n"
                                + "  @Async static Coroutine<Integer> v(int x) { await(sleep(0)); return done(x); }\n"
                                + "  @Async static Coroutine<Long> w(long x) { await(sleep(0)); return done(x); }\n"
                                + "  static String g(int a, long b, double c, Object o) { return a + \"/\" + b + \"/\" + c + \"/\" + o; }\n"
                                + "  @Async Coroutine<String> run() {\n"
                                + "    int a = 1 + await(v(2));\n"
                                + "    String s = g(1, 2L, 3.0, await(v(4)));\n"
                                + "    int[] arr = new int[3]; int i = 1;\n"
                                + "    arr[i] = await(v(9));\n"
                                + "    field += await(v(10));\n"
                                + "    long big = 3L * await(w(1L << 35)) + await(w(7));\n"
                                + "    int[] lit = new int[] { await(v(1)), 2, await(v(3)) };\n"
                                + "    String cat = \"x\" + a + s + await(v(6)) + big + (await(v(1)) > 0 ? \"p\" : \"n\");\n"
                                + "    Trace.log(cat + Arrays.toString(arr) + Arrays.toString(lit) + field);\n"
                                + "    return done(cat);\n"
                                + "  }\n"
                                + "  static Object main() { return new St().run(); }\n"
                                + "}\n"),
                "St");
    }

    @Test
    void uninitialisedObjectsOnTheStackAreBuiltAfterTheirArguments() {
        sameAsReference(
                source(
                        "U",
                        ""
                                + "public class U {\n"
                                + "  static final class Point { final int x; final long y; Point(int x, long y) { this.x = x; this.y = y; }\n"
                                + "    public String toString() { return \"(\" + x + \",\" + y + \")\"; } }\n"
                                + "  static final class Box { final Object a; final Object b; Box(Object a, Object b) { this.a = a; this.b = b; }\n"
                                + "    public String toString() { return \"[\" + a + \" \" + b + \"]\"; } }\n"
                                + "  @Async static Coroutine<Integer> v(int x) { await(sleep(0)); return done(x); }\n"
                                + "  @Async static Coroutine<Object> run() {\n"
                                + "    Point p = new Point(await(v(1)), await(v(2)));\n"
                                + "    Box b = new Box(new Point(await(v(3)), 4L), new Box(\"s\", await(v(5))));\n"
                                + "    new Box(await(v(6)), null);\n"
                                + "    StringBuilder sb = new StringBuilder(String.valueOf(await(v(7))));\n"
                                + "    Trace.log(p + \" \" + b + \" \" + sb);\n"
                                + "    return done(new Box(p, await(v(8))));\n"
                                + "  }\n"
                                + "  static Object main() { return run(); }\n"
                                + "}\n"),
                "U");
    }

    @Test
    void loopsSwitchesAndConditions() {
        sameAsReference(
                source(
                        "L",
                        ""
                                + "public class L {\n"
                                + "  enum Color { RED, GREEN, BLUE }\n"
                                + "  @Async static Coroutine<Integer> v(int x) { await(sleep(0)); return done(x); }\n"
                                + "  @Async static Coroutine<Integer> run() {\n"
                                + "    int sum = 0;\n"
                                + "    outer:\n"
                                + "    for (int i = 0; i < 5; i++) {\n"
                                + "      for (int j = 0; j < 5; j++) {\n"
                                + "        if (j > i) continue outer;\n"
                                + "        if (i == 4 && j == 2) break outer;\n"
                                + "        sum += await(v(i * j));\n"
                                + "      }\n"
                                + "    }\n"
                                + "    int k = 0;\n"
                                + "    while (await(v(k)) < 3) { k++; }\n"
                                + "    do { k += await(v(2)); } while (k < 10);\n"
                                + "    for (String s : Arrays.asList(\"a\", \"bb\", \"ccc\")) {\n"
                                + "      switch (s) { case \"a\": sum += await(v(1)); break; case \"bb\": sum += await(v(2)); default: sum += 100; }\n"
                                + "    }\n"
                                + "    for (Color c : Color.values()) {\n"
                                + "      switch (c) { case RED: sum += await(v(1000)); break; case BLUE: sum -= await(v(1)); break; default: }\n"
                                + "    }\n"
                                + "    switch (await(v(7))) { case 1: sum = 0; break; case 7: sum *= 2; break; case 1000: sum = -1; break; }\n"
                                + "    switch (await(v(3))) { case 1: case 2: case 3: case 4: sum += await(v(3)); }\n"
                                + "    boolean ok = k > 0 && await(v(1)) == 1 || await(v(0)) == 5;\n"
                                + "    Trace.log(\"sum=\" + sum + \" k=\" + k + \" ok=\" + ok + \" t=\" + (ok ? await(v(1)) : await(v(2))));\n"
                                + "    return done(sum);\n"
                                + "  }\n"
                                + "  static Object main() { return run(); }\n"
                                + "}\n"),
                "L");
    }

    @Test
    void tryCatchFinallyAroundAwaits() {
        sameAsReference(
                source(
                        "T",
                        ""
                                + "public class T {\n"
                                + "  static class Res implements AutoCloseable { final String n; Res(String n) { this.n = n; Trace.log(\"open \" + n); }\n"
                                + "    public void close() { Trace.log(\"close \" + n); } }\n"
                                + "  @Async static Coroutine<Integer> v(int x) { await(sleep(0)); return done(x); }\n"
                                + "  @Async static Coroutine<Integer> fail(String m) throws java.io.IOException { await(sleep(0));\n"
                                + "    if (m.startsWith(\"io\")) throw new java.io.IOException(m); throw new IllegalStateException(m); }\n"
                                + "  @Async static Coroutine<String> run() throws Exception {\n"
                                + "    StringBuilder sb = new StringBuilder();\n"
                                + "    try { await(fail(\"io1\")); } catch (java.io.IOException e) { sb.append(\"caught \" + e.getMessage() + await(v(1))); }\n"
                                + "    try { await(fail(\"ise\")); } catch (IllegalStateException e) { sb.append(\" ise\"); } finally { sb.append(\" fin\" + await(v(2))); }\n"
                                + "    for (int i = 0; i < 3; i++) {\n"
                                + "      try {\n"
                                + "        if (i == 1) continue;\n"
                                + "        sb.append(\" i\" + await(v(i)));\n"
                                + "        if (i == 2) break;\n"
                                + "      } finally { sb.append(\" f\" + i + await(v(0))); }\n"
                                + "    }\n"
                                + "    try (Res a = new Res(\"a\"); Res b = new Res(\"b\" + await(v(3)))) {\n"
                                + "      sb.append(\" body\" + await(v(4)));\n"
                                + "      await(fail(\"io-in-twr\"));\n"
                                + "    } catch (java.io.IOException e) { sb.append(\" twr \" + e.getMessage()); }\n"
                                + "    try { try { await(fail(\"x\")); } catch (RuntimeException e) { try { await(v(1)); throw new RuntimeException(\"y\"); }\n"
                                + "        finally { sb.append(\" nested\"); } } } catch (RuntimeException e) { sb.append(\" outer \" + e.getMessage()); }\n"
                                + "    Trace.log(sb);\n"
                                + "    return done(sb.toString());\n"
                                + "  }\n"
                                + "  static Object main() throws Exception { return run(); }\n"
                                + "}\n"),
                "T");
    }

    @Test
    void tailAwaitsAndReturnForms() {
        sameAsReference(
                source(
                        "R",
                        ""
                                + "public class R {\n"
                                + "  @Async static Coroutine<Integer> v(int x) { await(sleep(0)); return done(x); }\n"
                                + "  @Async static Coroutine<Integer> pick(int k) {\n"
                                + "    if (k == 0) return v(10);\n"
                                + "    try { if (k == 1) return done(await(v(11))); return k > 5 ? done(k) : v(k * 2); }\n"
                                + "    finally { Trace.log(\"finally \" + k); }\n"
                                + "  }\n"
                                + "  @Async static Coroutine<Void> nothing() { Trace.log(\"nothing\"); return done(); }\n"
                                + "  @Async static Coroutine<Integer> run() {\n"
                                + "    await(nothing());\n"
                                + "    return done(await(pick(0)) + await(pick(1)) + await(pick(2)) + await(pick(9)));\n"
                                + "  }\n"
                                + "  static Object main() { return run(); }\n"
                                + "}\n"),
                "R");
    }

    @Test
    void aFinallyBlockAwaitsWhileItsExceptionWaitsToBeRethrown() {
        // The catch-any handler keeps the Throwable in a local across the await, then athrows it:
        // the restored local must be cast back to Throwable although the source never names it.
        RunOutcome out = sameAsReference(
                source(
                        "F",
                        ""
                                + "public class F {\n"
                                + "  @Async static Coroutine<Integer> v(int x) { await(sleep(0)); return done(x); }\n"
                                + "  @Async static Coroutine<Integer> run(int zero) {\n"
                                + "    try { return done(await(v(1)) / zero); } finally { Trace.log(\"finally \" + await(v(2))); }\n"
                                + "  }\n"
                                + "  static Object main() { return run(0); }\n"
                                + "}\n"),
                "F");
        assertThat(out.end()).isEqualTo("threw: java.lang.ArithmeticException: / by zero");
    }

    @Test
    void manyAwaitsOverManyLiveLocalsShareTheirSaveAndRestoreCode() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 240; i++) {
            body.append("    ")
                    .append(i % 2 == 0 ? "long" : "String")
                    .append(" x")
                    .append(i)
                    .append(" = ")
                    .append(i % 2 == 0 ? i + "L" : "\"s" + i + "\"")
                    .append(";\n");
            if (i % 12 == 11) {
                body.append("    await(sleep(0));\n");
            }
        }
        body.append("    StringBuilder sb = new StringBuilder();\n");
        for (int i = 0; i < 240; i++) {
            body.append("    sb.append(x").append(i).append(");\n");
        }
        // 20 awaits with up to 240 live locals each: without sharing, far beyond 64 KiB of code.
        sameAsReference(
                source(
                        "Many",
                        ""
                                + "public class Many {\n"
                                + "  @Async static Coroutine<Integer> run() {\n" + body
                                + "    Trace.log(sb.length());\n"
                                + "    return done(sb.length());\n"
                                + "  }\n"
                                + "  static Object main() { return run(); }\n"
                                + "}\n"),
                "Many",
                java.util.List.of(io.jasyncio.rewriter.testkit.CompileOptions.javac(17)));
    }

    @Test
    void synchronizedBlocksBetweenAwaitsAreFine() {
        sameAsReference(
                source(
                        "Sy",
                        ""
                                + "public class Sy {\n"
                                + "  static final Object LOCK = new Object();\n"
                                + "  static int counter;\n"
                                + "  @Async static Coroutine<Integer> v(int x) { await(sleep(0)); return done(x); }\n"
                                + "  @Async static Coroutine<Integer> run() {\n"
                                + "    for (int i = 0; i < 3; i++) {\n"
                                + "      int got = await(v(i));\n"
                                + "      synchronized (LOCK) { counter += got; }\n"
                                + "    }\n"
                                + "    synchronized (LOCK) { try { counter++; } finally { counter++; } }\n"
                                + "    return done(counter + await(v(100)));\n"
                                + "  }\n"
                                + "  static Object main() { return run(); }\n"
                                + "}\n"),
                "Sy");
    }
}
