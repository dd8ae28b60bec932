package io.jasyncio.benchmarks.compare;

import java.util.List;

/**
 * The workloads of the side-by-side comparison with the peers. Each runs in a fresh JVM per peer and
 * per run; at least {@code warmups} untimed repetitions at the same size (and at least two
 * seconds of them, see {@link PeerMain#warmUp}) come first in that JVM, so the
 * throughput numbers are of JIT-compiled code, while {@code sleep_many} and {@code park_many}
 * are measured cold (one shot, as a program that starts a million tasks would see them).
 */
enum Workload {
    YIELD_SWITCH(
            "yield_switch",
            "two tasks alternately yielding (sleep(0)), N yields each",
            1_000_000,
            2_000,
            2,
            List.of(new Metric("switches", "switches/s", true, 1e6, "M/s", 50e6)),
            2),
    SPAWN_COMPLETE(
            "spawn_complete",
            "create N tasks that return at once, await all",
            1_000_000,
            1_000,
            1,
            List.of(new Metric("tasks", "tasks/s", true, 1e6, "M/s", 10e6)),
            3),
    SLEEP_MANY(
            "sleep_many",
            "N tasks each sleeping a random 0-1 s",
            1_000_000,
            1_000,
            0,
            List.of(
                    new Metric("wall", "wall", false, 1, "s", 1.3),
                    new Metric("cpu", "CPU", false, 1, "s", Double.NaN)),
            2),
    PARK_MANY(
            "park_many",
            "N tasks each parked on its own pending future",
            1_000_000,
            1_000,
            0,
            List.of(
                    new Metric("bytes", "heap per parked task", false, 1, "B", 80),
                    new Metric("wake", "wake all", false, 1e-3, "ms", Double.NaN))),
    FUTURE_PINGPONG(
            "future_pingpong",
            "two tasks handing a value back and forth through futures",
            1_000_000,
            1_000,
            2,
            List.of(new Metric("trips", "round trips/s", true, 1e6, "M/s", 20e6)),
            4),
    AWAIT_CHAIN_1E4(
            "await_chain_1e4",
            "a chain of 10^4 coroutines awaiting each other",
            10_000,
            100,
            3,
            List.of(new Metric("time", "time", false, 1e-3, "ms", Double.NaN))),
    AWAIT_CHAIN_1E5(
            "await_chain_1e5",
            "a chain of 10^5 coroutines awaiting each other (default stack)",
            100_000,
            1_000,
            2,
            List.of(new Metric("time", "time", false, 1e-3, "ms", Double.NaN))),
    GATHER_FANOUT(
            "gather_fanout",
            "gather of N tasks that each yield 10 times",
            10_000,
            100,
            10,
            List.of(new Metric("time", "wall", false, 1e-3, "ms", 3e-3)),
            4),
    LOCK_UNCONTENDED(
            "lock_uncontended",
            "acquire and release a lock nobody else wants, N times",
            10_000_000,
            10_000,
            3,
            List.of(new Metric("pairs", "acquire+release/s", true, 1e6, "M/s", Double.NaN))),
    LOCK_HANDOFF(
            "lock_handoff",
            "two tasks taking turns on one lock (each yields once holding it), N acquires each",
            1_000_000,
            1_000,
            3,
            List.of(new Metric("handoffs", "handoffs/s", true, 1e6, "M/s", Double.NaN))),
    EVENT_WAKE_1E4(
            "event_wake_1e4",
            "10^4 tasks waiting on one event, all woken by one set",
            10_000,
            1_000,
            20,
            List.of(new Metric("wake", "set to all woken", false, 1e-3, "ms", Double.NaN))),
    QUEUE_PINGPONG(
            "queue_pingpong",
            "two tasks bouncing a number through two bounded queues (capacity 1)",
            1_000_000,
            1_000,
            3,
            List.of(new Metric("trips", "round trips/s", true, 1e6, "M/s", Double.NaN)));

    final String id;
    final String description;
    final int size;
    final int smokeSize;
    final int warmups;
    final List<Metric> metrics;
    /**
     * The cold mode's target for the first metric: how many times better than the best JVM peer
     * (kotlinx or CompletableFuture) jasyncio should be; NaN when there is none.
     */
    final double coldLead;

    /** Whether this is a workload of the waiting primitives (locks, events, queues). */
    boolean primitives() {
        return this == LOCK_UNCONTENDED || this == LOCK_HANDOFF || this == EVENT_WAKE_1E4 || this == QUEUE_PINGPONG;
    }

    Workload(String id, String description, int size, int smokeSize, int warmups, List<Metric> metrics) {
        this(id, description, size, smokeSize, warmups, metrics, Double.NaN);
    }

    Workload(
            String id,
            String description,
            int size,
            int smokeSize,
            int warmups,
            List<Metric> metrics,
            double coldLead) {
        this.coldLead = coldLead;
        this.id = id;
        this.description = description;
        this.size = size;
        this.smokeSize = smokeSize;
        this.warmups = warmups;
        this.metrics = metrics;
    }

    static Workload byId(String id) {
        for (Workload w : values()) {
            if (w.id.equals(id)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + id + "'; known: " + List.of(values()));
    }

    @Override
    public String toString() {
        return id;
    }

    /**
     * One number a workload reports, stored in SI units (per second, seconds, bytes).
     *
     * @param key          the key in the child's RESULT line
     * @param label        what the table calls it
     * @param higherBetter whether a larger value is better (throughput) or worse (time, bytes)
     * @param unitScale    value / unitScale is what the table prints
     * @param unit         the printed unit
     * @param target       the target jasyncio should reach, in SI units, NaN when there is none
     */
    record Metric(String key, String label, boolean higherBetter, double unitScale, String unit, double target) {}
}
