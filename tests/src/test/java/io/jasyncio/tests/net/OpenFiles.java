package io.jasyncio.tests.net;

import java.io.File;

/** The number of open file descriptors of this JVM (Linux /proc), to check that nothing leaks. */
final class OpenFiles {
    private OpenFiles() {}

    /** The count now, or -1 where /proc/self/fd does not exist (then leak checks are skipped). */
    static int count() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length - 1; // the directory listing holds one itself
    }
}
