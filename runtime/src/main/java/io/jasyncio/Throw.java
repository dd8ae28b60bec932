package io.jasyncio;

/** Rethrows any throwable without wrapping, as {@code await} does (checked ones included). */
final class Throw {
    private Throw() {}

    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
