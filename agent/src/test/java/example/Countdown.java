package example;

import static io.jasyncio.AsyncIO.await;
import static io.jasyncio.AsyncIO.createTask;
import static io.jasyncio.AsyncIO.done;
import static io.jasyncio.AsyncIO.getRunningLoop;
import static io.jasyncio.AsyncIO.run;
import static io.jasyncio.AsyncIO.sleep;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.Task;
import java.io.PrintStream;

/**
 * The program every way of enabling jasyncio must run with the same output: instance and static
 * {@code @Async} methods, two tasks interleaving on sleeps, awaits in a loop and in a try/catch.
 * Compiled by plain javac; only the rewriter (agent, install() or plugin) makes it work.
 */
public class Countdown {
    public static final String EXPECTED = String.join(
            "\n",
            "a 3 at 1.0",
            "b 2 at 1.5",
            "a 2 at 2.0",
            "b 1 at 3.0",
            "a 1 at 3.0",
            "caught boom at 3.5",
            "sum 9 at 3.5",
            "");

    private final String name;
    private final PrintStream out;
    private final double start;

    Countdown(String name, PrintStream out, double start) {
        this.name = name;
        this.out = out;
        this.start = start;
    }

    @Async
    Coroutine<Integer> count(int from, double delay) {
        int total = 0;
        for (int i = from; i > 0; i--) {
            await(sleep(delay));
            out.println(name + " " + i + " at " + elapsed(start));
            total += i;
        }
        return done(total);
    }

    @Async
    static Coroutine<Integer> fail(double delay) {
        await(sleep(delay));
        throw new IllegalStateException("boom");
    }

    @Async
    public static Coroutine<Void> main(PrintStream out) {
        await(sleep(0)); // the first line needs the rewriter: without it, a clear error right here
        double start = getRunningLoop().time();
        Task<Integer> a = createTask(new Countdown("a", out, start).count(3, 1.0));
        Task<Integer> b = createTask(new Countdown("b", out, start).count(2, 1.5));
        int sum = await(a) + await(b);
        try {
            await(fail(0.5));
        } catch (IllegalStateException e) {
            out.println("caught " + e.getMessage() + " at " + elapsed(start));
        }
        out.println("sum " + sum + " at " + elapsed(start));
        return done();
    }

    static String elapsed(double start) {
        return String.format(java.util.Locale.ROOT, "%.1f", getRunningLoop().time() - start);
    }

    public static void main(String[] args) {
        // Virtual time: the sleeps take no wall-clock time, and the timings print exactly.
        System.setProperty("jasyncio.clock", "virtual");
        run(main(System.out));
    }
}
