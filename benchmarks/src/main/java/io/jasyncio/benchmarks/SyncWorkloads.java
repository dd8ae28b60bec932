package io.jasyncio.benchmarks;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.AsyncQueue;
import io.jasyncio.Coroutine;
import io.jasyncio.Event;
import io.jasyncio.Lock;
import io.jasyncio.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * The waiting primitives' workloads as {@code @Async} methods (rewritten by the Maven plugin),
 * shared by the JMH benchmarks ({@link SyncBenchmarks}) and the comparison's jasyncio peer.
 */
public final class SyncWorkloads {
    private SyncWorkloads() {}

    /** {@code n} acquire/release pairs of a lock nobody else wants. */
    @Async
    public static Coroutine<Integer> lockUncontended(Lock lock, int n) {
        int held = 0;
        for (int i = 0; i < n; i++) {
            await(lock.acquire());
            held++;
            lock.release();
        }
        return done(held);
    }

    /**
     * One of two tasks taking turns on {@code lock}: it yields once while holding the lock, so the
     * other task queues for it and every acquire waits for the other task's release (FIFO).
     */
    @Async
    static Coroutine<Integer> lockTaker(Lock lock, int n, int[] counter) {
        for (int i = 0; i < n; i++) {
            await(lock.acquire());
            counter[0]++;
            await(sleep(0));
            lock.release();
        }
        return done(n);
    }

    /** Two tasks taking turns on one lock, {@code n} acquires each; returns the acquires counted. */
    @Async
    public static Coroutine<Integer> lockHandoff(int n) {
        Lock lock = new Lock();
        int[] counter = {0};
        Task<Integer> a = createTask(lockTaker(lock, n, counter));
        Task<Integer> b = createTask(lockTaker(lock, n, counter));
        await(a);
        await(b);
        return done(counter[0]);
    }

    @Async
    static Coroutine<Boolean> eventWaiter(Event event) {
        return done(await(event.waitSet()));
    }

    /**
     * {@code n} tasks wait on one event, then {@link Event#set()} wakes them all; returns the
     * nanoseconds from the set to the last waiter done.
     */
    @Async
    public static Coroutine<Long> eventWake(int n) {
        Event event = new Event();
        List<Task<Boolean>> waiters = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            waiters.add(createTask(eventWaiter(event)));
        }
        await(sleep(0)); // every waiter is waiting now
        long t0 = System.nanoTime();
        event.set();
        for (Task<Boolean> w : waiters) {
            await(w);
        }
        return done(System.nanoTime() - t0);
    }

    @Async
    static Coroutine<Void> echo(AsyncQueue<Integer> in, AsyncQueue<Integer> out) {
        while (true) {
            int v = await(in.get());
            if (v < 0) {
                return done();
            }
            await(out.put(v + 1));
        }
    }

    /**
     * Two tasks bounce a number through two bounded queues (capacity 1) {@code n} times; returns
     * the last number.
     */
    @Async
    public static Coroutine<Integer> queuePingpong(int n) {
        AsyncQueue<Integer> ping = new AsyncQueue<>(1);
        AsyncQueue<Integer> pong = new AsyncQueue<>(1);
        Task<Void> echoer = createTask(echo(ping, pong));
        int v = 0;
        for (int i = 0; i < n; i++) {
            await(ping.put(v));
            v = await(pong.get());
        }
        await(ping.put(-1));
        await(echoer);
        return done(v);
    }
}
