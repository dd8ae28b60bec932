package io.jasyncio.rewriter.differential;

import java.util.List;

/**
 * Async lambdas: a lambda whose functional interface method returns {@code Coroutine} may await,
 * wherever it is written and whatever it captures. The programs call a lambda where they await
 * it, so the eager blocking twin and the lazy rewritten run log the same trace.
 */
final class LambdaCases {
    private LambdaCases() {}

    static List<CorpusCase> all() {
        return List.of(
                new CorpusCase("AsyncLambdaCaptures", 8, """
                        interface Job { Coroutine<String> run(int x, long y, double z, String w); }
                        interface Seed { Coroutine<Long> grow(long seed) throws IOException; }
                        final String name;
                        int hits;
                        AsyncLambdaCaptures(String name) { this.name = name; }
                        @Async Coroutine<String> fetch(int k) { hits++; return done(name + await(s(k))); }
                        // A plain method makes an async lambda that captures this, a parameter and locals.
                        AsyncSupplier<String> make(int k, long big) {
                            String prefix = "p" + k;
                            double ratio = k / 4.0;
                            return () -> {
                                String a = await(fetch(k));
                                long sum = big;
                                for (int i = 0; i < k; i++) { tick(); sum += await(later((long) i)); }
                                hits += 10;
                                return done(prefix + ":" + a + ":" + sum + ":" + ratio * await(s(2.0)) + ":" + hits);
                            };
                        }
                        @Async static Coroutine<String> main() throws Exception {
                            AsyncLambdaCaptures o = new AsyncLambdaCaptures("obj");
                            log(await(o.make(3, 1L << 40).get()));
                            AsyncSupplier<String> twice = o.make(1, -5L);
                            log(await(twice.get()));
                            log(await(twice.get()));
                            int local = await(s(7));
                            char c = 'q';
                            boolean flag = local > 3;
                            Job job = (x, y, z, w) -> {
                                await(sleep(0));
                                String r = w + x + y + z + local + c + flag;
                                return done(r + await(s(o.hits)));
                            };
                            log(await(job.run(1, 2L, 3.5, "w")));
                            log(await(job.run(await(s(9)), Long.MAX_VALUE, -0.0, await(later("v")))));
                            Seed seed = v -> done(v * await(s(3L)));
                            log(await(seed.grow(14L)));
                            Supplier<Coroutine<Integer>> tail = () -> s(local * 2);
                            log(await(tail.get()));
                            Function<String, Coroutine<Integer>> len = t -> { await(sleep(0)); return done(t.length() + local); };
                            BiFunction<Integer, Integer, Coroutine<Integer>> add = (a, b) -> done(await(s(a)) + await(later(b)));
                            log(await(len.apply("four")) + " " + await(add.apply(20, 22)));
                            DoubleFunction<Coroutine<String>> fmt = d -> done(String.valueOf(d + await(s(0.25))));
                            log(await(fmt.apply(1.5)));
                            return done("hits " + o.hits);
                        }
                        """),
                new CorpusCase("AsyncLambdaPlaces", 8, """
                        static final List<String> LOG = new ArrayList<>();
                        static final AsyncFunction<String, String> UPPER = v -> done(await(s(v)).toUpperCase());
                        static AsyncSupplier<Integer> fromStatic;
                        static { int base = 40; fromStatic = () -> done(base + await(s(2))); }
                        final AsyncFunction<Integer, Integer> field = x -> done(x + await(later(1)) + offset());
                        final AsyncSupplier<String> fromConstructor;
                        AsyncLambdaPlaces(String tag) { fromConstructor = () -> done(tag + await(s("!"))); }
                        int offset() { return 1000; }
                        interface Named {
                            String name();
                            default AsyncSupplier<String> greeter(String greeting) {
                                return () -> done(greeting + " " + await(s(name())));
                            }
                            static AsyncFunction<Named, String> shout() {
                                return n -> done(await(n.greeter("hey").get()).toUpperCase());
                            }
                        }
                        static <T> AsyncFunction<T, List<T>> pair() {
                            return v -> { List<T> l = new ArrayList<>(); l.add(await(s(v))); l.add(await(later(v))); return done(l); };
                        }
                        @Async static Coroutine<String> both(AsyncSupplier<String> a, AsyncSupplier<String> b) throws Exception {
                            return done(await(a.get()) + "+" + await(b.get()));
                        }
                        @Async static Coroutine<String> main() throws Exception {
                            log(await(UPPER.apply("up")));
                            log(await(fromStatic.get()));
                            AsyncLambdaPlaces p = new AsyncLambdaPlaces("ctor");
                            log(await(p.field.apply(5)) + " " + await(p.fromConstructor.get()));
                            Named n = () -> "ann";
                            log(await(n.greeter("hi").get()) + " " + await(Named.shout().apply(n)));
                            log(await(AsyncLambdaPlaces.<String>pair().apply("x")));
                            log(await(both(() -> s("left"), () -> { await(sleep(0)); return done("right"); })));
                            List<AsyncSupplier<Integer>> jobs = new ArrayList<>();
                            for (int i = 0; i < 3; i++) { tick(); final int k = i; jobs.add(() -> done(k * await(s(10)))); }
                            int total = 0;
                            for (AsyncSupplier<Integer> j : jobs) { tick(); total += await(j.get()); }
                            log("total " + total);
                            return done("places");
                        }
                        """),
                new CorpusCase("NestedAsyncLambdas", 8, """
                        int depth;
                        AsyncFunction<Integer, String> outer() {
                            return n -> {
                                depth++;
                                AsyncFunction<Integer, Integer> inner = m -> {
                                    AsyncSupplier<Integer> innermost = () -> done(await(s(m)) * 10 + depth);
                                    return done(await(innermost.get()) + await(later(n)));
                                };
                                int total = 0;
                                for (int i = 0; i < n; i++) { tick(); total += await(inner.apply(i)); }
                                // A plain lambda inside an async one, and an async lambda inside a plain one.
                                Function<Integer, AsyncSupplier<String>> factory = k -> () -> done("f" + await(s(k + n)));
                                return done(total + " " + await(factory.apply(total).get()));
                            };
                        }
                        @Async static Coroutine<Integer> recurse(AsyncFunction<Integer, Integer> self, int n) throws Exception {
                            return done(n <= 0 ? 0 : n + await(self.apply(n - 1)));
                        }
                        static AsyncFunction<Integer, Integer> sum;
                        @Async static Coroutine<String> main() throws Exception {
                            NestedAsyncLambdas o = new NestedAsyncLambdas();
                            log(await(o.outer().apply(3)));
                            log(await(o.outer().apply(1)) + " depth " + o.depth);
                            sum = k -> recurse(sum, k);
                            log("sum " + await(sum.apply(30)));
                            AsyncFunction<AsyncSupplier<String>, String> wrap = body -> { await(sleep(0)); return done("[" + await(body.get()) + "]"); };
                            log(await(wrap.apply(() -> wrap.apply(() -> s("core")))));
                            return done("nested");
                        }
                        """),
                new CorpusCase("AsyncLambdaExceptions", 8, """
                        interface IoJob { Coroutine<String> run(String m) throws IOException; }
                        static int cleanups;
                        @Async static Coroutine<String> main() throws Exception {
                            IoJob io = m -> {
                                try {
                                    return done("ok " + await(failIo(m)));
                                } finally {
                                    cleanups++;
                                    await(sleep(0));
                                }
                            };
                            try {
                                await(io.run("boom"));
                            } catch (IOException e) {
                                log("caught " + e.getMessage() + " cleanups " + cleanups);
                            }
                            AsyncFunction<Integer, Integer> guarded = x -> {
                                try {
                                    if (x > 1) { await(failState("big " + x)); }
                                    return done(await(s(x)));
                                } catch (IllegalStateException e) {
                                    log("inside " + e.getMessage());
                                    return done(-await(later(x)));
                                }
                            };
                            log(await(guarded.apply(1)) + " " + await(guarded.apply(5)));
                            AsyncSupplier<Void> thrower = () -> {
                                await(sleep(0));
                                throw new UnsupportedOperationException("from lambda");
                            };
                            try {
                                await(thrower.get());
                            } catch (UnsupportedOperationException e) {
                                log("escaped " + e.getMessage());
                            }
                            AsyncSupplier<String> rethrow = () -> {
                                try {
                                    await(failLater(new ArithmeticException("later")));
                                    return done("no");
                                } catch (ArithmeticException e) {
                                    throw new IllegalArgumentException("wrapped", e);
                                }
                            };
                            try {
                                await(rethrow.get());
                            } catch (IllegalArgumentException e) {
                                log(e.getMessage() + " " + e.getCause().getMessage());
                            }
                            return done("exceptions " + cleanups);
                        }
                        """),
                new CorpusCase("AsyncMethodReferences", 8, """
                        interface Fetch { Coroutine<String> fetch(int k); }
                        interface Unbound { Coroutine<String> call(AsyncMethodReferences self, int k); }
                        static class Base {
                            @Async Coroutine<String> work(int k) { return done("base" + await(s(k))); }
                        }
                        static class Derived extends Base {
                            @Async @Override Coroutine<String> work(int k) { return done("derived" + await(later(k))); }
                            // javac compiles super::work into a synthetic lambda that calls Base.work.
                            Fetch viaSuper() { return super::work; }
                            Fetch viaThis() { return this::work; }
                        }
                        final String tag;
                        AsyncMethodReferences(String tag) { this.tag = tag; }
                        @Async Coroutine<String> fetch(int k) { await(sleep(0)); return done(tag + k); }
                        @Async static Coroutine<String> staticFetch(int k) { return done("static" + await(s(k))); }
                        @Async static Coroutine<String> varargs(int k, String... rest) { return done(k + Arrays.toString(rest) + await(s(rest.length))); }
                        @Async static Coroutine<String> main() throws Exception {
                            AsyncMethodReferences o = new AsyncMethodReferences("t");
                            Fetch bound = o::fetch;
                            Fetch stat = AsyncMethodReferences::staticFetch;
                            Unbound unbound = AsyncMethodReferences::fetch;
                            AsyncFunction<Integer, Integer> generic = Sup::s;
                            Fetch var = AsyncMethodReferences::varargs;
                            log(await(bound.fetch(1)) + " " + await(stat.fetch(2)) + " " + await(unbound.call(o, 3)));
                            log(await(generic.apply(4)) + " " + await(var.fetch(5)));
                            Derived d = new Derived();
                            log(await(d.viaSuper().fetch(6)) + " " + await(d.viaThis().fetch(7)));
                            Function<Integer, Coroutine<String>> f = o::fetch;
                            log(await(f.andThen(c -> c).apply(8)));
                            return done("refs");
                        }
                        """),
                new CorpusCase("SerializableAsyncLambda", 8, """
                        interface Job extends Serializable { Coroutine<String> run(int x); }
                        @SuppressWarnings("unchecked")
                        static <T> T roundTrip(T value) throws Exception {
                            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) { out.writeObject(value); }
                            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
                                @Override protected Class<?> resolveClass(ObjectStreamClass d) throws IOException, ClassNotFoundException {
                                    return Class.forName(d.getName(), false, SerializableAsyncLambda.class.getClassLoader());
                                }
                            }) {
                                return (T) in.readObject();
                            }
                        }
                        @Async static Coroutine<String> main() throws Exception {
                            String suffix = "-s";
                            Job job = x -> done(await(s(x)) + suffix);
                            Job copy = roundTrip(job);
                            log(await(job.run(1)) + " " + await(copy.run(2)));
                            AsyncSupplier<String> inter = (AsyncSupplier<String> & Serializable) () -> { await(sleep(0)); return done("inter" + suffix); };
                            log(await(roundTrip(inter).get()));
                            return done("serializable");
                        }
                        """),
                new CorpusCase("AsyncLambdasModernJava", 17, """
                        record Pipeline(String name, List<AsyncFunction<Integer, Integer>> stages) {
                            @Async Coroutine<Integer> run(int x) throws Exception {
                                for (var st : stages) { tick(); x = await(st.apply(x)); }
                                return done(x);
                            }
                            AsyncSupplier<String> describe(int x) { return () -> done(name + "=" + await(run(x))); }
                        }
                        sealed interface Shape permits Circle, Square {}
                        record Circle(int r) implements Shape {}
                        record Square(int side) implements Shape {}
                        @Async static Coroutine<String> main() throws Exception {
                            var p = new Pipeline("p", List.of(x -> done(x + await(s(1))), x -> { await(sleep(0)); return done(x * 2); }));
                            log(await(p.describe(5).get()));
                            AsyncFunction<Integer, String> pick = (var k) -> switch (k) {
                                case 0 -> s("zero");
                                case 1 -> { var v = await(later("one")); yield done(v + "!"); }
                                default -> { try { yield done(await(failState("k" + k))); } catch (IllegalStateException e) { yield done("caught " + e.getMessage()); } }
                            };
                            log(await(pick.apply(0)) + " " + await(pick.apply(1)) + " " + await(pick.apply(2)));
                            AsyncFunction<Object, String> text = o -> {
                                if (o instanceof String str && !str.isEmpty()) { return done("text " + await(s(str.length()))); }
                                return done("other " + await(s(o)));
                            };
                            log(await(text.apply("abc")) + " " + await(text.apply(4)));
                            return done("modern");
                        }
                        """));
    }
}
