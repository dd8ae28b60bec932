package io.jasyncio;

/**
 * A stream connection's two halves, as {@link AsyncIO#openConnection} returns them (asyncio's
 * {@code (reader, writer)} pair).
 *
 * @param reader the incoming bytes
 * @param writer the outgoing bytes, and the connection's close
 */
public record Connection(StreamReader reader, StreamWriter writer) {}
