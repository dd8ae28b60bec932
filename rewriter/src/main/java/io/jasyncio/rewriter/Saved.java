package io.jasyncio.rewriter;

/**
 * One value kept in the frame across a suspension: which local holds it in the body, how it is
 * stored, which slot it gets, and the cast that restores its type.
 */
record Saved(Kind kind, int local, int slot, String castTo) {
}
