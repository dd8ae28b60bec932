package io.jasyncio;

/** Receives errors the loop caught (a throwing callback, a failure during shutdown...). */
@FunctionalInterface
public interface ExceptionHandler {
    /**
     * Handles an error the loop caught.
     * @param loop the loop that caught it
     * @param context what happened
     */
    void handle(EventLoop loop, ExceptionContext context);
}
