package io.jasyncio;

/** The marker a coroutine body returns when it suspends; never visible to users. */
final class Suspend {
    static final Object SUSPEND = new Suspend();

    private Suspend() {}

    @Override
    public String toString() {
        return "<suspend>";
    }
}
