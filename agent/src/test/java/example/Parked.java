package example;

import static io.jasyncio.AsyncIO.await;
import static io.jasyncio.AsyncIO.createTask;
import static io.jasyncio.AsyncIO.done;
import static io.jasyncio.AsyncIO.run;
import static io.jasyncio.AsyncIO.sleep;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.Task;

/**
 * The target of the task dump tests: tasks awaiting each other, parked until the test kills the
 * JVM. {@code main} awaits the task "middle", which awaits the task "sleeper", which sleeps an
 * hour; with the argument {@code cycle}, two more tasks await each other. Prints "ready" once
 * every task is suspended. Compiled by plain javac; the test rewrites it before running it.
 */
public class Parked {
    private static Task<Void> other;

    @Async
    static Coroutine<Void> leaf() {
        await(sleep(3600));
        return done();
    }

    @Async
    static Coroutine<Void> middle(Task<Void> inner) {
        await(inner);
        return done();
    }

    @Async
    static Coroutine<Void> first() {
        await(sleep(0));
        await(other);
        return done();
    }

    @Async
    static Coroutine<Void> second(Task<Void> t) {
        await(t);
        return done();
    }

    @Async
    static Coroutine<Void> main(boolean cycle) {
        Task<Void> sleeper = createTask(leaf(), "sleeper");
        Task<Void> middle = createTask(middle(sleeper), "middle");
        if (cycle) {
            Task<Void> a = createTask(first(), "a");
            other = createTask(second(a), "b");
        }
        await(sleep(0.05));
        System.out.println("ready");
        System.out.flush();
        await(middle);
        return done();
    }

    public static void main(String[] args) {
        run(main(args.length > 0 && args[0].equals("cycle")));
    }
}
