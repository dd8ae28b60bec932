package io.jasyncio;

import java.util.function.Consumer;

/**
 * Where debug-mode findings go (slow callbacks, never-awaited coroutines): the "io.jasyncio"
 * System.Logger at WARNING, as asyncio logs them (and warns). Tests swap the sink.
 */
final class DebugWarnings {
    private static final System.Logger LOG = System.getLogger("io.jasyncio");
    static volatile Consumer<String> sink = message -> LOG.log(System.Logger.Level.WARNING, message);

    private DebugWarnings() {}

    static void warn(String message) {
        sink.accept(message);
    }
}
