package io.jasyncio;

/** An operation exceeded its deadline ({@code waitFor}, {@code asCompleted}, timeouts). */
public class TimeoutError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TimeoutError() {
        super();
    }

    public TimeoutError(String message) {
        super(message);
    }
}
