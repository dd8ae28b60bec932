package io.jasyncio;

/** When {@link AsyncIO#waitTasks} returns (asyncio's FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED). */
public enum ReturnWhen {
    /** As soon as any future finishes or is cancelled. */
    FIRST_COMPLETED,
    /** As soon as any future finishes by raising (a cancellation does not count); else as ALL_COMPLETED. */
    FIRST_EXCEPTION,
    /** When every future has finished or been cancelled. */
    ALL_COMPLETED
}
