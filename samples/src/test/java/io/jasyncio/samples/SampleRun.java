package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.getRunningLoop;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Runs one sample the way {@code Samples --fast} does, on the event loop's virtual clock, with
 * the virtual wall clock pinned to 2026-01-01T09:00:00 UTC, and returns what it printed, each
 * line stamped with the virtual time of the loop running in the printing thread.
 */
final class SampleRun {
    static final String START = "2026-01-01T09:00:00Z";

    private SampleRun() {}

    static List<String> of(Sample sample) {
        PrintStream out = System.out;
        TimeZone zone = TimeZone.getDefault();
        String clock = System.getProperty("jasyncio.clock");
        String start = System.getProperty("jasyncio.clock.start");
        TimedLines lines = new TimedLines(SampleRun::loopTime);
        List<String> result = new ArrayList<>();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            System.setProperty("jasyncio.clock", "virtual");
            System.setProperty("jasyncio.clock.start", START);
            System.setOut(new PrintStream(lines, true, StandardCharsets.UTF_8));
            try {
                sample.program().main(new String[0]);
            } catch (Exception | Error e) {
                System.out.flush();
                result.add("!! " + e);
            }
        } finally {
            System.setOut(out);
            TimeZone.setDefault(zone);
            restore("jasyncio.clock", clock);
            restore("jasyncio.clock.start", start);
        }
        result.addAll(0, lines.lines());
        return result;
    }

    /** The virtual time of the loop running in this thread, or {@code -} where none runs. */
    static String loopTime() {
        double time;
        try {
            time = getRunningLoop().time();
        } catch (RuntimeException noRunningLoop) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.3f", time);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
