package io.jasyncio.rewriter;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.tree.analysis.BasicValue;

/** Assigns frame slots to the values saved at one state: references and primitives counted apart. */
final class Layout {
    final List<Saved> values = new ArrayList<>();
    int refs;
    int prims;

    void add(BasicValue value, Kind kind, int local, CastTypes casts) {
        int slot = -1;
        String cast = null;
        if (kind == Kind.REF) {
            slot = refs++;
            cast = casts.castFor(value.getType());
        } else if (kind.isPrimitive()) {
            slot = prims++;
        }
        values.add(new Saved(kind, local, slot, cast));
    }

    void add(Kind kind, int local, String cast) {
        int slot = kind == Kind.REF ? refs++ : kind.isPrimitive() ? prims++ : -1;
        values.add(new Saved(kind, local, slot, cast));
    }
}
