package io.jasyncio.rewriter;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The save and restore code of all await sites, shared where sites keep the same values.
 * Saves end in {@code return SUSPEND}, so sites share common suffixes (joins are harmless:
 * nothing after them needs a site's precise types). Restores share common prefixes (a trie
 * dispatching on {@code f.state} where sites differ), so each path into a site's resume point
 * carries exactly that site's restored types.
 */
final class StateBlocks {
    private StateBlocks() {}

    /**
     * @param values  per await state k (index k - 1): the saved values
     * @param entries where each state's save code starts (index k)
     */
    static InsnList saves(List<List<Saved>> values, LabelNode[] entries, int frameLocal) {
        InsnList out = new InsnList();
        LabelNode ret = new LabelNode();
        Map<List<Saved>, LabelNode> suffixes = new HashMap<>();
        suffixes.put(List.of(), ret);
        List<Integer> order = new ArrayList<>();
        for (int k = 1; k <= values.size(); k++) {
            order.add(k);
        }
        // Longest first, so shorter sets find their suffix already emitted.
        order.sort((a, b) ->
                Integer.compare(values.get(b - 1).size(), values.get(a - 1).size()));
        for (int k : order) {
            List<Saved> ops = new ArrayList<>();
            for (Saved s : Layout.sorted(values.get(k - 1))) {
                if (s.kind() != Kind.NULL) {
                    ops.add(0, s); // descending local order: nested live sets share their tails
                }
            }
            int n = ops.size();
            int shared = 0;
            while (!suffixes.containsKey(ops.subList(shared, n))) {
                shared++;
            }
            out.add(entries[k]);
            for (int j = 0; j < shared; j++) {
                LabelNode here = j == 0 ? entries[k] : new LabelNode();
                if (j > 0) {
                    out.add(here);
                }
                suffixes.put(List.copyOf(ops.subList(j, n)), here);
                Saved s = ops.get(j);
                SlotCode.save(out, frameLocal, s.kind(), s.slot(), s.local());
            }
            out.add(new JumpInsnNode(GOTO, suffixes.get(ops.subList(shared, n))));
        }
        out.add(ret);
        out.add(new FieldInsnNode(GETSTATIC, Names.FRAME, "SUSPEND", Names.OBJECT_DESC));
        out.add(new InsnNode(ARETURN));
        return out;
    }

    /**
     * The restore trie for await states: restores each state's values, clears every reference
     * slot (a running frame keeps nothing reachable) and jumps to the state's resume point.
     */
    static InsnList restores(
            List<List<Saved>> values, LabelNode[] resume, LabelNode bad, int frameLocal, int refSlots) {
        InsnList out = new InsnList();
        Map<Integer, List<Saved>> ops = new LinkedHashMap<>();
        List<Integer> states = new ArrayList<>();
        for (int k = 1; k <= values.size(); k++) {
            ops.put(k, Layout.sorted(values.get(k - 1)));
            states.add(k);
        }
        node(out, states, 0, ops, resume, bad, frameLocal, refSlots);
        return out;
    }

    private static void node(
            InsnList out,
            List<Integer> states,
            int depth,
            Map<Integer, List<Saved>> ops,
            LabelNode[] resume,
            LabelNode bad,
            int frameLocal,
            int refSlots) {
        while (true) {
            List<Integer> ending = new ArrayList<>();
            Map<Saved, List<Integer>> groups = new LinkedHashMap<>();
            for (int k : states) {
                List<Saved> l = ops.get(k);
                if (l.size() == depth) {
                    ending.add(k);
                } else {
                    groups.computeIfAbsent(l.get(depth), x -> new ArrayList<>()).add(k);
                }
            }
            if (ending.isEmpty() && groups.size() == 1) {
                Saved s = groups.keySet().iterator().next();
                SlotCode.restore(out, frameLocal, s.kind(), s.slot(), s.local(), s.castTo());
                depth++;
                continue;
            }
            if (groups.isEmpty() && ending.size() == 1) {
                leaf(out, ending.get(0), resume, frameLocal, refSlots);
                return;
            }
            int lo = states.stream().mapToInt(Integer::intValue).min().orElseThrow();
            int hi = states.stream().mapToInt(Integer::intValue).max().orElseThrow();
            LabelNode[] targets = new LabelNode[hi - lo + 1];
            java.util.Arrays.fill(targets, bad);
            Map<Integer, LabelNode> leaves = new LinkedHashMap<>();
            for (int k : ending) {
                leaves.put(k, new LabelNode());
                targets[k - lo] = leaves.get(k);
            }
            Map<List<Integer>, LabelNode> children = new LinkedHashMap<>();
            for (List<Integer> g : groups.values()) {
                LabelNode l = new LabelNode();
                children.put(g, l);
                for (int k : g) {
                    targets[k - lo] = l;
                }
            }
            out.add(new VarInsnNode(ALOAD, frameLocal));
            out.add(new FieldInsnNode(GETFIELD, Names.FRAME, "state", "I"));
            out.add(new TableSwitchInsnNode(lo, hi, bad, targets));
            for (Map.Entry<Integer, LabelNode> e : leaves.entrySet()) {
                out.add(e.getValue());
                leaf(out, e.getKey(), resume, frameLocal, refSlots);
            }
            for (Map.Entry<List<Integer>, LabelNode> e : children.entrySet()) {
                out.add(e.getValue());
                node(out, e.getKey(), depth, ops, resume, bad, frameLocal, refSlots);
            }
            return;
        }
    }

    private static void leaf(InsnList out, int state, LabelNode[] resume, int frameLocal, int refSlots) {
        SlotCode.clearRefs(out, frameLocal, 0, refSlots);
        out.add(new JumpInsnNode(GOTO, resume[state]));
    }
}
