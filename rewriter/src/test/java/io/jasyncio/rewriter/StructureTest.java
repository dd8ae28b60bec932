package io.jasyncio.rewriter;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Coroutine;
import io.jasyncio.internal.Frame;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class StructureTest {
    static final String SRC = """
            import io.jasyncio.*;
            import static io.jasyncio.AsyncIO.*;
            import java.util.*;
            public class S {
                static List<String> log = new ArrayList<>();
                int field = 3;
                @Async static Coroutine<Integer> f(int x) { log.add("f" + x); return done(x + 1); }
                @Async static Coroutine<String> g(String s, long l, double d, float fl, boolean b) {
                    log.add("g");
                    int a = await(f(1));
                    String t = s + a + await(f(2)) + l;
                    List<String> list = new ArrayList<>(List.of(t));
                    for (int i = 0; i < 3; i++) {
                        try {
                            list.add("x" + await(f(i)) + d + fl + b);
                        } catch (RuntimeException e) {
                            list.add(e.getMessage());
                        } finally {
                            log.add("fin");
                        }
                    }
                    Object p = new AbstractMap.SimpleEntry<>(await(f(3)), await(f(4)));
                    return done(list + "" + p);
                }
                @Async Coroutine<Integer> inst(int k) {
                    field += await(f(k));
                    int[] arr = new int[] { await(f(1)), k };
                    return done(field + arr[0]);
                }
                @Async static Coroutine<Integer> tail(int k) {
                    if (k > 0) return f(k);
                    return done(0);
                }
                @Async static Coroutine<Void> empty() { return done(); }
            }
            """;

    @Test
    void rewrittenClassVerifiesLoadsAndIsLazy() throws Exception {
        Rewritten r = Rewritten.of("S", SRC).dump("target/dump").clean();
        Class<?> s = r.load("S");
        Method g = s.getDeclaredMethod("g", String.class, long.class, double.class, float.class, boolean.class);
        g.setAccessible(true);
        Object coro = g.invoke(null, "a", 1L, 2.0, 3f, true);
        assertThat(coro).isInstanceOf(Frame.class).isInstanceOf(Coroutine.class);
        var log = s.getDeclaredField("log");
        log.setAccessible(true);
        assertThat((java.util.List<?>) log.get(null)).isEmpty();
    }
}
