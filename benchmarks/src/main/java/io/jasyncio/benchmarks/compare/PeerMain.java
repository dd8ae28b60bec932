package io.jasyncio.benchmarks.compare;

import java.util.Locale;
import java.util.Map;

/**
 * The child JVM of the comparison: runs one workload of one peer and prints one line
 * {@code RESULT status=ok key=value ...} (values in SI units) for {@link Compare} to read.
 *
 * <p>Usage: {@code PeerMain <peer> <workload> <size> <warmups>}; {@code PeerMain <peer> <workload>
 * <size> cold} for the cold mode (one warm-up pass at a tenth of the size, then the measured pass); or
 * {@code PeerMain <peer> scale_<workload> <size,size,...> <tasksPerSize>} for the scaling series
 * (per-task nanoseconds at each size, each size repeated until about {@code tasksPerSize} tasks ran).
 */
public final class PeerMain {
    private static final long SEED = 42;

    private PeerMain() {}

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: PeerMain <peer> <workload> <size> <warmups|cold>");
            System.exit(2);
        }
        PeerKind kind = PeerKind.byId(args[0]);
        Sample sample;
        String status = "ok";
        Peer peer = null;
        try {
            if (Runtime.version().feature() < kind.minJavaFeature) {
                throw new UnsupportedOperationException("needs JDK " + kind.minJavaFeature + "+");
            }
            peer = kind.factory.get();
            if (args[1].startsWith("scale_")) {
                sample = scale(peer, args[1].substring("scale_".length()), args[2], Integer.parseInt(args[3]));
            } else {
                Workload w = Workload.byId(args[1]);
                int size = Integer.parseInt(args[2]);
                if (args[3].equals(COLD)) {
                    run(peer, w, Math.max(1, size / 10));
                } else {
                    warmUp(peer, w, size, Integer.parseInt(args[3]));
                }
                long cpu0 = Measure.processCpuNanos();
                long alloc0 = Measure.allocatedBytes();
                sample = run(peer, w, size);
                // Heap allocated during the measured pass (threads alive at its end): load-independent.
                sample.put("alloc", Measure.allocatedBytes() - alloc0);
                // Process CPU of the measured iteration (all threads: carriers, GC, JIT): less
                // sensitive than wall time to other processes competing for the cores.
                sample.put("proc_cpu", (Measure.processCpuNanos() - cpu0) / 1e9);
            }
        } catch (StackOverflowError e) {
            sample = new Sample();
            status = "StackOverflowError";
        } catch (UnsupportedOperationException e) {
            sample = new Sample();
            status = "unsupported: " + e.getMessage();
        } catch (Throwable e) {
            e.printStackTrace();
            sample = new Sample();
            status = "failed: " + e;
        } finally {
            if (peer != null) {
                peer.close();
            }
        }
        StringBuilder line = new StringBuilder("RESULT\tstatus=")
                .append(status.replace('\t', ' ').replace('\n', ' '));
        for (Map.Entry<String, Double> e : sample.values.entrySet()) {
            line.append('\t').append(e.getKey()).append('=').append(String.format(Locale.ROOT, "%.6g", e.getValue()));
        }
        System.out.println(line);
        System.out.flush();
        // Virtual threads or executor threads left behind must not keep the JVM alive.
        System.exit(0);
    }

    /** The warm-up argument of the cold mode: one pass at a tenth of the size, then the measured one. */
    static final String COLD = "cold";

    /** Warm-up time every peer gets at least (when it gets any): short iterations repeat until then. */
    static final long WARMUP_NANOS = 2_000_000_000L;

    static final int MAX_WARMUPS = 500;

    /**
     * At least {@code warmups} untimed iterations, repeated until {@link #WARMUP_NANOS} have
     * passed (at most {@link #MAX_WARMUPS}), so a workload of a few milliseconds is measured
     * JIT-compiled too, whichever peer runs it. No warm-up at all when {@code warmups} is 0.
     */
    static void warmUp(Peer peer, Workload w, int size, int warmups) throws Exception {
        if (warmups <= 0) {
            return;
        }
        long start = System.nanoTime();
        for (int i = 0; i < MAX_WARMUPS && (i < warmups || System.nanoTime() - start < WARMUP_NANOS); i++) {
            run(peer, w, size);
        }
    }

    static Sample run(Peer peer, Workload w, int size) throws Exception {
        return switch (w) {
            case YIELD_SWITCH -> peer.yieldSwitch(size);
            case SPAWN_COMPLETE -> peer.spawnComplete(size);
            case SLEEP_MANY -> peer.sleepMany(size, SEED);
            case PARK_MANY -> peer.parkMany(size);
            case FUTURE_PINGPONG -> peer.futurePingpong(size);
            case AWAIT_CHAIN_1E4, AWAIT_CHAIN_1E5 -> peer.awaitChain(size);
            case GATHER_FANOUT -> peer.gatherFanout(size);
            case LOCK_UNCONTENDED -> peer.lockUncontended(size);
            case LOCK_HANDOFF -> peer.lockHandoff(size);
            case EVENT_WAKE_1E4 -> peer.eventWake(size);
            case QUEUE_PINGPONG -> peer.queuePingpong(size);
        };
    }

    /** Per-task nanoseconds of one workload at each size, after a warm-up at the smallest size. */
    static Sample scale(Peer peer, String workload, String sizes, int tasksPerSize) throws Exception {
        String[] parts = sizes.split(",");
        int smallest = Integer.parseInt(parts[0]);
        for (int i = 0; i < Math.max(1, tasksPerSize / smallest / 4); i++) {
            scaleOnce(peer, workload, smallest);
        }
        Sample out = new Sample();
        for (String p : parts) {
            int n = Integer.parseInt(p);
            int reps = Math.max(1, tasksPerSize / n);
            long nanos = 0;
            for (int r = 0; r < reps; r++) {
                nanos += scaleOnce(peer, workload, n);
            }
            out.put("n" + n, nanos / ((double) reps * n));
        }
        return out;
    }

    private static long scaleOnce(Peer peer, String workload, int n) throws Exception {
        long t0 = System.nanoTime();
        switch (workload) {
            case "spawn_complete" -> peer.spawnComplete(n);
            case "sleep_cancel" -> peer.sleepCancel(n, SEED);
            default -> throw new IllegalArgumentException("no scaling series for '" + workload + "'");
        }
        return System.nanoTime() - t0;
    }
}
