package io.jasyncio.benchmarks.compare;

import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The thread peer: JDK virtual threads (JDK 21+), one per task, written as plain blocking code.
 * Yield is {@link Thread#yield()}, await is {@link CompletableFuture#join()}, sleep is
 * {@link Thread#sleep}. Every workload runs inside a driver virtual thread, so with
 * {@code -Djdk.virtualThreadScheduler.parallelism=1} everything shares one carrier. The project
 * compiles for Java 17, so the factory is looked up reflectively once (no per-task cost).
 */
public final class VirtualThreadPeer implements Peer {
    private final ThreadFactory factory;

    VirtualThreadPeer() {
        this.factory = virtualThreadFactory();
    }

    /** {@code Thread.ofVirtual().factory()}, or an explanation of why there is none. */
    public static ThreadFactory virtualThreadFactory() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            return (ThreadFactory) Class.forName("java.lang.Thread$Builder")
                    .getMethod("factory")
                    .invoke(builder);
        } catch (ReflectiveOperationException e) {
            throw new UnsupportedOperationException(
                    "virtual threads need JDK 21+ (this is " + Runtime.version() + ")", e);
        }
    }

    static boolean available() {
        return Runtime.version().feature() >= 21;
    }

    private Thread start(Runnable body) {
        Thread t = factory.newThread(body);
        t.start();
        return t;
    }

    /** Runs {@code body} in a driver virtual thread and returns its result (or rethrows its failure). */
    private <T> T inDriver(Callable<T> body) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread driver = start(() -> {
            try {
                result.complete(body.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        driver.join();
        try {
            return result.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error err) {
                throw err;
            }
            throw (Exception) cause;
        }
    }

    @Override
    public Sample yieldSwitch(int n) throws Exception {
        long t0 = System.nanoTime();
        inDriver(() -> {
            Runnable yielder = () -> {
                for (int i = 0; i < n; i++) {
                    Thread.yield();
                }
            };
            Thread a = start(yielder);
            Thread b = start(yielder);
            a.join();
            b.join();
            return null;
        });
        return Sample.rate("switches", 2L * n, System.nanoTime() - t0);
    }

    @Override
    public Sample spawnComplete(int n) throws Exception {
        long t0 = System.nanoTime();
        int sum = inDriver(() -> {
            int[] results = new int[n];
            Thread[] threads = new Thread[n];
            for (int i = 0; i < n; i++) {
                int k = i;
                threads[i] = start(() -> results[k] = k & 1);
            }
            int s = 0;
            for (int i = 0; i < n; i++) {
                threads[i].join();
                s += results[i];
            }
            return s;
        });
        long t1 = System.nanoTime();
        CompletableFuturePeer.check(sum == n / 2, "spawn_complete sum " + sum);
        return Sample.rate("tasks", n, t1 - t0);
    }

    @Override
    public Sample sleepMany(int n, long seed) throws Exception {
        long cpu0 = Measure.processCpuNanos();
        long t0 = System.nanoTime();
        inDriver(() -> {
            SplittableRandom random = new SplittableRandom(seed);
            Thread[] threads = new Thread[n];
            for (int i = 0; i < n; i++) {
                long nanos = random.nextLong(1_000_000_000L);
                threads[i] = start(() -> {
                    try {
                        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            for (Thread t : threads) {
                t.join();
            }
            return null;
        });
        long wall = System.nanoTime() - t0;
        long cpu = Measure.processCpuNanos() - cpu0;
        return new Sample().put("wall", wall / 1e9).put("cpu", cpu / 1e9);
    }

    @Override
    public Sample parkMany(int n) throws Exception {
        @SuppressWarnings("unchecked")
        CompletableFuture<Integer>[] awaited = new CompletableFuture[n];
        Thread[] threads = new Thread[n];
        AtomicInteger parked = new AtomicInteger();
        long before = Measure.usedHeapAfterGc();
        inDriver(() -> {
            for (int i = 0; i < n; i++) {
                CompletableFuture<Integer> f = new CompletableFuture<>();
                awaited[i] = f;
                threads[i] = start(() -> {
                    parked.incrementAndGet();
                    f.join();
                });
            }
            while (parked.get() < n) {
                Thread.yield();
            }
            return null;
        });
        // Every thread has started; let the last ones reach join() before measuring.
        Thread.sleep(200);
        long after = Measure.usedHeapAfterGc();
        long t0 = System.nanoTime();
        inDriver(() -> {
            for (CompletableFuture<Integer> f : awaited) {
                f.complete(1);
            }
            for (Thread t : threads) {
                t.join();
            }
            return null;
        });
        long wake = System.nanoTime() - t0;
        return new Sample().put("bytes", (after - before) / (double) n).put("wake", wake / 1e9);
    }

    @Override
    public Sample futurePingpong(int n) throws Exception {
        long t0 = System.nanoTime();
        int last = inDriver(() -> {
            var box = new Object() {
                volatile CompletableFuture<Integer> toA;
                volatile CompletableFuture<Integer> toB = new CompletableFuture<>();
            };
            Thread b = start(() -> {
                while (true) {
                    CompletableFuture<Integer> mine = box.toB;
                    int v = mine.join();
                    if (v < 0) {
                        return;
                    }
                    box.toB = new CompletableFuture<>();
                    box.toA.complete(v + 1);
                }
            });
            int v = 0;
            for (int i = 0; i < n; i++) {
                CompletableFuture<Integer> answer = new CompletableFuture<>();
                box.toA = answer;
                CompletableFuture<Integer> ask = box.toB;
                ask.complete(v);
                v = answer.join();
            }
            box.toB.complete(-1);
            b.join();
            return v;
        });
        long t1 = System.nanoTime();
        CompletableFuturePeer.check(last == n, "future_pingpong ended at " + last);
        return Sample.rate("trips", n, t1 - t0);
    }

    @Override
    public Sample awaitChain(int depth) throws Exception {
        long t0 = System.nanoTime();
        int result = inDriver(() -> chain(depth));
        long t1 = System.nanoTime();
        CompletableFuturePeer.check(result == depth, "await_chain result " + result);
        return Sample.seconds("time", t1 - t0);
    }

    /** Blocking code awaits by calling: the chain is Java recursion; the innermost yields once. */
    private static int chain(int depth) {
        if (depth == 0) {
            Thread.yield();
            return 0;
        }
        return chain(depth - 1) + 1;
    }

    @Override
    public Sample gatherFanout(int n) throws Exception {
        long t0 = System.nanoTime();
        inDriver(() -> {
            Thread[] threads = new Thread[n];
            for (int i = 0; i < n; i++) {
                threads[i] = start(() -> {
                    for (int k = 0; k < 10; k++) {
                        Thread.yield();
                    }
                });
            }
            for (Thread t : threads) {
                t.join();
            }
            return null;
        });
        return Sample.seconds("time", System.nanoTime() - t0);
    }

    @Override
    public Sample sleepCancel(int n, long seed) throws Exception {
        long t0 = System.nanoTime();
        inDriver(() -> {
            SplittableRandom random = new SplittableRandom(seed);
            Thread[] threads = new Thread[n];
            AtomicInteger sleeping = new AtomicInteger();
            for (int i = 0; i < n; i++) {
                long millis = 1_000_000 + random.nextLong(1_000_000);
                threads[i] = start(() -> {
                    sleeping.incrementAndGet();
                    try {
                        Thread.sleep(millis);
                        throw new IllegalStateException("slept through the cancellation");
                    } catch (InterruptedException expected) {
                        // cancelled
                    }
                });
            }
            while (sleeping.get() < n) {
                Thread.yield();
            }
            for (Thread t : threads) {
                t.interrupt();
            }
            for (Thread t : threads) {
                t.join();
            }
            return null;
        });
        return Sample.seconds("time", System.nanoTime() - t0);
    }

    /** ReentrantLock, as a virtual thread would guard shared state. */
    @Override
    public Sample lockUncontended(int n) throws Exception {
        java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
        long nanos = inDriver(() -> {
            long t0 = System.nanoTime();
            int held = 0;
            for (int i = 0; i < n; i++) {
                lock.lock();
                held++;
                lock.unlock();
            }
            CompletableFuturePeer.check(held == n, "lock_uncontended held " + held);
            return System.nanoTime() - t0;
        });
        return Sample.rate("pairs", n, nanos);
    }

    /**
     * A fair ReentrantLock (FIFO, as asyncio's and kotlinx's locks are); each holder yields once,
     * so each acquire waits for the other thread.
     */
    @Override
    public Sample lockHandoff(int n) throws Exception {
        java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock(true);
        int[] counter = {0};
        long nanos = inDriver(() -> {
            long t0 = System.nanoTime();
            Runnable taker = () -> {
                for (int i = 0; i < n; i++) {
                    lock.lock();
                    counter[0]++;
                    Thread.yield(); // the other thread queues for the lock meanwhile
                    lock.unlock();
                }
            };
            Thread a = start(taker);
            Thread b = start(taker);
            a.join();
            b.join();
            return System.nanoTime() - t0;
        });
        CompletableFuturePeer.check(counter[0] == 2 * n, "lock_handoff count " + counter[0]);
        return Sample.rate("handoffs", 2L * n, nanos);
    }

    /** A CountDownLatch(1) is the JDK's one-shot event: n virtual threads await it. */
    @Override
    public Sample eventWake(int n) throws Exception {
        long nanos = inDriver(() -> {
            java.util.concurrent.CountDownLatch event = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(n);
            Thread[] threads = new Thread[n];
            for (int i = 0; i < n; i++) {
                threads[i] = start(() -> {
                    waiting.countDown();
                    try {
                        event.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            waiting.await();
            Thread.sleep(1); // let the last ones park
            long t0 = System.nanoTime();
            event.countDown();
            for (Thread t : threads) {
                t.join();
            }
            return System.nanoTime() - t0;
        });
        return Sample.seconds("wake", nanos);
    }

    /** Two ArrayBlockingQueues of capacity 1. */
    @Override
    public Sample queuePingpong(int n) throws Exception {
        long t0 = System.nanoTime();
        int last = inDriver(() -> {
            java.util.concurrent.ArrayBlockingQueue<Integer> ping = new java.util.concurrent.ArrayBlockingQueue<>(1);
            java.util.concurrent.ArrayBlockingQueue<Integer> pong = new java.util.concurrent.ArrayBlockingQueue<>(1);
            Thread echo = start(() -> {
                try {
                    while (true) {
                        int v = ping.take();
                        if (v < 0) {
                            return;
                        }
                        pong.put(v + 1);
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            int v = 0;
            for (int i = 0; i < n; i++) {
                ping.put(v);
                v = pong.take();
            }
            ping.put(-1);
            echo.join();
            return v;
        });
        long t1 = System.nanoTime();
        CompletableFuturePeer.check(last == n, "queue_pingpong ended at " + last);
        return Sample.rate("trips", n, t1 - t0);
    }
}
