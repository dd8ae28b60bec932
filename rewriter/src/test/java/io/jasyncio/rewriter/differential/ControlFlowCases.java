package io.jasyncio.rewriter.differential;

import java.util.List;

/** Loops, switches, conditions: awaits at every control-flow position. */
final class ControlFlowCases {
    private ControlFlowCases() {}

    static List<CorpusCase> all() {
        return List.of(
                new CorpusCase("Loops", 8, """
                        @Async static Coroutine<Integer> main() {
                            int total = 0;
                            for (int i = 0; i < 4; i++) {
                                tick();
                                total += await(s(i));
                                log("for " + i + " " + total);
                            }
                            int j = 0;
                            while (j < 3) {
                                tick();
                                await(sleep(0));
                                j++;
                                log("while " + j);
                            }
                            int k = 0;
                            do {
                                tick();
                                k += await(later(2));
                                log("do " + k);
                            } while (k < 5);
                            while (await(s(j)) > 0) {
                                tick();
                                j--;
                                log("await in condition " + j);
                            }
                            for (String w : Arrays.asList("a", "b", "c")) {
                                tick();
                                log("each " + await(s(w + w)));
                            }
                            for (int x : new int[] {7, 8}) {
                                tick();
                                log("array each " + (x + await(now(1))));
                            }
                            return done(total + j + k);
                        }
                        """),
                new CorpusCase("LabelledBreakContinue", 8, """
                        @Async static Coroutine<String> main() {
                            StringBuilder sb = new StringBuilder();
                            outer:
                            for (int i = 0; i < 5; i++) {
                                tick();
                                inner:
                                for (int j = 0; j < 5; j++) {
                                    tick();
                                    int v = await(s(i * 10 + j));
                                    if (j == 3) continue outer;
                                    if (v == 21) break outer;
                                    if (j > i) continue inner;
                                    if (await(later(v % 2 == 0))) {
                                        sb.append(v).append(',');
                                    }
                                    log("i=" + i + " j=" + j + " v=" + v);
                                }
                                log("end of row " + i);
                            }
                            block: {
                                if (await(s(true))) break block;
                                log("not reached");
                            }
                            return done(sb.toString());
                        }
                        """),
                new CorpusCase("Switches", 8, """
                        enum Color { RED, GREEN, BLUE }
                        @Async static Coroutine<Integer> table(int k) {
                            int r;
                            switch (await(s(k))) {
                                case 0: r = await(s(100)); break;
                                case 1: r = 101;
                                case 2: r = await(later(102)); break;
                                case 3: { await(sleep(0)); r = 103; break; }
                                default: r = -1;
                            }
                            return done(r);
                        }
                        @Async static Coroutine<Integer> lookup(int k) {
                            switch (k) {
                                case -1000: return done(await(s(1)));
                                case 7: await(sleep(0));
                                case 99999: return done(await(now(2)) + k);
                                default: return done(0);
                            }
                        }
                        @Async static Coroutine<String> strings(String s) {
                            String out = "?";
                            switch (s) {
                                case "Aa": out = "Aa:" + await(s(1)); break;
                                case "BB": out = "BB:" + await(later(2)); break; // same hash code as "Aa"
                                case "zz": await(sleep(0));
                                default: out = out + s;
                            }
                            return done(out);
                        }
                        @Async static Coroutine<String> colors(Color c) {
                            switch (c) {
                                case RED: return done("r" + await(s(c.ordinal())));
                                case GREEN: await(sleep(0)); return done("g");
                                default: return done("other " + await(now(c.name())));
                            }
                        }
                        @Async static Coroutine<Integer> main() {
                            int sum = 0;
                            for (int k = -1; k < 5; k++) { tick(); int t = await(table(k)); log("table " + k + " " + t); sum += t; }
                            for (int k : new int[] {-1000, 7, 99999, 5}) { tick(); int t = await(lookup(k)); log("lookup " + k + " " + t); sum += t; }
                            for (String s : new String[] {"Aa", "BB", "zz", "q"}) { tick(); log("string " + await(strings(s))); }
                            for (Color c : Color.values()) { tick(); log("enum " + await(colors(c))); }
                            return done(sum);
                        }
                        """),
                new CorpusCase("SwitchExpressions", 17, """
                        enum Op { ADD, SUB, MUL }
                        @Async static Coroutine<Integer> apply(Op op, int a, int b) {
                            int r = switch (op) {
                                case ADD -> a + await(s(b));
                                case SUB -> {
                                    int t = await(later(b));
                                    yield a - t;
                                }
                                case MUL -> a * await(now(b));
                            };
                            return done(r);
                        }
                        @Async static Coroutine<String> name(String key) {
                            return done(switch (key) {
                                case "x", "y" -> "axis " + await(s(key));
                                case "z" -> {
                                    await(sleep(0));
                                    yield "depth";
                                }
                                default -> "other";
                            });
                        }
                        @Async static Coroutine<Integer> old(int k) {
                            int v = switch (k) {
                                case 1: await(sleep(0));
                                case 2: yield await(s(k * 10));
                                default: yield -k;
                            };
                            return done(v);
                        }
                        @Async static Coroutine<Integer> main() {
                            int sum = 0;
                            for (Op op : Op.values()) { tick(); int v = await(apply(op, 7, 3)); log(op + " " + v); sum += v; }
                            for (String k : List.of("x", "z", "w")) { tick(); log(await(name(k))); }
                            for (int k = 0; k < 3; k++) { tick(); log("old " + await(old(k))); }
                            return done(sum);
                        }
                        """),
                new CorpusCase("PatternSwitch", 21, """
                        sealed interface Shape permits Sq, Circ {}
                        record Sq(int side) implements Shape {}
                        record Circ(int r) implements Shape {}
                        @Async static Coroutine<String> main() {
                            var shapes = List.of(new Sq(2), new Circ(3), new Sq(-1));
                            String all = "";
                            for (var sh : shapes) {
                                tick();
                                String d = switch (sh) {
                                    case Sq q when await(s(q.side())) < 0 -> "negative";
                                    case Sq q -> "sq" + await(s(q.side() * q.side()));
                                    case Circ(int r) -> "circ" + await(later(r));
                                };
                                log(d);
                                all += d;
                            }
                            Object o = await(s((Object) "text"));
                            if (o instanceof String str && await(now(str.length())) == 4) log("pattern " + str);
                            return done(all);
                        }
                        """),
                new CorpusCase("ConditionsAndTernaries", 8, """
                        @Async static Coroutine<Boolean> yes() { await(sleep(0)); log("yes"); return done(true); }
                        @Async static Coroutine<Boolean> no() { await(sleep(0)); log("no"); return done(false); }
                        @Async static Coroutine<Integer> main() {
                            int a = 3;
                            if (a > 2 && await(yes())) log("and 1");
                            if (a > 5 && await(yes())) log("and 2 (not reached)");
                            if (await(no()) || await(yes())) log("or");
                            if (await(no()) && await(yes())) log("short-circuit failed");
                            boolean b = !await(no()) & await(yes()) | await(now(false)) ^ await(s(true));
                            log("non-short-circuit " + b);
                            int t = a > 2 ? await(s(10)) : await(later(20));
                            int u = a < 2 ? await(s(10)) : await(later(20));
                            int v = await(yes()) ? (await(no()) ? 1 : 2) : 3;
                            String w = (a == 3 ? "three" : "other") + (await(no()) ? "!" : "?");
                            long x = a > 0 ? 5L : await(s(6L));
                            log("ternaries " + t + " " + u + " " + v + " " + w + " " + x);
                            int count = 0;
                            while (count < 10 && (await(s(count)) < 4 || count == 7)) { tick(); count++; }
                            log("count " + count);
                            return done(t + u + v + (int) x + count);
                        }
                        """));
    }
}
