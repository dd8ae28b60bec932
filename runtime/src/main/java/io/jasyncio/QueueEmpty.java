package io.jasyncio;

/** asyncio.QueueEmpty: {@link AsyncQueue#getNowait} on an empty queue. */
public class QueueEmpty extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The error {@code getNowait} throws. */
    public QueueEmpty() {
        super("queue is empty");
    }
}
