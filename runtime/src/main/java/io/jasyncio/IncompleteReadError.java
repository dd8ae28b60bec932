package io.jasyncio;

import java.io.EOFException;

/**
 * asyncio.IncompleteReadError: the stream ended before a read was satisfied. It carries the
 * bytes that were read ({@link #partial()}, taken from the stream) and how many were expected.
 * An {@link EOFException}, as asyncio's is an {@code EOFError}.
 */
public final class IncompleteReadError extends EOFException {
    private static final long serialVersionUID = 1L;

    private final byte[] partial;
    private final int expected;

    /**
     * @param partial the bytes read before the end of the stream
     * @param expected how many bytes were expected, or -1 when the read waited for a separator
     */
    public IncompleteReadError(byte[] partial, int expected) {
        super(partial.length + " bytes read on a total of " + (expected < 0 ? "undefined" : String.valueOf(expected))
                + " expected bytes");
        this.partial = partial.clone();
        this.expected = expected;
    }

    /** The bytes read before the end of the stream. */
    public byte[] partial() {
        return partial.clone();
    }

    /** How many bytes were expected; -1 for a read up to a separator (asyncio's {@code None}). */
    public int expected() {
        return expected;
    }
}
