package io.jasyncio;

import java.io.IOException;

/**
 * asyncio.LimitOverrunError: {@link StreamReader#readUntil} found no separator within the
 * reader's limit. The buffer is left as it was; {@link #consumed()} says how many bytes would
 * have to be consumed to get past the limit.
 */
public final class LimitOverrunError extends IOException {
    private static final long serialVersionUID = 1L;

    private final int consumed;

    /** @param consumed how many bytes to consume to get past the limit */
    public LimitOverrunError(String message, int consumed) {
        super(message);
        this.consumed = consumed;
    }

    /** How many bytes to consume to get past the limit. */
    public int consumed() {
        return consumed;
    }
}
