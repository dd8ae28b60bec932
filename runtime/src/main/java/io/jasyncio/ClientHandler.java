package io.jasyncio;

/**
 * What a server runs for each accepted connection (asyncio's {@code client_connected_cb}): an
 * {@code @Async} method or an async lambda taking the connection's reader and writer. It runs in
 * a task of its own. If it fails, the failure goes to the loop's exception handler and the
 * connection is closed; the server keeps serving. When it returns normally the connection stays
 * as the handler left it (close the writer to end it), as in asyncio.
 */
@FunctionalInterface
public interface ClientHandler {
    /** The coroutine that serves one connection. */
    Coroutine<?> handle(StreamReader reader, StreamWriter writer) throws Exception;
}
