package io.jasyncio.maven;

import java.util.ArrayList;
import java.util.List;

/** What one run of {@link Instrumenter} did and found. */
final class InstrumentReport {
    int upToDate;
    int scanned;
    final List<String> rewritten = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    String summary(String directory) {
        if (scanned == 0 && upToDate == 0) {
            return "jasyncio: no class files in " + directory;
        }
        if (scanned == 0) {
            return "jasyncio: all " + upToDate + " class files in " + directory + " are up to date, nothing to rewrite";
        }
        return "jasyncio: rewrote " + rewritten.size() + " of " + scanned + " changed class files in " + directory
                + (upToDate > 0 ? " (" + upToDate + " up to date)" : "")
                + (errors.isEmpty() ? "" : ", " + errors.size() + (errors.size() == 1 ? " error" : " errors"));
    }
}
