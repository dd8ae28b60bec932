package io.jasyncio.rewriter;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;

/**
 * How many monitors ({@code synchronized} blocks) may be held before each instruction: a
 * forward data flow taking the maximum at joins, so an await inside any synchronized block is
 * found whatever the compiler's handler layout.
 */
final class MonitorDepth {
    private static final int LIMIT = 255;

    private MonitorDepth() {
    }

    static int[] before(InsnList insns, MethodFlow flow) {
        int n = insns.size();
        int[] depth = new int[n];
        Arrays.fill(depth, -1);
        Deque<Integer> work = new ArrayDeque<>();
        if (n > 0) {
            depth[0] = 0;
            work.add(0);
        }
        while (!work.isEmpty()) {
            int i = work.poll();
            int d = depth[i];
            int op = insns.get(i).getOpcode();
            int after = op == Opcodes.MONITORENTER ? Math.min(LIMIT, d + 1) : op == Opcodes.MONITOREXIT ? Math.max(0, d - 1) : d;
            for (int s : flow.successors[i]) {
                if (after > depth[s]) {
                    depth[s] = after;
                    work.add(s);
                }
            }
            for (int h : flow.handlers[i]) {
                if (d > depth[h]) {
                    depth[h] = d;
                    work.add(h);
                }
            }
        }
        return depth;
    }
}
