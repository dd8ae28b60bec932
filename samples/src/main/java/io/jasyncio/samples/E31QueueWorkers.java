package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.AsyncQueue;
import io.jasyncio.Coroutine;
import io.jasyncio.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * E31: the asyncio documentation's queue example. Three workers take sleep durations from a
 * queue; {@code join} waits until every item was processed, then the workers are cancelled.
 * The durations come from a seeded random generator, so the output repeats.
 */
public class E31QueueWorkers {

    @Async
    static Coroutine<Void> worker(String name, AsyncQueue<Double> queue) {
        while (true) {
            // Get a "work item" out of the queue.
            double sleepFor = await(queue.get());
            // Sleep for the "sleepFor" seconds.
            await(sleep(sleepFor));
            // Notify the queue that the "work item" has been processed.
            queue.taskDone();
            System.out.println(name + " has slept for " + String.format(Locale.ROOT, "%.2f", sleepFor) + " seconds");
        }
    }

    @Async
    static Coroutine<Void> main() {
        // Create a queue that we will use to store our "workload".
        AsyncQueue<Double> queue = new AsyncQueue<>();
        // Generate random timings and put them into the queue.
        Random random = new Random(2024);
        double totalSleepTime = 0;
        for (int i = 0; i < 20; i++) {
            double sleepFor = 0.05 + random.nextDouble() * 0.95;
            totalSleepTime += sleepFor;
            queue.putNowait(sleepFor);
        }
        // Create three worker tasks to process the queue concurrently.
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(createTask(worker("worker-" + i, queue)));
        }
        // Wait until the queue is fully processed.
        double startedAt = getRunningLoop().time();
        await(queue.join());
        double totalSleptFor = getRunningLoop().time() - startedAt;
        // Cancel our worker tasks.
        for (Task<Void> task : tasks) {
            task.cancel();
        }
        // Wait until all worker tasks are cancelled.
        await(gather(true, tasks));
        System.out.println("====");
        System.out.println(
                "3 workers slept in parallel for " + String.format(Locale.ROOT, "%.2f", totalSleptFor) + " seconds");
        System.out.println(
                "total expected sleep time: " + String.format(Locale.ROOT, "%.2f", totalSleepTime) + " seconds");
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
