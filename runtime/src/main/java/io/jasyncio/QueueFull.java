package io.jasyncio;

/** asyncio.QueueFull: {@link AsyncQueue#putNowait} on a full queue. */
public class QueueFull extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The error {@code putNowait} throws. */
    public QueueFull() {
        super("queue is full");
    }
}
