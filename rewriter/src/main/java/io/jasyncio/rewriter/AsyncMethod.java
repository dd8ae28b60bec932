package io.jasyncio.rewriter;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/** One {@code @Async} method: the checks that need its frames, then its split into factory and body. */
final class AsyncMethod {
    private final ClassNode owner;
    private final MethodNode method;
    private final Hierarchy hierarchy;
    private final Reporter reporter;
    private MethodFlow flow;

    AsyncMethod(ClassNode owner, MethodNode method, Hierarchy hierarchy, Reporter reporter) {
        this.owner = owner;
        this.method = method;
        this.hierarchy = hierarchy;
        this.reporter = reporter;
    }

    MethodNode method() {
        return method;
    }

    /**
     * Analyses the method and reports what cannot be rewritten (return null, await inside
     * synchronized, unsupported bytecode shapes). Moves {@code NEW/DUP} pairs that an await
     * would leave uninitialised on the stack.
     *
     * @return whether the method can be rewritten
     */
    boolean check() {
        InsnList insns = method.instructions;
        if (!analyze()) {
            return false;
        }
        int[] lines = Lines.of(insns);
        int[] monitors = MonitorDepth.before(method, flow);
        AbstractInsnNode[] arr = insns.toArray();
        Set<AbstractInsnNode> uninitialised = new LinkedHashSet<>();
        boolean ok = true;
        for (int i = 0; i < arr.length; i++) {
            Frame<BasicValue> f = flow.frames[i];
            if (f == null) {
                continue;
            }
            if (Names.isAwait(arr[i])) {
                if (monitors[i] > 0) {
                    reporter.error(
                            method.name,
                            lines[i],
                            "await inside a synchronized block: the lock would stay held while"
                                    + " the coroutine is suspended; move the await out of the synchronized block (guard the"
                                    + " shared state between awaits instead)");
                    ok = false;
                }
                for (int j = 0; j < f.getStackSize(); j++) {
                    if (f.getStack(j) instanceof UninitValue u) {
                        uninitialised.add(u.newInsn);
                    }
                }
                // javac spills the operand stack, uninitialised objects included, into locals
                // around a switch expression with a try in an arm.
                for (int l = 0; l < f.getLocals(); l++) {
                    if (f.getLocal(l) instanceof UninitValue u) {
                        uninitialised.add(u.newInsn);
                    }
                }
            } else if (arr[i].getOpcode() == ARETURN) {
                if (TypedInterpreter.isNull(f.getStack(f.getStackSize() - 1))) {
                    reporter.error(
                            method.name,
                            lines[i],
                            "an @Async method or async lambda must not return null: use 'return done(null);'"
                                    + " (or 'return done();' for Coroutine<Void>)");
                    ok = false;
                } else if (f.getStackSize() != 1) {
                    reporter.error(method.name, lines[i], "unsupported bytecode: areturn with a deeper operand stack");
                    ok = false;
                }
            }
        }
        if (!ok) {
            return false;
        }
        if (!uninitialised.isEmpty()) {
            String problem = UninitMover.move(method, flow, uninitialised);
            if (problem != null) {
                reporter.error(
                        method.name,
                        Lines.first(insns),
                        "unsupported bytecode around an await: " + problem
                                + "; assign the awaited values to local variables before the 'new' expression");
                return false;
            }
            if (!analyze()) {
                return false;
            }
            arr = insns.toArray();
            for (int i = 0; i < arr.length; i++) {
                Frame<BasicValue> f = flow.frames[i];
                if (f != null && Names.isAwait(arr[i])) {
                    for (int j = 0; j < f.getStackSize() + f.getLocals(); j++) {
                        BasicValue v = j < f.getStackSize() ? f.getStack(j) : f.getLocal(j - f.getStackSize());
                        if (v instanceof UninitValue) {
                            reporter.error(
                                    method.name,
                                    Lines.of(insns)[i],
                                    "unsupported bytecode: an uninitialised object"
                                            + " stays alive across an await; assign the awaited values to local variables first");
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    private boolean analyze() {
        try {
            flow = MethodFlow.analyze(owner.name, method, hierarchy);
            return true;
        } catch (AnalyzerException e) {
            int line = -1;
            if (e.node != null && method.instructions.contains(e.node)) {
                line = Lines.of(method.instructions)[method.instructions.indexOf(e.node)];
            }
            if (e.getCause() instanceof TypeHierarchy.TypeNotFoundException missing) {
                reporter.error(
                        method.name,
                        line,
                        missing.getMessage() + ": the rewriter needs it to compute stack map"
                                + " frames here; add it to the class path the rewriter is given");
            } else {
                reporter.error(method.name, line, "cannot analyse the bytecode of this method: " + e.getMessage());
            }
            return false;
        }
    }

    /**
     * Turns the checked method into its body (in place) and returns the factory that replaces
     * the original method.
     *
     * @param bodyName   the body method's name (the method's own name unless it is taken)
     * @param publicBody whether the body must be public (Java 8 interfaces have no private methods)
     */
    MethodNode rewrite(String bodyName, String binaryName, String sourceFile, boolean publicBody) {
        InsnList insns = method.instructions;
        AbstractInsnNode[] arr = insns.toArray();
        int n = arr.length;
        BitSet[] live = Liveness.liveBefore(insns, flow);
        int[] lines = Lines.of(insns);
        int firstLine = Lines.first(insns);
        AbstractInsnNode firstLabel = insns.getFirst();
        CastTypes casts = new CastTypes(owner, method, hierarchy);
        boolean isStatic = (method.access & ACC_STATIC) != 0;

        // State 0: the receiver and the arguments, as the factory stores them.
        Layout layout = new Layout();
        List<Saved> start = new ArrayList<>();
        int argSize = 0;
        if (!isStatic) {
            start.add(layout.saved(Kind.REF, 0, owner.name));
            argSize = 1;
        }
        for (Type a : Type.getArgumentTypes(method.desc)) {
            Kind k = Kind.of(a);
            start.add(layout.saved(k, argSize, k == Kind.REF ? casts.castFor(a) : null));
            argSize += a.getSize();
        }

        // `return done(v)` returns v directly; every other areturn is a tail await.
        Set<AbstractInsnNode> fastDone = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < n; i++) {
            if (flow.frames[i] != null && Names.isDone(arr[i]) && returnsDirectly(arr[i])) {
                fastDone.add(arr[i]);
            }
        }
        boolean[] reached = reachable(arr, fastDone);
        List<Integer> awaits = new ArrayList<>();
        List<Integer> tails = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (flow.frames[i] == null) {
                continue;
            }
            if (Names.isAwait(arr[i])) {
                awaits.add(i);
            } else if (arr[i].getOpcode() == ARETURN && reached[i]) {
                tails.add(i);
            }
        }
        int states = awaits.size() + tails.size();

        // The body's two parameters, the frame and the running task, move past the original locals.
        int frameLocal = method.maxLocals;
        int taskLocal = frameLocal + 1;
        int temp = frameLocal + 2;
        int spillBase = frameLocal + 3;
        List<List<Saved>> saved = new ArrayList<>();
        Kind[][] spillKinds = new Kind[awaits.size()][];
        int[][] spills = new int[awaits.size()][];
        for (int s = 0; s < awaits.size(); s++) {
            int i = awaits.get(s);
            Frame<BasicValue> f = flow.frames[i];
            List<Saved> values = new ArrayList<>();
            BitSet lv = live[i];
            for (int l = lv.nextSetBit(0); l >= 0 && l < f.getLocals(); l = lv.nextSetBit(l + 1)) {
                BasicValue v = f.getLocal(l);
                Kind k = Kind.of(v);
                if (k != null) {
                    values.add(layout.saved(k, l, k == Kind.REF ? casts.castFor(v.getType()) : null));
                }
            }
            int depth = f.getStackSize() - 1;
            spills[s] = new int[depth];
            spillKinds[s] = new Kind[depth];
            int next = spillBase;
            for (int j = 0; j < depth; j++) {
                BasicValue v = f.getStack(j);
                Kind k = Kind.of(v);
                if (k == null) {
                    throw new IllegalStateException("unusable stack value " + v + " at an await in " + method.name);
                }
                spills[s][j] = next;
                spillKinds[s][j] = k;
                next += k.size;
                values.add(layout.saved(k, spills[s][j], k == Kind.REF ? casts.castFor(v.getType()) : null));
            }
            saved.add(values);
        }

        StringBuilder site = new StringBuilder(binaryName)
                .append('\0')
                .append(method.name)
                .append('\0')
                .append(sourceFile == null ? "" : sourceFile)
                .append('\0')
                .append(firstLine);
        LabelNode[] saveEntries = new LabelNode[awaits.size() + 1];
        LabelNode[] resume = new LabelNode[states + 1];
        LabelNode[] targets = new LabelNode[states + 1];
        LabelNode restoreRoot = new LabelNode();
        for (int s = 0; s < awaits.size(); s++) {
            int i = awaits.get(s);
            int state = s + 1;
            saveEntries[state] = new LabelNode();
            resume[state] = new LabelNode();
            targets[state] = restoreRoot;
            site.append(',').append(lines[i]);
            SiteCode.await(
                    insns,
                    arr[i],
                    state,
                    spillKinds[s],
                    spills[s],
                    frameLocal,
                    taskLocal,
                    temp,
                    saveEntries[state],
                    resume[state]);
        }
        for (AbstractInsnNode d : fastDone) {
            InsnList c = new InsnList();
            if (((MethodInsnNode) d).desc.equals(Names.DONE_VOID)) {
                c.add(new org.objectweb.asm.tree.InsnNode(ACONST_NULL));
            }
            c.add(new org.objectweb.asm.tree.InsnNode(ARETURN));
            insns.insert(d, c);
            insns.remove(d);
        }
        if (!tails.isEmpty()) {
            LabelNode tailResume = new LabelNode();
            int[] tailStates = new int[tails.size()];
            for (int t = 0; t < tails.size(); t++) {
                tailStates[t] = awaits.size() + 1 + t;
                targets[tailStates[t]] = tailResume;
                site.append(',').append(lines[tails.get(t)]);
            }
            SiteCode.tails(
                    insns,
                    tails.stream().map(i -> arr[i]).toArray(AbstractInsnNode[]::new),
                    tailStates,
                    frameLocal,
                    taskLocal,
                    temp,
                    tailResume);
        }
        LabelNode bad = new LabelNode();
        InsnList restores = new InsnList();
        if (!awaits.isEmpty()) {
            insns.add(StateBlocks.saves(saved, saveEntries, frameLocal));
            restores.add(restoreRoot);
            restores.add(StateBlocks.restores(saved, resume, bad, frameLocal, layout.refSlots()));
        }
        insns.insert(SiteCode.prologue(frameLocal, taskLocal, targets, restores, bad, layout, start));
        DeadCode.remove(method);

        MethodNode factory = Factory.build(
                owner,
                method,
                start,
                argSize,
                site.toString(),
                bodyName,
                layout.refSlots(),
                layout.primSlots(),
                firstLine,
                firstLabel);
        toBody(bodyName, publicBody);
        return factory;
    }

    private void toBody(String bodyName, boolean publicBody) {
        method.name = bodyName;
        method.desc = Names.BODY_METHOD_DESC;
        method.access = (method.access & ACC_STRICT) | ACC_STATIC | (publicBody ? ACC_PUBLIC : ACC_PRIVATE);
        method.signature = null;
        method.exceptions = new ArrayList<>();
        method.parameters = null;
        method.visibleAnnotations = null;
        method.invisibleAnnotations = null;
        method.visibleTypeAnnotations = null;
        method.invisibleTypeAnnotations = null;
        method.visibleParameterAnnotations = null;
        method.invisibleParameterAnnotations = null;
        method.visibleAnnotableParameterCount = 0;
        method.invisibleAnnotableParameterCount = 0;
        method.annotationDefault = null;
        method.attrs = null;
    }

    /** Whether a done(...) call's value flows straight (through GOTOs only) into an areturn. */
    private static boolean returnsDirectly(AbstractInsnNode done) {
        AbstractInsnNode insn = done.getNext();
        for (int steps = 0; insn != null && steps < 64; steps++) {
            if (insn.getOpcode() < 0) {
                insn = insn.getNext();
            } else if (insn.getOpcode() == GOTO) {
                insn = ((JumpInsnNode) insn).label;
            } else {
                return insn.getOpcode() == ARETURN;
            }
        }
        return false;
    }

    /** Instructions still reachable once each fast done(...) returns at once. */
    private boolean[] reachable(AbstractInsnNode[] arr, Set<AbstractInsnNode> fastDone) {
        boolean[] seen = new boolean[arr.length];
        Deque<Integer> work = new ArrayDeque<>();
        if (arr.length > 0) {
            seen[0] = true;
            work.add(0);
        }
        while (!work.isEmpty()) {
            int i = work.poll();
            if (!fastDone.contains(arr[i])) {
                for (int s : flow.successors[i]) {
                    if (!seen[s]) {
                        seen[s] = true;
                        work.add(s);
                    }
                }
            }
            for (int h : flow.handlers[i]) {
                if (!seen[h]) {
                    seen[h] = true;
                    work.add(h);
                }
            }
        }
        return seen;
    }
}
