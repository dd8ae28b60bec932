package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.AsyncQueue;
import io.jasyncio.Coroutine;
import io.jasyncio.QueueShutDown;
import io.jasyncio.Task;

/**
 * E32: a fast producer and a slow consumer over a bounded queue. Once three items wait, the
 * producer's {@code put} waits for the consumer to take one; when the producer is done it shuts
 * the queue down (asyncio 3.13), and the consumer stops once it took the last item.
 */
public class E32ProducerConsumer {

    @Async
    static Coroutine<Void> producer(AsyncQueue<String> queue) {
        for (int i = 1; i <= 6; i++) {
            String item = "item-" + i;
            await(queue.put(item)); // waits while the queue is full
            System.out.println("produced " + item + " (queue size " + queue.qsize() + ")");
            await(sleep(0.1));
        }
        queue.shutdown();
        System.out.println("producer: done, queue shut down");
        return done();
    }

    @Async
    static Coroutine<Integer> consumer(AsyncQueue<String> queue) {
        int consumed = 0;
        while (true) {
            String item;
            try {
                item = await(queue.get());
            } catch (QueueShutDown e) {
                System.out.println("consumer: queue shut down and empty");
                return done(consumed);
            }
            await(sleep(0.5)); // slower than the producer
            consumed++;
            System.out.println("consumed " + item);
        }
    }

    @Async
    static Coroutine<Void> main() {
        AsyncQueue<String> queue = new AsyncQueue<>(3);
        Task<Integer> consuming = createTask(consumer(queue));
        await(producer(queue));
        System.out.println("consumer took " + await(consuming) + " items");
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
