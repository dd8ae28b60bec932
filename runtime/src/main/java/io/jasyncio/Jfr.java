package io.jasyncio;

/**
 * The switch of the JFR events ({@link JfrEvents}): {@link #recording} is true while a JFR
 * recording runs, and the runtime's hooks test only it, so with no recording an event costs
 * one field read and allocates nothing. Whether a given event is enabled in the recording is
 * asked of JFR only once {@link #recording} is true.
 *
 * <p>Nothing here names a {@code jdk.jfr} type: on a JDK image without the {@code jdk.jfr}
 * module, or with {@code -Djasyncio.jfr=false}, {@link #install} leaves the switch off for good
 * and no JFR class is ever loaded.
 */
final class Jfr {
    /** A JFR recording is running: the hooks call {@link JfrEvents}. Written by {@link JfrListener}. */
    static volatile boolean recording;

    private static volatile boolean installed;

    private Jfr() {}

    /**
     * Listens to JFR's recordings from now on (called when a loop is created, so that a
     * recording started before any loop or at JVM start is seen by the first loop).
     */
    static void install() {
        if (!installed) {
            installOnce();
        }
    }

    private static synchronized void installOnce() {
        if (installed) {
            return;
        }
        installed = true;
        if ("false".equals(System.getProperty("jasyncio.jfr"))) {
            return;
        }
        try {
            JfrListener.install();
        } catch (LinkageError | SecurityException e) {
            // no jdk.jfr module in this runtime image, or not allowed to use it: the events stay off
        }
    }
}
