package io.jasyncio.agent;

import java.lang.System.Logger.Level;

/**
 * Where the agent reports: System.Logger, looked up only when there is something to say so
 * that an agent with nothing to report never initialises a logging backend at premain time.
 */
final class AgentLog {
    private final boolean verbose;
    private volatile System.Logger logger;

    AgentLog(boolean verbose) {
        this.verbose = verbose;
    }

    boolean verbose() {
        return verbose;
    }

    /** Printed only with the {@code verbose} option. */
    void info(String message) {
        if (verbose) {
            logger().log(Level.INFO, "jasyncio: " + message);
        }
    }

    void warning(String message) {
        logger().log(Level.WARNING, "jasyncio: " + message);
    }

    void error(String message, Throwable cause) {
        logger().log(Level.ERROR, "jasyncio: " + message, cause);
    }

    private System.Logger logger() {
        System.Logger l = logger;
        if (l == null) {
            l = System.getLogger("io.jasyncio.agent");
            logger = l;
        }
        return l;
    }
}
