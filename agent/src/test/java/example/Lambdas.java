package example;

import static io.jasyncio.AsyncIO.await;
import static io.jasyncio.AsyncIO.createTask;
import static io.jasyncio.AsyncIO.done;
import static io.jasyncio.AsyncIO.getRunningLoop;
import static io.jasyncio.AsyncIO.run;
import static io.jasyncio.AsyncIO.sleep;
import static io.jasyncio.AsyncIO.timeout;

import io.jasyncio.Async;
import io.jasyncio.AsyncFunction;
import io.jasyncio.AsyncSupplier;
import io.jasyncio.Coroutine;
import io.jasyncio.Task;
import io.jasyncio.TimeoutError;
import java.io.PrintStream;

/**
 * Async lambdas under the agent: lambdas that await in a plain method, in an {@code @Async}
 * method and nested, a scope body, a method reference, and (in {@link LazyBodies}) a class whose
 * only async code is lambdas without any await, which must be rewritten all the same.
 */
public class Lambdas {
    public static final String EXPECTED = String.join(
            "\n",
            "made, nothing ran",
            "lazy body ran",
            "a at 1.0",
            "b at 1.5",
            "ab 2",
            "timeout at 2.5",
            "nested 12 at 3.5",
            "ref L at 3.5",
            "");

    private final String name = "L";
    private final PrintStream out;
    private final double start = getRunningLoop().time();

    Lambdas(PrintStream out) {
        this.out = out;
    }

    AsyncSupplier<String> after(String what, double delay) {
        return () -> {
            await(sleep(delay));
            out.println(what + " at " + Countdown.elapsed(start));
            return done(what);
        };
    }

    @Async
    Coroutine<String> ref() {
        return done(name);
    }

    @Async
    Coroutine<Void> program() throws Exception {
        Coroutine<Void> lazy = LazyBodies.printer(out, "lazy body ran").get();
        out.println("made, nothing ran");
        await(lazy);
        Task<String> a = createTask(after("a", 1).get());
        Task<String> b = createTask(after("b", 1.5).get());
        out.println(await(a) + await(b) + " " + await(LazyBodies.plusOne().apply(1)));
        try {
            await(timeout(1).run(() -> {
                await(sleep(5));
                return done();
            }));
        } catch (TimeoutError e) {
            out.println("timeout at " + Countdown.elapsed(start));
        }
        AsyncFunction<Integer, Integer> outer = n -> {
            AsyncSupplier<Integer> inner = () -> done(n * await(sleep(1, 4)));
            return done(await(inner.get()));
        };
        out.println("nested " + await(outer.apply(3)) + " at " + Countdown.elapsed(start));
        out.println("ref " + await(timeout(1).run(this::ref)) + " at " + Countdown.elapsed(start));
        return done();
    }

    @Async
    public static Coroutine<Void> main(PrintStream out) throws Exception {
        return new Lambdas(out).program();
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("jasyncio.clock", "virtual");
        run(main(System.out));
    }
}
