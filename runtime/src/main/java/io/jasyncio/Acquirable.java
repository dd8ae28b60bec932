package io.jasyncio;

/** What {@code async with} needs of a lock-like primitive: {@link Lock}, {@link Semaphore}, {@link Condition}. */
interface Acquirable {
    /** Takes the primitive, waiting for it when needed. */
    Awaitable<Boolean> acquire();

    /** Gives the primitive back. */
    void release();
}
