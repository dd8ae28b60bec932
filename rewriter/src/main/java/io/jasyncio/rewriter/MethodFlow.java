package io.jasyncio.rewriter;

import java.util.Arrays;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/** Typed frames of one method plus its control-flow graph (normal and exception edges). */
final class MethodFlow {
    final Frame<BasicValue>[] frames;
    final int[][] successors;
    final int[][] handlers;

    private MethodFlow(Frame<BasicValue>[] frames, int[][] successors, int[][] handlers) {
        this.frames = frames;
        this.successors = successors;
        this.handlers = handlers;
    }

    static MethodFlow analyze(String owner, MethodNode method, Hierarchy hierarchy) throws AnalyzerException {
        int n = method.instructions.size();
        Edges normal = new Edges(n);
        Edges exceptional = new Edges(n);
        Analyzer<BasicValue> analyzer = new Analyzer<>(new TypedInterpreter(hierarchy)) {
            @Override
            protected Frame<BasicValue> newFrame(int locals, int stack) {
                return new InitFrame(locals, stack);
            }

            @Override
            protected Frame<BasicValue> newFrame(Frame<? extends BasicValue> frame) {
                return new InitFrame(frame);
            }

            @Override
            protected void newControlFlowEdge(int insn, int successor) {
                normal.addOnce(insn, successor);
            }

            @Override
            protected boolean newControlFlowExceptionEdge(int insn, int successor) {
                exceptional.addOnce(insn, successor);
                return true;
            }
        };
        Frame<BasicValue>[] frames = analyzer.analyze(owner, method);
        return new MethodFlow(frames, normal.toArrays(), exceptional.toArrays());
    }

    /**
     * Edges per instruction in the order the analyzer reports them, each once. Plain int arrays:
     * boxed lists and a stream per instruction dominated the rewriter's allocation.
     */
    private static final class Edges {
        private static final int[] NONE = new int[0];
        private final int[][] targets;
        private final int[] counts;

        Edges(int n) {
            targets = new int[n][];
            counts = new int[n];
        }

        void addOnce(int insn, int target) {
            int[] t = targets[insn];
            int c = counts[insn];
            for (int i = 0; i < c; i++) {
                if (t[i] == target) {
                    return;
                }
            }
            if (t == null) {
                t = targets[insn] = new int[2];
            } else if (c == t.length) {
                t = targets[insn] = Arrays.copyOf(t, c * 2);
            }
            t[c] = target;
            counts[insn] = c + 1;
        }

        int[][] toArrays() {
            int[][] a = new int[targets.length][];
            for (int i = 0; i < a.length; i++) {
                int c = counts[i];
                a[i] = c == 0 ? NONE : targets[i].length == c ? targets[i] : Arrays.copyOf(targets[i], c);
            }
            return a;
        }
    }
}
