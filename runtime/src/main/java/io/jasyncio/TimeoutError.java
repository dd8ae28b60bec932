package io.jasyncio;

/** An operation exceeded its deadline ({@code waitFor}, {@code asCompleted}, timeouts). */
public class TimeoutError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A timeout error without a message. */
    public TimeoutError() {
        super();
    }

    /**
     * A timeout error.
     * @param message the message
     */
    public TimeoutError(String message) {
        super(message);
    }
}
