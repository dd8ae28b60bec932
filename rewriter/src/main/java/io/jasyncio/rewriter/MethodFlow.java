package io.jasyncio.rewriter;

import java.util.ArrayList;
import java.util.List;
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
        List<List<Integer>> normal = lists(n);
        List<List<Integer>> exceptional = lists(n);
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
                addOnce(normal.get(insn), successor);
            }

            @Override
            protected boolean newControlFlowExceptionEdge(int insn, int successor) {
                addOnce(exceptional.get(insn), successor);
                return true;
            }
        };
        Frame<BasicValue>[] frames = analyzer.analyze(owner, method);
        return new MethodFlow(frames, toArrays(normal), toArrays(exceptional));
    }

    private static List<List<Integer>> lists(int n) {
        List<List<Integer>> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(new ArrayList<>(2));
        }
        return l;
    }

    private static void addOnce(List<Integer> list, int value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    private static int[][] toArrays(List<List<Integer>> lists) {
        int[][] a = new int[lists.size()][];
        for (int i = 0; i < a.length; i++) {
            a[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return a;
    }
}
