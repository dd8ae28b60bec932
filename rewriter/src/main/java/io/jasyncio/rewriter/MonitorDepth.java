package io.jasyncio.rewriter;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * How many monitors ({@code synchronized} blocks) may be held before each instruction: a
 * forward data flow taking the maximum at joins, so an await inside any synchronized block is
 * found whatever the compiler's handler layout. Exception edges follow the exception table as
 * the JVM does: in table order, up to the first handler that catches everything. So an
 * exception thrown inside a synchronized block reaches the block's own catch-any handler
 * (which releases the monitor and rethrows), never directly an enclosing handler.
 */
final class MonitorDepth {
    private static final int LIMIT = 255;
    private static final int[] NONE = new int[0];

    private MonitorDepth() {}

    static int[] before(MethodNode method, MethodFlow flow) {
        InsnList insns = method.instructions;
        int n = insns.size();
        int[][] handlers = handlers(method, n);
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
            int after = op == Opcodes.MONITORENTER
                    ? Math.min(LIMIT, d + 1)
                    : op == Opcodes.MONITOREXIT ? Math.max(0, d - 1) : d;
            for (int s : flow.successors[i]) {
                if (after > depth[s]) {
                    depth[s] = after;
                    work.add(s);
                }
            }
            for (int h : handlers[i]) {
                if (d > depth[h]) {
                    depth[h] = d;
                    work.add(h);
                }
            }
        }
        return depth;
    }

    /** The handlers an exception thrown at each instruction can reach, in exception-table order. */
    private static int[][] handlers(MethodNode method, int n) {
        InsnList insns = method.instructions;
        int[][] handlers = new int[n][];
        boolean[] closed = new boolean[n];
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            int handler = insns.indexOf(tcb.handler);
            boolean catchAll = tcb.type == null || tcb.type.equals("java/lang/Throwable");
            for (int i = insns.indexOf(tcb.start), end = insns.indexOf(tcb.end); i < end; i++) {
                if (closed[i]) {
                    continue;
                }
                int[] h = handlers[i];
                handlers[i] = h == null ? new int[] {handler} : append(h, handler);
                closed[i] = catchAll;
            }
        }
        for (int i = 0; i < n; i++) {
            if (handlers[i] == null) {
                handlers[i] = NONE;
            }
        }
        return handlers;
    }

    private static int[] append(int[] a, int v) {
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }
}
