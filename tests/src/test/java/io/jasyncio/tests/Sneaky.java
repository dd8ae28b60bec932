package io.jasyncio.tests;

/** Throws any throwable from code that declares none (for tests that raise Errors on purpose). */
final class Sneaky {
    private Sneaky() {}

    @SuppressWarnings("unchecked")
    static <T extends Throwable> T raise(Throwable t) throws T {
        throw (T) t;
    }
}
