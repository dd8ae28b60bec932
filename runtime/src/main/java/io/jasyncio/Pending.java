package io.jasyncio;

/** The outcome of a future that is not done yet. */
final class Pending {
    static final Object PENDING = new Pending();

    private Pending() {}

    @Override
    public String toString() {
        return "<pending>";
    }
}
