package io.jasyncio.benchmarks.compare;

/** TEMPORARY until the runtime core lands. */
final class JasyncioPeer implements Peer {
    private static UnsupportedOperationException todo() { return new UnsupportedOperationException("runtime core not merged yet"); }
    public Sample yieldSwitch(int n) { throw todo(); }
    public Sample spawnComplete(int n) { throw todo(); }
    public Sample sleepMany(int n, long seed) { throw todo(); }
    public Sample parkMany(int n) { throw todo(); }
    public Sample futurePingpong(int n) { throw todo(); }
    public Sample awaitChain(int depth) { throw todo(); }
    public Sample gatherFanout(int n) { throw todo(); }
    public Sample sleepCancel(int n, long seed) { throw todo(); }
}
