package io.jasyncio;

/**
 * Test coroutine: {@code depth} coroutines each awaiting the next; the innermost awaits
 * {@code bottom} (suspending there when it is pending) and each level adds 1 to the result.
 */
final class Chain extends Coroutine<Integer> {
    private final int depth;
    private final Object bottom;
    private int state;

    Chain(int depth, Object bottom) {
        this.depth = depth;
        this.bottom = bottom;
    }

    @Override
    protected Object resume(Task<?> task) throws Throwable {
        Object r;
        if (state == 0) {
            r = awaitStep(task, depth == 0 ? bottom : new Chain(depth - 1, bottom));
            if (r == SUSPEND) {
                state = 1;
                return SUSPEND;
            }
        } else {
            r = awaitResult(task);
        }
        return depth == 0 ? r : (Integer) r + 1;
    }
}
