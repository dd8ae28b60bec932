package io.jasyncio;

/**
 * What an {@link ExceptionHandler} is told about an error the loop caught (asyncio's
 * exception-handler context dict).
 *
 * @param message   what happened
 * @param exception the exception, or null
 * @param future    the future or task concerned, or null
 * @param handle    the callback handle concerned, or null
 */
public record ExceptionContext(String message, Throwable exception, Future<?> future, Handle handle) {
    /**
     * What the loop caught.
     * @param message what was happening
     * @param exception the error, or null
     */
    public ExceptionContext(String message, Throwable exception) {
        this(message, exception, null, null);
    }
}
