package io.jasyncio;

import java.util.Locale;

/**
 * Runs one callback or task step and reports it when it held the loop for at least the loop's
 * slow-callback duration: in debug mode as asyncio does ("Executing &lt;Handle ...&gt; took
 * 0.150 seconds"), and as a JFR {@code io.jasyncio.SlowStep} event when a recording enables it.
 * Measured on the real monotonic clock: a slow step blocks the thread even under virtual time.
 */
final class SlowCallbacks {
    private SlowCallbacks() {}

    static void runTimed(EventLoop loop, Object taskOrHandle) {
        Object event = Jfr.recording ? JfrEvents.beginSlowStep() : null;
        boolean debug = loop.getDebug();
        if (event == null && !debug) {
            run(taskOrHandle);
            return;
        }
        long t0 = System.nanoTime();
        try {
            run(taskOrHandle);
        } finally {
            double dt = (System.nanoTime() - t0) * 1e-9;
            if (dt >= loop.getSlowCallbackDuration()) {
                if (debug) {
                    DebugWarnings.warn(String.format(Locale.ROOT, "Executing %s took %.3f seconds", taskOrHandle, dt));
                }
                if (event != null) {
                    JfrEvents.slowStep(event, loop, taskOrHandle);
                }
            }
        }
    }

    private static void run(Object taskOrHandle) {
        if (taskOrHandle instanceof Task<?> t) {
            t.step();
        } else {
            ((Handle) taskOrHandle).run();
        }
    }
}
