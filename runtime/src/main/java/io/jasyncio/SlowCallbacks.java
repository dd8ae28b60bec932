package io.jasyncio;

import java.util.Locale;

/**
 * Debug mode: runs one callback or task step and reports it when it held the loop for at least
 * the loop's slow-callback duration (asyncio: "Executing &lt;Handle ...&gt; took 0.150 seconds").
 * Measured on the real monotonic clock: a slow step blocks the thread even under virtual time.
 */
final class SlowCallbacks {
    private SlowCallbacks() {}

    static void runTimed(EventLoop loop, Object taskOrHandle) {
        long t0 = System.nanoTime();
        try {
            if (taskOrHandle instanceof Task<?> t) {
                t.step();
            } else {
                ((Handle) taskOrHandle).run();
            }
        } finally {
            double dt = (System.nanoTime() - t0) * 1e-9;
            if (dt >= loop.getSlowCallbackDuration()) {
                DebugWarnings.warn(String.format(Locale.ROOT, "Executing %s took %.3f seconds", taskOrHandle, dt));
            }
        }
    }
}
