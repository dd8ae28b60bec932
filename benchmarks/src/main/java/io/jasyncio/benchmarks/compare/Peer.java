package io.jasyncio.benchmarks.compare;

/**
 * One way to run many tasks on (ideally) one thread. Each method runs one iteration of a
 * workload at size {@code n} and returns what it measured; {@link PeerMain} calls it in a JVM
 * of its own. A workload that fails (e.g. {@link StackOverflowError}) throws, and the failure is
 * reported as the run's status rather than as a number.
 */
interface Peer {
    /** Two tasks each yield {@code n} times; metric {@code switches}: yields per second. */
    Sample yieldSwitch(int n) throws Exception;

    /** Create {@code n} tasks that return at once and await them all; metric {@code tasks}. */
    Sample spawnComplete(int n) throws Exception;

    /** {@code n} tasks each sleep a random 0-1 s (seeded); metrics {@code wall}, {@code cpu}. */
    Sample sleepMany(int n, long seed) throws Exception;

    /** {@code n} tasks each parked on its own pending future; metrics {@code bytes}, {@code wake}. */
    Sample parkMany(int n) throws Exception;

    /** Two tasks hand a value back and forth {@code n} times; metric {@code trips}. */
    Sample futurePingpong(int n) throws Exception;

    /** A chain of {@code depth} coroutines awaiting each other, the innermost suspending once. */
    Sample awaitChain(int depth) throws Exception;

    /** Gather {@code n} tasks that each yield 10 times; metric {@code time}. */
    Sample gatherFanout(int n) throws Exception;

    /**
     * Scaling: {@code n} tasks each sleeping long, then all cancelled and awaited: task creation,
     * timer insert, cancellation, timer removal and completion. Metric {@code time}.
     */
    Sample sleepCancel(int n, long seed) throws Exception;

    /** {@code n} acquire/release pairs of an uncontended lock; metric {@code pairs}. */
    default Sample lockUncontended(int n) throws Exception {
        throw new UnsupportedOperationException("no lock in this peer");
    }

    /** Two tasks each acquiring one lock {@code n} times and yielding once inside, so they take turns; metric {@code handoffs}. */
    default Sample lockHandoff(int n) throws Exception {
        throw new UnsupportedOperationException("no lock in this peer");
    }

    /** {@code n} tasks waiting on one event, all woken by one set; metric {@code wake}: set to all done. */
    default Sample eventWake(int n) throws Exception {
        throw new UnsupportedOperationException("no event in this peer");
    }

    /** Two tasks bounce a number {@code n} times through two bounded queues of one; metric {@code trips}. */
    default Sample queuePingpong(int n) throws Exception {
        throw new UnsupportedOperationException("no bounded queue in this peer");
    }

    /** Releases threads and executors. */
    default void close() {}
}
