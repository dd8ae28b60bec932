package io.jasyncio;

/**
 * asyncio.QueueShutDown (3.13): putting on a queue that was {@link AsyncQueue#shutdown() shut
 * down}, or getting from one that is shut down and empty (or was shut down immediately).
 */
public class QueueShutDown extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The error a shut-down queue throws. */
    public QueueShutDown() {
        super("queue is shut down");
    }
}
