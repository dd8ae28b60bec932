package io.jasyncio.benchmarks.compare;

import java.util.SplittableRandom;
import kotlin.ResultKt;
import kotlin.Unit;
import kotlin.coroutines.Continuation;
import kotlin.coroutines.EmptyCoroutineContext;
import kotlin.coroutines.intrinsics.IntrinsicsKt;
import kotlin.coroutines.jvm.internal.ContinuationImpl;
import kotlin.jvm.functions.Function2;
import kotlinx.coroutines.BuildersKt;
import kotlinx.coroutines.CompletableDeferred;
import kotlinx.coroutines.CompletableDeferredKt;
import kotlinx.coroutines.CoroutineScope;
import kotlinx.coroutines.CoroutineStart;
import kotlinx.coroutines.Deferred;
import kotlinx.coroutines.DelayKt;
import kotlinx.coroutines.Job;
import kotlinx.coroutines.YieldKt;
import kotlinx.coroutines.channels.BufferOverflow;
import kotlinx.coroutines.channels.Channel;
import kotlinx.coroutines.channels.ChannelKt;
import kotlinx.coroutines.sync.Mutex;
import kotlinx.coroutines.sync.MutexKt;

/**
 * The kotlinx.coroutines peer: coroutines on {@code runBlocking}'s single thread, {@code launch}
 * and {@code async} for tasks, {@code yield()}, {@code delay}, {@code CompletableDeferred} for
 * one-shot futures and events, {@code Mutex} and {@code Channel} (capacity 1) for the waiting
 * primitives. It has no park_many, await_chain or scaling series. Written in Java as the Kotlin compiler would emit it:
 * each coroutine is a {@link ContinuationImpl} state machine whose {@code invokeSuspend} resumes
 * at its label, so suspension and dispatch go through kotlinx's own machinery.
 */
final class KotlinxPeer implements Peer {
    private static final Object SUSPENDED = IntrinsicsKt.getCOROUTINE_SUSPENDED();

    private static UnsupportedOperationException notHere() {
        return new UnsupportedOperationException("not a workload of the kotlinx peer");
    }

    /** A coroutine that yields {@code k} times: {@code repeat(k) { yield() }}. */
    private static Function2<CoroutineScope, Continuation<? super Unit>, Object> yielder(long k) {
        return (scope, cont) -> new Machine(cont) {
            long left = k;

            @Override
            Object step(Object result) {
                while (left > 0) {
                    left--;
                    if (YieldKt.yield(this) == SUSPENDED) {
                        return SUSPENDED;
                    }
                }
                return Unit.INSTANCE;
            }
        }.start();
    }

    @Override
    public Sample yieldSwitch(int n) throws Exception {
        long t0 = System.nanoTime();
        KotlinxPeer.<Object>runBlocking((scope, cont) -> {
            launch(scope, yielder(n));
            launch(scope, yielder(n));
            return Unit.INSTANCE; // runBlocking waits for its children
        });
        return Sample.rate("switches", 2L * n, System.nanoTime() - t0);
    }

    @Override
    public Sample spawnComplete(int n) throws Exception {
        long t0 = System.nanoTime();
        int sum = KotlinxPeer.<Integer>runBlocking((scope, cont) -> new Machine(cont) {
            Deferred<?>[] all;
            int i;
            int total;

            @Override
            Object step(Object result) {
                if (label == 0) {
                    all = new Deferred<?>[n];
                    for (int k = 0; k < n; k++) {
                        Integer v = k & 1;
                        all[k] = BuildersKt.async(
                                scope, EmptyCoroutineContext.INSTANCE, CoroutineStart.DEFAULT, (s, c) -> v);
                    }
                    label = 1;
                } else {
                    total += (Integer) result;
                    i++;
                }
                while (i < n) {
                    Object r = all[i].await(this);
                    if (r == SUSPENDED) {
                        return SUSPENDED;
                    }
                    total += (Integer) r;
                    i++;
                }
                return total;
            }
        }.start());
        long t1 = System.nanoTime();
        CompletableFuturePeer.check(sum == n / 2, "spawn_complete sum " + sum);
        return Sample.rate("tasks", n, t1 - t0);
    }

    @Override
    public Sample sleepMany(int n, long seed) throws Exception {
        long cpu0 = Measure.processCpuNanos();
        long t0 = System.nanoTime();
        KotlinxPeer.<Object>runBlocking((scope, cont) -> {
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < n; i++) {
                long millis = random.nextLong(1_000_000_000L) / 1_000_000; // delay() counts milliseconds
                launch(
                        scope,
                        (s, c) -> new Machine(c) {
                            @Override
                            Object step(Object result) {
                                if (label == 0) {
                                    label = 1;
                                    if (DelayKt.delay(millis, this) == SUSPENDED) {
                                        return SUSPENDED;
                                    }
                                }
                                return Unit.INSTANCE;
                            }
                        }.start());
            }
            return Unit.INSTANCE;
        });
        long wall = System.nanoTime() - t0;
        long cpu = Measure.processCpuNanos() - cpu0;
        return new Sample().put("wall", wall / 1e9).put("cpu", cpu / 1e9);
    }

    /** The two mailboxes of the ping-pong. */
    private static final class Box {
        CompletableDeferred<Integer> toA;
        CompletableDeferred<Integer> toB;
    }

    @Override
    public Sample futurePingpong(int n) throws Exception {
        Box box = new Box();
        long t0 = System.nanoTime();
        int last = KotlinxPeer.<Integer>runBlocking((scope, cont) -> new Machine(cont) {
            int i;
            int v;

            @Override
            Object step(Object result) {
                if (label == 0) {
                    launch(
                            scope,
                            (s, c) -> new Machine(c) { // answers v with v + 1 until a negative v
                                @Override
                                Object step(Object r) {
                                    for (; ; ) {
                                        if (label == 0) {
                                            CompletableDeferred<Integer> mine =
                                                    CompletableDeferredKt.CompletableDeferred(null);
                                            box.toB = mine;
                                            label = 1;
                                            r = mine.await(this);
                                            if (r == SUSPENDED) {
                                                return SUSPENDED;
                                            }
                                        }
                                        int got = (Integer) r;
                                        if (got < 0) {
                                            return Unit.INSTANCE;
                                        }
                                        box.toA.complete(got + 1);
                                        label = 0;
                                    }
                                }
                            }.start());
                    label = 1;
                    if (YieldKt.yield(this) == SUSPENDED) { // the ponger waits in box.toB now
                        return SUSPENDED;
                    }
                }
                Object r = result;
                for (; ; ) {
                    if (label == 2) {
                        v = (Integer) r;
                        i++;
                    }
                    if (i == n) {
                        box.toB.complete(-1);
                        return v;
                    }
                    CompletableDeferred<Integer> answer = CompletableDeferredKt.CompletableDeferred(null);
                    box.toA = answer;
                    box.toB.complete(v);
                    label = 2;
                    r = answer.await(this);
                    if (r == SUSPENDED) {
                        return SUSPENDED;
                    }
                }
            }
        }.start());
        long t1 = System.nanoTime();
        CompletableFuturePeer.check(last == n, "future_pingpong ended at " + last);
        return Sample.rate("trips", n, t1 - t0);
    }

    @Override
    public Sample parkMany(int n) {
        throw notHere();
    }

    @Override
    public Sample awaitChain(int depth) {
        throw notHere();
    }

    @Override
    public Sample gatherFanout(int n) throws Exception {
        long t0 = System.nanoTime();
        KotlinxPeer.<Object>runBlocking((scope, cont) -> new Machine(cont) {
            Job[] jobs;
            int joined;

            @Override
            Object step(Object result) {
                if (label == 0) {
                    jobs = new Job[n];
                    for (int i = 0; i < n; i++) {
                        jobs[i] = launch(scope, yielder(10));
                    }
                    label = 1;
                }
                while (joined < n) { // joinAll()
                    if (jobs[joined++].join(this) == SUSPENDED) {
                        return SUSPENDED;
                    }
                }
                return Unit.INSTANCE;
            }
        }.start());
        return Sample.seconds("time", System.nanoTime() - t0);
    }

    @Override
    public Sample sleepCancel(int n, long seed) {
        throw notHere();
    }

    /** A coroutine body as the Kotlin compiler shapes it: a state machine resumed at {@link #label}. */
    abstract static class Machine extends ContinuationImpl {
        int label;

        @SuppressWarnings("unchecked")
        Machine(Continuation<?> completion) {
            super((Continuation<Object>) completion);
        }

        /** The first run, from the coroutine's start: the result, or COROUTINE_SUSPENDED. */
        Object start() {
            return step(Unit.INSTANCE);
        }

        @Override
        protected Object invokeSuspend(Object result) {
            ResultKt.throwOnFailure(result);
            return step(result);
        }

        abstract Object step(Object result);
    }

    @SuppressWarnings("unchecked")
    private static <T> T runBlocking(Function2<CoroutineScope, Continuation<? super T>, Object> body)
            throws InterruptedException {
        return (T) BuildersKt.runBlocking(EmptyCoroutineContext.INSTANCE, body);
    }

    private static Job launch(
            CoroutineScope scope, Function2<CoroutineScope, Continuation<? super Unit>, Object> body) {
        return BuildersKt.launch(scope, EmptyCoroutineContext.INSTANCE, CoroutineStart.DEFAULT, body);
    }

    @Override
    public Sample lockUncontended(int n) throws Exception {
        Mutex mutex = MutexKt.Mutex(false);
        int[] held = {0};
        long t0 = System.nanoTime();
        KotlinxPeer.<Object>runBlocking((scope, cont) -> new Machine(cont) {
            int i;

            @Override
            Object step(Object result) {
                for (; ; ) {
                    if (label == 0) {
                        if (i == n) {
                            return Unit.INSTANCE;
                        }
                        label = 1;
                        if (mutex.lock(null, this) == SUSPENDED) {
                            return SUSPENDED;
                        }
                    }
                    held[0]++;
                    mutex.unlock(null);
                    i++;
                    label = 0;
                }
            }
        }.start());
        long t1 = System.nanoTime();
        CompletableFuturePeer.check(held[0] == n, "lock_uncontended held " + held[0]);
        return Sample.rate("pairs", n, t1 - t0);
    }

    @Override
    public Sample lockHandoff(int n) throws Exception {
        Mutex mutex = MutexKt.Mutex(false);
        int[] counter = {0};
        Function2<CoroutineScope, Continuation<? super Unit>, Object> taker = (scope, cont) -> new Machine(cont) {
            int i;

            @Override
            Object step(Object result) {
                for (; ; ) {
                    if (label == 0) {
                        if (i == n) {
                            return Unit.INSTANCE;
                        }
                        label = 1;
                        if (mutex.lock(null, this) == SUSPENDED) {
                            return SUSPENDED;
                        }
                    }
                    if (label == 1) {
                        counter[0]++;
                        label = 2;
                        if (YieldKt.yield(this) == SUSPENDED) { // the other coroutine queues meanwhile
                            return SUSPENDED;
                        }
                    }
                    mutex.unlock(null);
                    i++;
                    label = 0;
                }
            }
        }.start();
        long t0 = System.nanoTime();
        KotlinxPeer.<Object>runBlocking((scope, cont) -> {
            launch(scope, taker);
            launch(scope, taker);
            return Unit.INSTANCE; // runBlocking waits for its children
        });
        long t1 = System.nanoTime();
        CompletableFuturePeer.check(counter[0] == 2 * n, "lock_handoff count " + counter[0]);
        return Sample.rate("handoffs", 2L * n, t1 - t0);
    }

    @Override
    public Sample eventWake(int n) throws Exception {
        CompletableDeferred<Unit> event = CompletableDeferredKt.CompletableDeferred(null);
        long nanos = KotlinxPeer.<Long>runBlocking((scope, cont) -> new Machine(cont) {
            final Job[] jobs = new Job[n];
            long t0;
            int joined;

            @Override
            Object step(Object result) {
                if (label == 0) {
                    for (int i = 0; i < n; i++) {
                        jobs[i] = launch(
                                scope,
                                (s, c) -> new Machine(c) {
                                    @Override
                                    Object step(Object r) {
                                        if (label == 0) {
                                            label = 1;
                                            if (event.await(this) == SUSPENDED) {
                                                return SUSPENDED;
                                            }
                                        }
                                        return Unit.INSTANCE;
                                    }
                                }.start());
                    }
                    label = 1;
                    if (YieldKt.yield(this) == SUSPENDED) { // every waiter is waiting now
                        return SUSPENDED;
                    }
                }
                if (label == 1) {
                    t0 = System.nanoTime();
                    event.complete(Unit.INSTANCE);
                    label = 2;
                }
                while (joined < n) {
                    if (jobs[joined++].join(this) == SUSPENDED) {
                        return SUSPENDED;
                    }
                }
                return System.nanoTime() - t0;
            }
        }.start());
        return Sample.seconds("wake", nanos);
    }

    @Override
    public Sample queuePingpong(int n) throws Exception {
        Channel<Integer> ping = ChannelKt.Channel(1, BufferOverflow.SUSPEND, null);
        Channel<Integer> pong = ChannelKt.Channel(1, BufferOverflow.SUSPEND, null);
        long t0 = System.nanoTime();
        int last = KotlinxPeer.<Integer>runBlocking((scope, cont) -> {
            launch(
                    scope,
                    (s, c) -> new Machine(c) {
                        @Override
                        Object step(Object result) {
                            Object r = result;
                            for (; ; ) {
                                if (label == 0) {
                                    label = 1;
                                    r = ping.receive(this);
                                    if (r == SUSPENDED) {
                                        return SUSPENDED;
                                    }
                                }
                                if (label == 1) {
                                    int v = (Integer) r;
                                    if (v < 0) {
                                        return Unit.INSTANCE;
                                    }
                                    label = 2;
                                    if (pong.send(v + 1, this) == SUSPENDED) {
                                        return SUSPENDED;
                                    }
                                }
                                label = 0;
                            }
                        }
                    }.start());
            return new Machine(cont) {
                int i;
                int v;

                @Override
                Object step(Object result) {
                    Object r = result;
                    for (; ; ) {
                        if (label == 0) {
                            if (i == n) {
                                label = 3;
                                if (ping.send(-1, this) == SUSPENDED) {
                                    return SUSPENDED;
                                }
                                return v;
                            }
                            label = 1;
                            if (ping.send(v, this) == SUSPENDED) {
                                return SUSPENDED;
                            }
                        }
                        if (label == 1) {
                            label = 2;
                            r = pong.receive(this);
                            if (r == SUSPENDED) {
                                return SUSPENDED;
                            }
                        }
                        if (label == 2) {
                            v = (Integer) r;
                            i++;
                            label = 0;
                            continue;
                        }
                        return v; // label 3: the stop sign was sent
                    }
                }
            }.start();
        });
        long t1 = System.nanoTime();
        CompletableFuturePeer.check(last == n, "queue_pingpong ended at " + last);
        return Sample.rate("trips", n, t1 - t0);
    }
}
