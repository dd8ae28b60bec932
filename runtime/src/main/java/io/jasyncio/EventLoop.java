package io.jasyncio;

/** The single-threaded event loop. SKELETON: signatures fixed, bodies filled in by the runtime core. */
public class EventLoop {
}
