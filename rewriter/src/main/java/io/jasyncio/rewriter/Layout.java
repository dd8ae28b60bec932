package io.jasyncio.rewriter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Frame slots of one method. A local keeps the same slot at every state (references and
 * primitives counted apart), so the save and restore code of different await sites is
 * identical for the values they share and can be shared (see {@link StateBlocks}): the code
 * stays linear in size even for hundreds of locals live across many awaits.
 */
final class Layout {
    private final Map<Integer, Integer> refs = new HashMap<>();
    private final Map<Integer, Integer> prims = new HashMap<>();

    Saved saved(Kind kind, int local, String castTo) {
        int slot = -1;
        if (kind == Kind.REF) {
            slot = refs.computeIfAbsent(local, l -> refs.size());
        } else if (kind.isPrimitive()) {
            slot = prims.computeIfAbsent(local, l -> prims.size());
        }
        return new Saved(kind, local, slot, castTo);
    }

    int refSlots() {
        return refs.size();
    }

    int primSlots() {
        return prims.size();
    }

    /** The values of one state, in ascending local order. */
    static List<Saved> sorted(List<Saved> values) {
        List<Saved> l = new ArrayList<>(values);
        l.sort((a, b) -> Integer.compare(a.local(), b.local()));
        return l;
    }
}
