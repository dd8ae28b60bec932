package io.jasyncio.rewriter.differential;

import java.util.ArrayList;
import java.util.List;

/** Values live across awaits: every primitive type, arrays, wide locals, operand-stack values. */
final class ValueCases {
    private ValueCases() {}

    static List<CorpusCase> all() {
        List<CorpusCase> all = new ArrayList<>(List.of(
                new CorpusCase("AwaitInEveryExpressionPosition", 8, """
                        static class Res implements AutoCloseable { public void close() { log("close"); } }
                        interface Shape { int area(); }
                        @Async static Coroutine<String> main() {
                            StringBuilder sb = new StringBuilder();
                            for (int i = await(s(0)); i < await(s(3)); i += await(now(1))) { tick(); sb.append(i); }
                            int[] dims = new int[await(s(3))];
                            int[][] grid = new int[await(s(2))][await(later(2))];
                            log(sb + " " + dims.length + " " + grid.length + "x" + grid[1].length);
                            final int k = await(s(6));
                            Shape sh = new Shape() { final int side = k + 1; public int area() { return side * side; } };
                            log("anon " + sh.area());
                            try {
                                throw await(s(new IllegalStateException("thrown value")));
                            } catch (IllegalStateException e) {
                                log("caught " + e.getMessage());
                            }
                            switch (await(s('b'))) { case 'a': log("a"); break; case 'b': log("b " + await(s('c'))); break; default: log("-"); }
                            byte b = 10;
                            b += await(s(300));
                            short sh2 = 1;
                            sh2 *= await(later((short) 1000));
                            char c = 'a';
                            c += await(s(2));
                            log(b + " " + sh2 + " " + c);
                            try (Res r = null; Res r2 = new Res()) {
                                log("null resource " + (r == null) + await(s("!")));
                            }
                            Object o = await(s((Object) 5));
                            boolean isInt = await(now(o)) instanceof Integer;
                            log("instanceof " + isInt + " " + (await(s(true)) ? "T" + await(s(1)) : "F" + await(s(2.0))));
                            Void nothing = await(sleep(0));
                            log("void " + nothing);
                            String text = null;
                            for (int i = 0; i < 3; i++) {
                                tick();
                                text = (text == null ? "" : text + "/") + await(s(i));
                                if (i == 1) { log("mid " + text); continue; }
                            }
                            return done(text);
                        }
                        """),
                new CorpusCase("EveryPrimitiveType", 8, """
                        @Async static Coroutine<String> params(boolean z, byte b, char c, short s, int i, long j, float f,
                                                               double d, String str, long j2, double d2) {
                            await(sleep(0));
                            z = !z; b++; c++; s--; i *= 2; j -= 3; f /= 2; d *= 1.5; j2 = j2 << 2; d2 = -d2;
                            await(later(0));
                            return done(z + " " + b + " " + c + " " + s + " " + i + " " + j + " " + f + " " + d + " "
                                    + str + " " + j2 + " " + d2);
                        }
                        @Async static Coroutine<Double> main() {
                            boolean z = true; byte b = -128; char c = 'x'; short sh = 32767; int i = Integer.MIN_VALUE;
                            long j = Long.MAX_VALUE; float f = Float.NaN; double d = -0.0; float f2 = 1.0e-40f;
                            double d2 = Double.MIN_VALUE;
                            for (int k = 0; k < 3; k++) {
                                tick();
                                await(s(k));
                                z ^= true; b += 1; c += 2; sh += 3; i -= 4; j += 5; f += 1; d -= 0.25; f2 *= 2; d2 *= 3;
                                log(z + " " + b + " " + c + " " + sh + " " + i + " " + j + " " + f + " " + d + " " + f2 + " " + d2);
                            }
                            log(await(params(z, b, c, sh, i, j, f2, d2, "str", 0x123456789L, Math.PI)));
                            long big = await(s(1L << 40)) + await(later(Long.MIN_VALUE));
                            double frac = await(s(0.1)) + await(now(0.2f));
                            char ch = await(s('q'));
                            byte by = await(later((byte) 7));
                            short sv = await(now((short) -2));
                            float fv = await(s(3.5f));
                            log(big + " " + frac + " " + ch + " " + by + " " + sv + " " + fv);
                            return done(d + frac);
                        }
                        """),
                new CorpusCase("OperandStackAtAwait", 8, """
                        static int counter;
                        int field = 5;
                        long wide = 7;
                        static String g(int a, long b, double c, int d) { return a + "/" + b + "/" + c + "/" + d; }
                        static String h(double a, String b, long c, Object d, char e) { return a + b + c + d + e; }
                        @Async static Coroutine<Integer> f(int v) { await(sleep(0)); return done(v); }
                        @Async static Coroutine<Integer> main() {
                            int a = 10;
                            int x = a + await(f(1));
                            log("a + await " + x);
                            log(g(1, 2L, 3.0, await(f(4))));
                            log(h(1.5, "b" + await(s("c")), 3L, await(later(new int[] {1, 2})).length, await(now('z'))));
                            int[] arr = new int[3];
                            for (int i = 0; i < arr.length; i++) { tick(); arr[i] = await(f(i * 7)); }
                            arr[1] += await(f(100));
                            long[] larr = {1, 2};
                            larr[await(f(1))] *= await(s(9L));
                            log(Arrays.toString(arr) + Arrays.toString(larr));
                            OperandStackAtAwait o = new OperandStackAtAwait();
                            o.field += await(f(3));
                            o.wide -= await(later(2L));
                            counter += await(f(11));
                            counter = counter * 2 + await(s(1));
                            log(o.field + " " + o.wide + " " + counter);
                            long mix = 3L * await(f(2)) + (long) (2.5 * await(s(4.0))) - a % await(f(3));
                            log("mix " + mix);
                            double dd = Math.max(await(s(1.5)), Math.min(2.5, await(later(9.0))));
                            log("dd " + dd);
                            int nested = await(f(await(f(await(s(6)))) + 1)) * 2;
                            log("nested " + nested);
                            return done(x + nested + (a > 5 ? await(f(1)) : 0));
                        }
                        """),
                new CorpusCase("UninitialisedObjects", 8, """
                        static final class Point {
                            final int x; final int y;
                            Point(int x, int y) { this.x = x; this.y = y; log("Point(" + x + "," + y + ")"); }
                            @Override public String toString() { return "(" + x + "," + y + ")"; }
                        }
                        static final class Line {
                            final Point a; final Point b; final String label;
                            Line(Point a, Point b, String label) { this.a = a; this.b = b; this.label = label; }
                            @Override public String toString() { return label + a + "-" + b; }
                        }
                        static final class Wide {
                            final long l; final double d; final String s;
                            Wide(long l, double d, String s) { this.l = l; this.d = d; this.s = s; }
                            @Override public String toString() { return l + ";" + d + ";" + s; }
                        }
                        @Async static Coroutine<String> main() {
                            Point p = new Point(await(s(1)), await(later(2)));
                            Line line = new Line(new Point(await(s(3)), 4), new Point(5, await(now(6))), "L" + await(s(7)));
                            int[] one = new int[] {await(s(8))};
                            int[][] grid = {{await(s(1)), 2}, {3, await(later(4))}};
                            String[] strs = new String[] {"a", await(s("b")), "c"};
                            Wide w = new Wide(await(s(1L)), await(later(2.0)), await(now("three")));
                            StringBuilder sb = new StringBuilder(await(s("sb"))).append(await(later('!')));
                            List<Object> list = new ArrayList<>(Arrays.asList(p, await(s("x")), new Point(await(s(9)), await(s(9)))));
                            log(p + " " + line + " " + one[0] + " " + Arrays.deepToString(grid) + " " + Arrays.toString(strs));
                            log(w + " " + sb + " " + list);
                            Object boxed = Integer.valueOf(await(s(12)));
                            return done(boxed + String.valueOf(new Point(p.x + await(s(1)), p.y)));
                        }
                        """),
                new CorpusCase("StringConcatenation", 8, """
                        @Async static Coroutine<String> main() {
                            int i = 4; long l = 5; double d = 6.5; char c = 'c'; boolean z = false; Object o = null;
                            String s1 = "i=" + i + " s=" + await(s("S")) + " l=" + l + " d=" + d + " c=" + c
                                    + " fut=" + await(later(99)) + " z=" + z + " o=" + o + " now=" + await(now(1.25f));
                            log(s1);
                            String s2 = "" + await(s('x')) + await(s(2L)) + await(s(true)) + "\\u0001\\u0002" + i;
                            log(s2);
                            String acc = "";
                            for (int k = 0; k < 3; k++) { tick(); acc += await(s(k)) + ","; }
                            log(acc);
                            return done(s1.length() + ":" + s2 + ":" + acc);
                        }
                        """),
                new CorpusCase("ArraysLiveAcrossAwaits", 8, """
                        @Async static Coroutine<Integer> main() {
                            int[] ints = {3, 1, 2};
                            long[][] longs = new long[2][2];
                            String[] strs = new String[2];
                            Object[] objs = new Integer[] {1};
                            boolean[] flags = new boolean[3];
                            char[] chars = "abc".toCharArray();
                            for (int i = 0; i < 2; i++) {
                                tick();
                                await(sleep(0));
                                longs[i][i] = await(later((long) i + 10));
                                strs[i] = await(s("s" + i));
                                flags[i] = await(now(i == 1));
                                chars[i] += (char) (int) await(s(1));
                            }
                            Arrays.sort(ints);
                            int total = 0;
                            for (int v : ints) { tick(); total += v * await(s(10)); }
                            try {
                                objs[0] = await(s("not an Integer"));
                            } catch (ArrayStoreException e) {
                                log("array store " + e.getMessage());
                            }
                            log(Arrays.toString(ints) + Arrays.deepToString(longs) + Arrays.toString(strs)
                                    + Arrays.toString(flags) + new String(chars));
                            return done(total);
                        }
                        """),
                new CorpusCase("LambdasAndCapturesAcrossAwaits", 8, """
                        @Async static Coroutine<Integer> main() {
                            int base = await(s(5));
                            Function<Integer, Integer> add = v -> v + base;
                            Supplier<String> label = () -> "base" + base;
                            await(sleep(0));
                            int r = add.apply(await(later(10)));
                            Runnable logger = () -> log("runnable " + label.get());
                            logger.run();
                            List<Integer> xs = new ArrayList<>();
                            for (int i = 0; i < 3; i++) { tick(); xs.add(await(s(i))); }
                            xs.forEach(x -> log("each " + add.apply(x)));
                            Comparator<String> byLength = Comparator.comparingInt(String::length);
                            List<String> words = new ArrayList<>(Arrays.asList("ccc", await(s("a")), "bb"));
                            words.sort(byLength);
                            log(words.toString());
                            return done(r);
                        }
                        """)));
        all.add(wideLocals("WideLocalsManyAwaits", true));
        all.add(wideLocals("WideLocals", false));
        return all;
    }

    /**
     * 300 locals of mixed types (indices far past 255: wide loads and stores), with awaits between
     * them: a few ({@code manyAwaits} false) or 14 while most of them are live.
     */
    private static CorpusCase wideLocals(String name, boolean manyAwaits) {
        StringBuilder sb = new StringBuilder("@Async static Coroutine<Long> main() {\n");
        for (int i = 0; i < 300; i++) {
            String type = switch (i % 4) {
                case 0 -> "int";
                case 1 -> "long";
                case 2 -> "double";
                default -> "String";
            };
            String init = switch (i % 4) {
                case 0 -> Integer.toString(i);
                case 1 -> i + "L";
                case 2 -> i + ".5";
                default -> "\"v" + i + "\"";
            };
            sb.append("    ")
                    .append(type)
                    .append(" v")
                    .append(i)
                    .append(" = ")
                    .append(i % 50 == 49 && manyAwaits ? "await(s(" + init + "))" : init)
                    .append(";\n");
            if (i % 60 == 59 && (manyAwaits || i == 179)) {
                sb.append("    await(later(").append(i).append("));\n");
            }
        }
        sb.append("    long sum = 0;\n    String text = \"\";\n");
        for (int i = 0; i < 300; i++) {
            sb.append(i % 4 == 3 ? "    text += v" + i + ".length();\n" : "    sum += (long) v" + i + ";\n");
            if (i % 100 == 99 && (manyAwaits || i == 199)) {
                sb.append("    sum += await(s(").append(i).append("));\n    log(\"partial \" + sum);\n");
            }
        }
        sb.append("    v299 = await(s(\"last\"));\n    log(text + v299 + v0 + v297);\n    return done(sum);\n}\n");
        return new CorpusCase(name, 8, sb.toString());
    }
}
