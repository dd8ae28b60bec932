package io.jasyncio.benchmarks.compare;

import java.util.List;
import java.util.function.Supplier;

/** The contestants of the comparison: how each peer's JVM is started and what runs in it. */
enum PeerKind {
    JASYNCIO("jasyncio", "jasyncio", List.of(), 17, JasyncioPeer::new),
    VT_ONE_CARRIER(
            "vt-1",
            "virtual threads (1 carrier)",
            List.of("-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1"),
            21,
            VirtualThreadPeer::new),
    VT_DEFAULT("vt-default", "virtual threads (default scheduler)", List.of(), 21, VirtualThreadPeer::new),
    COMPLETABLE_FUTURE("cf", "CompletableFuture (1-thread executor)", List.of(), 17, CompletableFuturePeer::new),
    /** Coroutines on runBlocking's thread: the task workloads and the waiting primitives' ones. */
    KOTLINX("kotlinx", "kotlinx.coroutines (runBlocking)", List.of(), 17, KotlinxPeer::new);

    final String id;
    final String label;
    /** JVM options of this peer's JVM, on top of the common ones. */
    final List<String> jvmOptions;

    final int minJavaFeature;
    final Supplier<Peer> factory;

    PeerKind(String id, String label, List<String> jvmOptions, int minJavaFeature, Supplier<Peer> factory) {
        this.id = id;
        this.label = label;
        this.jvmOptions = jvmOptions;
        this.minJavaFeature = minJavaFeature;
        this.factory = factory;
    }

    /**
     * Whether this peer has the workload: kotlinx has no park_many or await_chain,
     * CompletableFuture has no lock, event or bounded queue of its own.
     */
    boolean runs(Workload w) {
        return switch (this) {
            case KOTLINX -> w != Workload.PARK_MANY && w != Workload.AWAIT_CHAIN_1E4 && w != Workload.AWAIT_CHAIN_1E5;
            case COMPLETABLE_FUTURE -> !w.primitives();
            default -> true;
        };
    }

    static PeerKind byId(String id) {
        for (PeerKind p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown peer '" + id + "'; known: " + List.of(values()));
    }

    @Override
    public String toString() {
        return id;
    }
}
