package io.jasyncio;

/** Receives errors the loop caught (a throwing callback, a failure during shutdown...). */
@FunctionalInterface
public interface ExceptionHandler {
    void handle(EventLoop loop, ExceptionContext context);
}
