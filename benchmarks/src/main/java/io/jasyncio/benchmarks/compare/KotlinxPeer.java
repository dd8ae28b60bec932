package io.jasyncio.benchmarks.compare;

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
import kotlinx.coroutines.Job;
import kotlinx.coroutines.YieldKt;
import kotlinx.coroutines.channels.BufferOverflow;
import kotlinx.coroutines.channels.Channel;
import kotlinx.coroutines.channels.ChannelKt;
import kotlinx.coroutines.sync.Mutex;
import kotlinx.coroutines.sync.MutexKt;

/**
 * The kotlinx.coroutines peer, for the waiting primitives' workloads only: {@code Mutex},
 * {@code Channel} (capacity 1) and {@code CompletableDeferred} (the one-shot event), coroutines
 * on {@code runBlocking}'s single thread. Written in Java as the Kotlin compiler would emit it:
 * each coroutine is a {@link ContinuationImpl} state machine whose {@code invokeSuspend} resumes
 * at its label, so suspension and dispatch go through kotlinx's own machinery.
 */
final class KotlinxPeer implements Peer {
    private static final Object SUSPENDED = IntrinsicsKt.getCOROUTINE_SUSPENDED();

    private static UnsupportedOperationException notHere() {
        return new UnsupportedOperationException("kotlinx runs only the waiting primitives' workloads");
    }

    @Override
    public Sample yieldSwitch(int n) {
        throw notHere();
    }

    @Override
    public Sample spawnComplete(int n) {
        throw notHere();
    }

    @Override
    public Sample sleepMany(int n, long seed) {
        throw notHere();
    }

    @Override
    public Sample parkMany(int n) {
        throw notHere();
    }

    @Override
    public Sample futurePingpong(int n) {
        throw notHere();
    }

    @Override
    public Sample awaitChain(int depth) {
        throw notHere();
    }

    @Override
    public Sample gatherFanout(int n) {
        throw notHere();
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
