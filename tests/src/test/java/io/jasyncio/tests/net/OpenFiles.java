package io.jasyncio.tests.net;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

/**
 * The number of open sockets, pipes and selectors (epoll instances) of this JVM (Linux /proc), to
 * check that nothing leaks. Regular files are left out: the JVM opens a jar for good the first
 * time it loads a class from it, whichever test that happens in.
 */
final class OpenFiles {
    private OpenFiles() {}

    /** The count now, or -1 where /proc/self/fd does not exist (then leak checks are skipped). */
    static int count() {
        File[] fds = new File("/proc/self/fd").listFiles();
        if (fds == null) {
            return -1;
        }
        int n = 0;
        for (File fd : fds) {
            try {
                String target = Files.readSymbolicLink(fd.toPath()).toString();
                if (target.startsWith("socket:") || target.startsWith("pipe:") || target.startsWith("anon_inode:")) {
                    n++;
                }
            } catch (IOException | UnsupportedOperationException e) {
                // closed since the listing (the listing's own descriptor among them): not open
            }
        }
        return n;
    }

    /**
     * The count once it is at most {@code limit}, or after two seconds the count then. Other threads
     * may still be finishing with a descriptor of their own when a test ends (the default
     * executor's name lookups, the JDK closing a channel that a selector had registered only when it
     * deregisters the key): a leak stays, a passing use goes away.
     */
    static int settledAtMost(int limit) throws InterruptedException {
        int n = count();
        for (int i = 0; i < 200 && n > limit; i++) {
            Thread.sleep(10);
            n = count();
        }
        return n;
    }
}
