package io.jasyncio.rewriter.differential;

import java.util.List;

/** Where an @Async method can live and how it is called: every kind of class and method. */
final class ClassShapeCases {
    private ClassShapeCases() {}

    static List<CorpusCase> all() {
        return List.of(
                new CorpusCase("InheritanceInitialisersAndMonitors", 8, """
                        static int counter;
                        static final Object LOCK = new Object();
                        static boolean asserts;
                        static { asserts = false; assert asserts = true; log("static init"); }
                        interface Registry { List<String> NAMES = new ArrayList<>(Arrays.asList("r")); @Async default Coroutine<String> reg(String n) { NAMES.add(await(s(n))); return done(NAMES.toString()); } }
                        static class Base implements Registry {
                            int hits;
                            @Async Coroutine<String> work(int x) { hits++; await(sleep(0)); return done("base" + x + hits); }
                            String plain(int x) { return "plain" + x; }
                        }
                        static class Derived extends Base {
                            @Async @Override Coroutine<String> work(int x) {
                                String a = await(super.work(x + 1));
                                String b = super.plain(await(s(x)));
                                return done("derived(" + a + "," + b + "," + await(reg("d" + x)) + ")");
                            }
                        }
                        static class Holder<T> {
                            T value;
                            Holder(T v) { value = v; }
                            @Async Coroutine<T> swap(T next) { T old = value; value = await(s(next)); return done(old); }
                        }
                        @Async static Coroutine<String> main() {
                            synchronized (LOCK) { counter++; }
                            await(sleep(0));
                            log("counter " + counter);
                            log(await(new Derived().work(5)));
                            Holder<String> h = new Holder<>("a");
                            log(await(h.swap("b")) + h.value);
                            try {
                                await(failIo("io"));
                            } catch (IOException e) {
                                await(sleep(0));
                                log("after await in catch " + e.getMessage());
                            }
                            int x = 0, y;
                            int[] arr = {1, 2, 3};
                            y = x = await(s(4));
                            arr[x - 3] += arr[x - 2]++ + await(s(10));
                            long[] la = {5L};
                            la[0]++;
                            long z = la[0]++ + await(s(1L));
                            log(x + " " + y + " " + Arrays.toString(arr) + " " + z + " " + la[0]);
                            Object o = await(s((Object) "str"));
                            if (o instanceof String) { String str = (String) o; await(sleep(0)); log("cast " + str.length()); }
                            String sw = await(s("two"));
                            switch (await(s(sw))) { case "one": log("1"); break; case "two": log("2 " + await(later(2))); break; default: log("?"); }
                            return done("end " + counter);
                        }
                        """),
                new CorpusCase("Java11PrivateInterfaceMethods", 11, """
                        interface Service {
                            @Async private Coroutine<Integer> helper(int x) { return done(await(s(x)) * 2); }
                            @Async private static Coroutine<String> tag(String t) { return done("<" + await(later(t)) + ">"); }
                            @Async default Coroutine<String> serve(int x) {
                                var doubled = await(helper(x));
                                return done(await(tag("v" + doubled)));
                            }
                        }
                        @Async static Coroutine<String> main() {
                            var svc = new Service() {};
                            var out = new StringBuilder();
                            for (var i = 0; i < 3; i++) { tick(); out.append(await(svc.serve(i))); }
                            log(out);
                            return done(out.toString());
                        }
                        """),
                new CorpusCase("MethodKinds", 8, """
                        private final String name;
                        private int calls;
                        MethodKinds(String name) { this.name = name; }
                        @Async Coroutine<String> instance(int k) {
                            calls++;
                            await(sleep(0));
                            String r = name + k + this.name.length();
                            calls += await(later(10));
                            return done(r + "#" + calls);
                        }
                        @Async private Coroutine<Integer> secret(long seed) { return done((int) (seed + await(s(calls)))); }
                        @Async static <T extends Comparable<T>> Coroutine<T> max(T a, T b) {
                            T x = await(s(a));
                            T y = await(later(b));
                            return done(x.compareTo(y) >= 0 ? x : y);
                        }
                        @Async static Coroutine<String> over(int x) { return done("int " + await(s(x))); }
                        @Async static Coroutine<String> over(long x) { return done("long " + await(s(x))); }
                        @Async static Coroutine<String> over(String x, Object... rest) { return done("varargs " + x + rest.length + await(now(Arrays.toString(rest)))); }
                        @Async static Coroutine<Void> nothing() { await(sleep(0)); log("nothing"); return done(); }
                        @Async static Coroutine<Integer> noAwaitAtAll(int x) { log("sync body " + x); return done(x + 1); }
                        @Async static Coroutine<Integer> main() {
                            MethodKinds m = new MethodKinds("obj");
                            log(await(m.instance(1)));
                            log(await(m.instance(2)));
                            log("secret " + await(m.secret(100L)));
                            log("max " + await(max("pear", "apple")) + " " + await(max(3, 9)));
                            log(await(over(1)) + " " + await(over(1L)) + " " + await(over("s", 1, "two")));
                            await(nothing());
                            Void v = await(nothing());
                            log("void " + v);
                            return done(await(noAwaitAtAll(41)));
                        }
                        """),
                new CorpusCase("InterfaceMethods", 8, """
                        interface Greeter {
                            String name();
                            @Async default Coroutine<String> greet(String who) {
                                String n = await(s(name()));
                                return done(n + " greets " + await(later(who)));
                            }
                            @Async static Coroutine<Greeter> make(String n) {
                                await(sleep(0));
                                return done(() -> n);
                            }
                        }
                        interface Counter {
                            Coroutine<Integer> next();
                        }
                        static final class Impl implements Counter {
                            int n;
                            @Async public Coroutine<Integer> next() { n += await(s(1)); return done(n); }
                        }
                        @Async static Coroutine<String> main() {
                            Greeter g = await(Greeter.make("ann"));
                            String r = await(g.greet("bob"));
                            Counter c = new Impl();
                            int a = await(c.next());
                            int b = await(c.next());
                            log(r + " " + a + " " + b);
                            return done(r);
                        }
                        """),
                new CorpusCase("Enums", 8, """
                        enum Planet {
                            MERCURY(1) {
                                @Async @Override Coroutine<String> describe() { return done("hot " + await(s(mass))); }
                            },
                            EARTH(6);
                            final int mass;
                            Planet(int mass) { this.mass = mass; }
                            @Async Coroutine<String> describe() {
                                await(sleep(0));
                                return done(name().toLowerCase() + " " + await(later(mass * 2)));
                            }
                            @Async static Coroutine<Planet> heaviest() {
                                Planet best = null;
                                for (Planet p : values()) { tick(); if (best == null || await(s(p.mass)) > best.mass) best = p; }
                                return done(best);
                            }
                        }
                        @Async static Coroutine<String> main() {
                            for (Planet p : Planet.values()) { tick(); log(await(p.describe())); }
                            return done("heaviest " + await(Planet.heaviest()));
                        }
                        """),
                new CorpusCase("Records", 17, """
                        record Range(int lo, int hi) {
                            Range {
                                if (lo > hi) throw new IllegalArgumentException(lo + ">" + hi);
                            }
                            @Async Coroutine<Integer> sum() {
                                int t = 0;
                                for (int i = lo; i < hi; i++) { tick(); t += await(s(i)); }
                                return done(t);
                            }
                            @Async static Coroutine<Range> of(int lo, int hi) { return done(new Range(await(s(lo)), await(later(hi)))); }
                        }
                        @Async static Coroutine<String> main() {
                            var r = await(Range.of(2, 6));
                            int sum = await(r.sum());
                            try {
                                await(Range.of(5, 1));
                            } catch (IllegalArgumentException e) {
                                log("refused " + e.getMessage());
                            }
                            return done(r + " " + sum);
                        }
                        """),
                new CorpusCase("InnerAndAnonymousClasses", 8, """
                        interface Op { Coroutine<Integer> apply(int x); }
                        private int secretField = 100;
                        @Async private Coroutine<Integer> privateOuter(int x) { return done(x + await(s(secretField))); }
                        class Inner {
                            final int k;
                            Inner(int k) { this.k = k; }
                            @Async Coroutine<Integer> run(int x) {
                                int a = await(privateOuter(x));
                                secretField += await(later(k));
                                return done(a + secretField);
                            }
                        }
                        static class Nested {
                            @Async static Coroutine<String> hello() { return done("nested " + await(s("hi"))); }
                        }
                        @Async Coroutine<Integer> useLocalClassAndAnonymous(final int captured) {
                            class Local {
                                @Async Coroutine<Integer> twice(int v) { return done(await(s(v)) * 2 + captured); }
                            }
                            Op anon = new Op() {
                                int state = 1;
                                @Async @Override public Coroutine<Integer> apply(int x) {
                                    state += await(s(x));
                                    return done(state + captured + secretField);
                                }
                            };
                            int a = await(anon.apply(5));
                            int b = await(anon.apply(6));
                            int c = await(new Local().twice(a));
                            return done(a + b + c);
                        }
                        @Async static Coroutine<Integer> main() {
                            InnerAndAnonymousClasses outer = new InnerAndAnonymousClasses();
                            InnerAndAnonymousClasses.Inner in = outer.new Inner(3);
                            log("inner " + await(in.run(1)));
                            log(await(Nested.hello()));
                            return done(await(outer.useLocalClassAndAnonymous(1000)));
                        }
                        """),
                new CorpusCase("Recursion", 8, """
                        @Async static Coroutine<Long> fib(int n) {
                            if (n < 2) return done((long) await(s(n)));
                            long a = await(fib(n - 1));
                            long b = await(fib(n - 2));
                            return done(a + b);
                        }
                        @Async static Coroutine<Integer> ackermannish(int depth, int acc) {
                            if (depth == 0) return done(acc + await(later(1)));
                            return done(await(ackermannish(depth - 1, acc + depth)) * 2);
                        }
                        @Async static Coroutine<Long> main() {
                            long f = await(fib(12));
                            log("fib " + f);
                            log("chain " + await(ackermannish(20, 0)));
                            return done(f);
                        }
                        """),
                new CorpusCase("TailDelegation", 8, """
                        @Async static Coroutine<String> countdown(int n, String acc) {
                            if (n == 0) return done(acc + "liftoff");
                            if (n % 100 == 0) await(sleep(0));
                            return countdown(n - 1, acc.length() < 20 ? acc + n + " " : acc);
                        }
                        @Async static Coroutine<Integer> pick(boolean viaFuture, int v) {
                            await(sleep(0));
                            return viaFuture ? plusOne(v) : done(v * 10);
                        }
                        @Async static Coroutine<Integer> plusOne(int v) { return done(await(later(v)) + 1); }
                        @Async static Coroutine<Integer> delegateToFailure() throws IOException {
                            log("before delegation");
                            return failIo("delegated failure");
                        }
                        @Async static Coroutine<String> main() {
                            log(await(countdown(2000, "")));
                            log("pick " + await(pick(true, 4)) + " " + await(pick(false, 4)));
                            try {
                                await(delegateToFailure());
                            } catch (IOException e) {
                                log("caught " + e.getMessage());
                            }
                            return sleep(0, "tail into sleep");
                        }
                        """),
                new CorpusCase("ThisAndParamsLiveAcrossAwaits", 8, """
                        private final List<String> seen = new ArrayList<>();
                        @Override public String toString() { return "this"; }
                        @Async Coroutine<Integer> work(int a, long b, String c, double d, int[] arr) {
                            seen.add(c);
                            await(sleep(0));
                            a += (int) b;
                            await(later(""));
                            seen.add(c + a + b + d + arr[0]);
                            arr[0] = await(s(a));
                            log(this + " " + seen + " " + a + " " + b + " " + c + " " + d + " " + arr[0]);
                            return done(this.seen.size() + a);
                        }
                        @Async static Coroutine<String> main() {
                            ThisAndParamsLiveAcrossAwaits t = new ThisAndParamsLiveAcrossAwaits();
                            int[] box = {9};
                            int r = await(t.work(1, 2L, "x", 0.5, box));
                            int r2 = await(t.work(r, -1L, "y", 1e300, box));
                            return done(t.seen + " " + r + " " + r2 + " " + box[0]);
                        }
                        """),
                new CorpusCase("CompletionStages", 8, """
                        @Async static Coroutine<Void> completeLater(java.util.concurrent.CompletableFuture<String> cf, boolean fail) {
                            await(sleep(0));
                            if (fail) cf.completeExceptionally(new IOException("stage failed"));
                            else cf.complete("stage value");
                            return done();
                        }
                        @Async static Coroutine<String> main() {
                            String a = await(java.util.concurrent.CompletableFuture.completedFuture("done stage"));
                            java.util.concurrent.CompletableFuture<String> cf = new java.util.concurrent.CompletableFuture<>();
                            createTask(completeLater(cf, false));
                            String b = await(cf);
                            java.util.concurrent.CompletableFuture<String> bad = new java.util.concurrent.CompletableFuture<>();
                            createTask(completeLater(bad, true));
                            try {
                                await(bad);
                            } catch (Exception e) {
                                log("stage failure " + e);
                            }
                            return done(a + " " + b);
                        }
                        """));
    }
}
