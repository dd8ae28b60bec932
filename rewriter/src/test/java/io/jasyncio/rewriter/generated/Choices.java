package io.jasyncio.rewriter.generated;

import java.util.List;

/**
 * The random decisions of one generated program, as a list of numbers jqwik produces and
 * shrinks. Every decision takes the next number modulo its number of options; an exhausted
 * list answers 0, and option 0 is always the simplest (end the block, use a variable), so a
 * shorter list or smaller numbers give a smaller program: jqwik's shrinking shrinks programs.
 */
final class Choices {
    private final List<Integer> values;
    private int next;

    Choices(List<Integer> values) {
        this.values = values;
    }

    int next(int options) {
        if (next >= values.size()) {
            return 0;
        }
        return Math.floorMod(values.get(next++), options);
    }

    boolean chance(int percent) {
        return next(100) >= 100 - percent;
    }
}
