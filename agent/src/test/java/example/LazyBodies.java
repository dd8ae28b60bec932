package example;

import static io.jasyncio.AsyncIO.done;

import io.jasyncio.AsyncFunction;
import io.jasyncio.AsyncSupplier;
import java.io.PrintStream;

/**
 * No {@code @Async}, no {@code await}: only lambdas whose interface method returns
 * {@code Coroutine}. They are async lambdas all the same, so their bodies run when awaited.
 */
final class LazyBodies {
    private LazyBodies() {}

    static AsyncSupplier<Void> printer(PrintStream out, String line) {
        return () -> {
            out.println(line);
            return done();
        };
    }

    static AsyncFunction<Integer, Integer> plusOne() {
        return x -> done(x + 1);
    }
}
