package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.Semaphore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * E33: a semaphore limits how many downloads run at once: six start together, at most two hold
 * a permit at any time (asyncio's {@code async with sem:} is {@code await(sem.run(body))}). The
 * durations come from a seeded random generator, so the output repeats.
 */
public class E33SemaphoreLimit {
    static int active;

    @Async
    static Coroutine<String> download(String name, double seconds) {
        active++;
        System.out.println("start " + name + " (" + active + " active)");
        await(sleep(seconds));
        active--;
        System.out.println("done  " + name + " after " + String.format(Locale.ROOT, "%.1f", seconds) + " s");
        return done(name);
    }

    @Async
    static Coroutine<Void> main() {
        active = 0;
        Semaphore sem = new Semaphore(2);
        Random random = new Random(7);
        List<Coroutine<String>> downloads = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            double seconds = Math.round((0.5 + random.nextDouble() * 1.5) * 10) / 10.0;
            downloads.add(sem.run(download("file-" + i, seconds)));
        }
        List<String> names = await(gather(downloads));
        System.out.println("downloaded " + names);
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
