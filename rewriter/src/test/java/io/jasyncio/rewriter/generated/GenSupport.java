package io.jasyncio.rewriter.generated;

import io.jasyncio.rewriter.testkit.JavaSource;

/** Helpers the generated programs call, compiled with every batch (Java 8 source). */
final class GenSupport {
    static final JavaSource SOURCE = JavaSource.of("g.Gen", """
            package g;
            import io.jasyncio.*;
            import static io.jasyncio.AsyncIO.*;
            public final class Gen {
                private Gen() {}
                /** The checked exception generated code throws and catches. */
                public static final class Failure extends Exception {
                    public Failure(String id) { super(id); }
                }
                /** Suspends, then gives v, or throws Failure(id) when fail is true. */
                @Async public static <T> Coroutine<T> failIf(boolean fail, T v, String id) throws Failure {
                    await(sleep(0));
                    if (fail) throw new Failure(id);
                    return done(v);
                }
                /** The monitor generated synchronized blocks take. */
                public static final Object LOCK = new Object();
                /** Throws Failure(id) when fail is true (from a call, inside a synchronized block). */
                public static void failNow(boolean fail, String id) throws Failure {
                    if (fail) throw new Failure(id);
                }
                /** A call with wide values under the awaited argument on the operand stack. */
                public static int pick(int a, long b, double c) {
                    return (int) (a * 31 + b * 7 + (long) (c * 3));
                }
                /** A constructor call whose arguments may await (uninitialised object on the stack). */
                public static final class Box {
                    final int a; final long b;
                    public Box(int a, long b) { this.a = a; this.b = b; }
                    public long sum() { return a + b; }
                }
            }
            """);

    private GenSupport() {}
}
