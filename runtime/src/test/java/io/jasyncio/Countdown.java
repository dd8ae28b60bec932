package io.jasyncio;

import java.util.List;

/**
 * The documented example of a coroutine written by hand against the runtime (the Java
 * counterpart of asyncio's generator-based coroutines). In async style it would be:
 *
 * <pre>{@code
 * @Async Coroutine<Integer> countdown(int n, List<String> log) {
 *     int ticks = 0;
 *     while (n > 0) {
 *         log.add("tick " + n);
 *         await(sleep(1));
 *         n--;
 *         ticks++;
 *     }
 *     return done(ticks);
 * }
 * }</pre>
 *
 * {@link #resume(Task)} is that body as a state machine: state 0 starts, state 1 is "suspended at
 * the await". The locals live in fields across suspensions; the task does not: each resume is
 * given it, and passes it on to {@code awaitStep} and {@code awaitResult}.
 */
final class Countdown extends Coroutine<Integer> {
    private final List<String> log;
    private int n;
    private int ticks;
    private int state;

    Countdown(int n, List<String> log) {
        this.n = n;
        this.log = log;
    }

    @Override
    protected Object resume(Task<?> task) throws Throwable {
        if (state == 1) {
            awaitResult(task); // the sleep's value (null), or its failure (e.g. CancelledError) thrown here
            n--;
            ticks++;
        }
        while (n > 0) {
            log.add("tick " + n);
            Object r = awaitStep(task, AsyncIO.sleep(1));
            if (r == SUSPEND) {
                state = 1;
                return SUSPEND;
            }
            n--; // the await completed without suspending
            ticks++;
        }
        return ticks;
    }
}
