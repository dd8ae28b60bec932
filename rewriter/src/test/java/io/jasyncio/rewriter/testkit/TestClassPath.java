package io.jasyncio.rewriter.testkit;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The test JVM's class path as a list of entries, for the compilers. */
final class TestClassPath {
    private TestClassPath() {}

    static List<String> entries() {
        // Surefire may run tests from a manifest-only jar; it then publishes the real path here.
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        return Arrays.stream(cp.split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .collect(Collectors.toList());
    }

    /**
     * What test programs compile against: the JDK plus the jasyncio runtime and the test classes
     * (Trace, the blocking stand-in), i.e. class directories and jasyncio jars. Leaving the
     * other jars out keeps every compiler run cheap.
     */
    static List<String> forPrograms() {
        return entries().stream()
                .filter(e -> new File(e).isDirectory() || new File(e).getName().contains("jasyncio"))
                .collect(Collectors.toList());
    }

    static String joined() {
        return String.join(File.pathSeparator, forPrograms());
    }
}
