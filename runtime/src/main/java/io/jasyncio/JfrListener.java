package io.jasyncio;

import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/**
 * Turns {@link Jfr#recording} on while any JFR recording runs, and registers the periodic
 * {@code io.jasyncio.LoopStatistics} event once JFR is initialised (registering it earlier
 * would initialise JFR in every program).
 */
final class JfrListener implements FlightRecorderListener {
    private JfrListener() {}

    /** Registers the listener; when JFR is already initialised it is told so at once. */
    static void install() {
        FlightRecorder.addListener(new JfrListener());
    }

    @Override
    public void recorderInitialized(FlightRecorder recorder) {
        FlightRecorder.addPeriodicEvent(JfrEvents.LoopStatistics.class, JfrEvents::emitLoopStatistics);
        update(recorder);
    }

    @Override
    public void recordingStateChanged(Recording changed) {
        update(FlightRecorder.getFlightRecorder());
    }

    private static void update(FlightRecorder recorder) {
        boolean running = false;
        for (Recording r : recorder.getRecordings()) {
            running |= r.getState() == RecordingState.RUNNING;
        }
        Jfr.recording = running;
    }
}
