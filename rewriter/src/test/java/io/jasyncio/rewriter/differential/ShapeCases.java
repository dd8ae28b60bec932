package io.jasyncio.rewriter.differential;

import java.util.List;

/**
 * Legal shapes that compilers produce around awaits: uninitialised objects that javac spills
 * into locals (switch expressions with a try in an arm inside constructor arguments),
 * synchronized blocks left by an exception that an enclosing try catches, and @Async methods
 * without a body.
 */
final class ShapeCases {
    private ShapeCases() {}

    static List<CorpusCase> all() {
        return List.of(
                // javac spills the whole operand stack, uninitialised objects of enclosing 'new's
                // included, into locals before a switch expression with a try in an arm.
                new CorpusCase("UninitialisedObjectsInLocals", 17, """
                        record Point(int x, int y) { }
                        static final class Box<T> {
                            final T a; final int b;
                            Box(T a, int b) { this.a = a; this.b = b; }
                            public String toString() { return "Box(" + a + "," + b + ")"; }
                        }
                        static final class Pair {
                            final Object l, r;
                            Pair(Object l, Object r) { this.l = l; this.r = r; }
                            public String toString() { return "Pair(" + l + "," + r + ")"; }
                        }
                        int base = 7;
                        final class Inner {
                            final int v; final String s;
                            Inner(int v, String s) { this.v = v; this.s = s; }
                            public String toString() { return "Inner(" + v + s + base + ")"; }
                        }
                        @Async static Coroutine<Point> point(int k) {
                            return done(new Point(await(s(k)), switch (k) {
                                case 2 -> { try { yield await(s(20)); } catch (IllegalStateException e) { yield -1; } }
                                case 3 -> { try { yield await(Sup.<Integer>failState("x")); } catch (IllegalStateException e) { yield -await(s(3)); } }
                                default -> k;
                            }));
                        }
                        @Async Coroutine<String> all(int k) {
                            log(await(point(k)));
                            Box<String> b = new Box<>(await(s("b" + k)), switch (k % 2) {
                                case 0 -> { try { yield await(later(k)); } finally { log("fin " + k); } }
                                default -> { int v = await(s(k * 10)); yield v; }
                            });
                            log(b);
                            UninitialisedObjectsInLocals o = new UninitialisedObjectsInLocals();
                            o.base = k;
                            Inner in = o.new Inner(await(s(k)), switch (k) {
                                case 1 -> { try { yield await(s("one")); } catch (RuntimeException e) { yield "err"; } }
                                default -> "d" + k;
                            });
                            log(in);
                            Pair nested = new Pair(new Point(k, switch (k) {
                                case 0 -> { try { yield await(s(5)); } finally { tick(); } }
                                default -> await(s(k));
                            }), new Box<>(new Point(await(s(1)), base), switch (k) {
                                case 1 -> { try { yield await(Sup.<Integer>failIo("io")); } catch (IOException e) { yield 9; } }
                                default -> 0;
                            }));
                            log(nested);
                            Point[] arr = { new Point(1, 2), new Point(await(s(k)), switch (k) {
                                case 3 -> { try { yield await(s(33)); } catch (Exception e) { yield 0; } }
                                default -> 4;
                            }) };
                            log(Arrays.toString(arr));
                            int[] ints = { await(s(k)), switch (k) {
                                case 0 -> { try { yield await(s(8)); } finally { log("f"); } }
                                default -> 1;
                            } };
                            log(Arrays.toString(ints));
                            String str = new StringBuilder(await(s("sb"))).append(switch (k) {
                                case 2 -> { try { yield await(later("two")); } catch (RuntimeException e) { yield "?"; } }
                                default -> "x";
                            }).toString();
                            return done(str + new Box<>(new Pair(await(s(k)), new Point(k, switch (k) {
                                case 3 -> { try { yield await(s(k)); } finally { log("inner fin"); } }
                                default -> { try { yield k; } catch (RuntimeException e) { yield 0; } }
                            })), await(later(k))));
                        }
                        @Async static Coroutine<String> main() {
                            for (int k = 0; k < 4; k++) {
                                log(await(new UninitialisedObjectsInLocals().all(k)));
                            }
                            return done("end");
                        }
                        """),
                // JLS 12.4.1: the class is initialised by 'new', before the arguments are evaluated.
                new CorpusCase("ClassInitialisedBeforeConstructorArguments", 8, """
                        static final class Loud {
                            static { log("Loud initialised"); }
                            final String s;
                            Loud(String a, int b) { s = a + b; }
                        }
                        static final class Louder {
                            static { log("Louder initialised"); }
                            final Object o;
                            Louder(Object o, long x) { this.o = o; }
                            public String toString() { return "Louder(" + o + ")"; }
                        }
                        static String note(String s) { log("argument " + s); return s; }
                        @Async static Coroutine<String> main() {
                            Loud l = new Loud(note("a"), await(s(1)));
                            log(l.s);
                            log(new Louder(new Loud(note("b"), await(later(2))).s, await(s(3L))));
                            return done("end");
                        }
                        """),
                new CorpusCase("ClassInitialisedBeforeSpilledArguments", 17, """
                        static final class Loud {
                            static { log("Loud initialised"); }
                            final String s;
                            Loud(String a, int b) { s = a + b; }
                        }
                        static String note(String s) { log("argument " + s); return s; }
                        @Async static Coroutine<String> main() {
                            for (int k = 0; k < 2; k++) {
                                Loud l = new Loud(note("a" + k), switch (k) {
                                    case 0 -> { try { yield await(s(7)); } finally { log("fin"); } }
                                    default -> k;
                                });
                                log(l.s);
                            }
                            return done("end");
                        }
                        """),
                new CorpusCase("PatternSwitchInConstructorArguments", 21, """
                        sealed interface Shape permits Sq, Ci { }
                        record Sq(int side) implements Shape { }
                        record Ci(int r) implements Shape { }
                        record Area(String name, int value) { }
                        @Async static Coroutine<String> main() {
                            Object[] items = { new Sq(2), new Sq(1), new Ci(3), "str", 5 };
                            for (Object o : items) {
                                Area a = new Area(await(s("n" + o)), switch (o) {
                                    case Sq q when q.side() > 1 -> { try { yield await(s(q.side() * q.side())); } catch (IllegalStateException e) { yield -1; } }
                                    case Ci c -> { try { yield await(Sup.<Integer>failState("ci")); } catch (IllegalStateException e) { yield c.r() * await(s(3)); } }
                                    case String str -> { try { yield str.length(); } finally { await(sleep(0)); log("fin"); } }
                                    default -> 0;
                                });
                                log(a);
                                Shape sh = o instanceof Shape x ? x : new Ci(0);
                                log(new Area("s", switch (sh) {
                                    case Sq q -> { try { yield await(later(q.side())); } finally { tick(); } }
                                    case Ci c -> c.r();
                                }));
                            }
                            return done("end");
                        }
                        """),
                // The block's own catch-any handler releases the monitor before an enclosing
                // handler sees the exception: awaits there are outside the block.
                new CorpusCase("SynchronizedLeftByException", 8, """
                        static final Object LOCK = new Object();
                        static int guarded;
                        static void thrower(int k) throws IOException { if (k % 2 == 1) throw new IOException("io " + k); }
                        @Async static Coroutine<String> main() throws Exception {
                            for (int k = 0; k < 3; k++) {
                                try {
                                    synchronized (LOCK) {
                                        guarded++;
                                        if (k == 1) throw new IllegalStateException("in block " + k);
                                    }
                                    log("no throw " + k);
                                } catch (IllegalStateException e) {
                                    log("caught " + e.getMessage() + " " + await(s(k)) + " " + Thread.holdsLock(LOCK));
                                    await(sleep(0));
                                }
                                log("after " + await(later(k)) + " holds " + Thread.holdsLock(LOCK));
                                try {
                                    synchronized (LOCK) {
                                        synchronized (SynchronizedLeftByException.class) {
                                            thrower(k);
                                            guarded += 10;
                                        }
                                    }
                                } catch (IOException e) {
                                    log("io " + e.getMessage() + " " + await(s(guarded)));
                                } finally {
                                    log("finally " + await(later(k)) + " " + Thread.holdsLock(LOCK));
                                }
                                try {
                                    try {
                                        synchronized (LOCK) { if (k > 0) throw new UnsupportedOperationException("u" + k); }
                                    } finally {
                                        await(sleep(0));
                                        log("inner finally " + Thread.holdsLock(LOCK));
                                    }
                                } catch (RuntimeException e) {
                                    log("outer " + e.getMessage() + await(s("!")));
                                }
                                synchronized (LOCK) { guarded++; }
                                log("end of round " + await(s(guarded)));
                            }
                            return done("end " + guarded);
                        }
                        """),
                new CorpusCase("AsyncWithoutBody", 8, """
                        interface Service {
                            @Async Coroutine<String> fetch(int k);
                            @Async default Coroutine<String> twice(int k) { return done(await(fetch(k)) + await(fetch(k + 1))); }
                        }
                        static abstract class Base {
                            @Async abstract Coroutine<Integer> compute(int x);
                            @Async Coroutine<Integer> plusOne(int x) { return done(await(compute(x)) + 1); }
                        }
                        static final class Impl extends Base implements Service {
                            @Async public Coroutine<String> fetch(int k) { return done("f" + await(s(k))); }
                            @Async Coroutine<Integer> compute(int x) { return done(await(later(x * 2))); }
                        }
                        enum Op {
                            ADD { @Async Coroutine<Integer> apply(int a, int b) { return done(await(s(a)) + b); } },
                            MUL { @Async Coroutine<Integer> apply(int a, int b) { return done(await(later(a)) * b); } };
                            @Async abstract Coroutine<Integer> apply(int a, int b);
                        }
                        @Async static Coroutine<String> main() throws Exception {
                            Impl impl = new Impl();
                            Service svc = impl;
                            log(await(svc.twice(1)) + " " + await(impl.plusOne(4)));
                            for (Op op : Op.values()) { log(op + " " + await(op.apply(3, 4))); }
                            log("fetch " + isCoroutineFunction(Service.class.getMethod("fetch", int.class))
                                    + " compute " + isCoroutineFunction(Base.class.getDeclaredMethod("compute", int.class))
                                    + " apply " + isCoroutineFunction(Op.class.getDeclaredMethod("apply", int.class, int.class)));
                            return done("end");
                        }
                        """),
                new CorpusCase("AsyncWithoutBodySealed", 17, """
                        sealed interface Shape permits Square, Circle {
                            @Async Coroutine<Integer> area();
                            @Async default Coroutine<String> describe() { return done(getClass().getSimpleName() + " " + await(area())); }
                        }
                        record Square(int side) implements Shape {
                            @Async public Coroutine<Integer> area() { return done(await(s(side)) * side); }
                        }
                        record Circle(int r) implements Shape {
                            @Async public Coroutine<Integer> area() { return done(3 * await(later(r * r))); }
                        }
                        static abstract sealed class Node permits Leaf {
                            @Async abstract Coroutine<Integer> sum();
                        }
                        static final class Leaf extends Node {
                            @Async Coroutine<Integer> sum() { return done(await(s(5))); }
                        }
                        @Async static Coroutine<String> main() throws Exception {
                            for (Shape sh : List.of(new Square(2), new Circle(3))) { log(await(sh.describe())); }
                            Node n = new Leaf();
                            log("sum " + await(n.sum()) + " " + isCoroutineFunction(Shape.class.getMethod("area"))
                                    + " " + isCoroutineFunction(Node.class.getDeclaredMethod("sum")));
                            return done("end");
                        }
                        """));
    }
}
