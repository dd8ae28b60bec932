package io.jasyncio.rewriter;

/**
 * One value kept in the frame across a suspension: which local holds it in the body, how it is
 * stored, which slot it gets, and the cast that restores its type.
 */
record Saved(Kind kind, int local, int slot, String castTo) {
    // Written out, unlike a record's default: the default's invokedynamic bootstrap costs the agent
    // tens of milliseconds of start-up the first time a class is rewritten (Saved is a map key).
    @Override
    public boolean equals(Object o) {
        return o instanceof Saved s
                && s.kind == kind
                && s.local == local
                && s.slot == slot
                && java.util.Objects.equals(s.castTo, castTo);
    }

    @Override
    public int hashCode() {
        return ((kind.hashCode() * 31 + local) * 31 + slot) * 31 + java.util.Objects.hashCode(castTo);
    }
}
