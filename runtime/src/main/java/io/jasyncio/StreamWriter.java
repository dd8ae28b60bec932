package io.jasyncio;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.Objects;

/**
 * asyncio.StreamWriter: the outgoing half of a connection. {@link #write} never waits: it hands
 * the bytes to the socket, or buffers what the socket does not take yet; await {@link #drain()}
 * after writing so that a peer that does not read stops the writer instead of letting the buffer
 * grow without bound. {@link #close()} ends the connection once the buffer is written;
 * {@link #waitClosed()} waits for that.
 */
public final class StreamWriter {
    private final SocketTransport transport;

    StreamWriter(SocketTransport transport) {
        this.transport = transport;
    }

    /** Writes {@code data} (copied when it must be buffered); fails after {@link #writeEof()}. */
    public void write(byte[] data) {
        write(data, 0, data.length);
    }

    /** Writes {@code len} bytes of {@code data} from {@code off}. */
    public void write(byte[] data, int off, int len) {
        transport.write(Objects.requireNonNull(data, "data"), off, len);
    }

    /** Writes each of {@code lines} in order (no separator is added). */
    public void writeLines(Iterable<byte[]> lines) {
        for (byte[] line : lines) {
            write(line);
        }
    }

    /** Closes the writing side after the buffered bytes (a half-close); reading goes on. */
    public void writeEof() {
        transport.writeEof();
    }

    /** True: a socket connection can close its writing side alone. */
    public boolean canWriteEof() {
        return true;
    }

    /**
     * Waits until the write buffer is back under its low-water mark when it went over the high
     * one (otherwise returns at once). Fails with the connection's error, or with a
     * {@link java.net.SocketException} "Connection lost" once the connection is gone.
     */
    public Coroutine<Void> drain() throws IOException {
        return new Drain(transport);
    }

    /** Closes the connection once the buffered bytes are written. */
    public void close() {
        transport.close();
    }

    /** True once {@link #close()} was called or the connection was lost. */
    public boolean isClosing() {
        return transport.isClosing();
    }

    /** Waits until the connection is closed; fails with the error that ended it, if one did. */
    public Coroutine<Void> waitClosed() throws IOException {
        return new LazyFuture<>("StreamWriter.waitClosed", transport::closedFuture);
    }

    /** The reader of the same connection. */
    public StreamReader reader() {
        return transport.reader;
    }

    /** The peer's address (asyncio's {@code get_extra_info('peername')}). */
    public SocketAddress peerAddress() {
        return transport.peerAddress();
    }

    /** This end's address (asyncio's {@code get_extra_info('sockname')}). */
    public SocketAddress localAddress() {
        return transport.localAddress();
    }

    /** Bytes written but not yet taken by the socket. */
    public long writeBufferSize() {
        return transport.writeBufferSize();
    }

    /**
     * Sets the flow-control marks (asyncio's {@code transport.set_write_buffer_limits}):
     * {@code drain()} waits once the buffer exceeds {@code high} until it is at most {@code low}.
     */
    public void setWriteBufferLimits(int high, int low) {
        transport.setWriteBufferLimits(high, low);
    }

    /** Closes the connection at once, dropping the buffered bytes (asyncio's {@code transport.abort()}). */
    public void abort() {
        transport.abort();
    }

    @Override
    public String toString() {
        return "<StreamWriter transport=" + transport + " reader=" + transport.reader + ">";
    }

    /**
     * asyncio's StreamWriter.drain: the reader's error first; a closing connection gives up the loop
     * once so that its loss can be noticed; then wait while the buffer is over its high-water mark.
     */
    private static final class Drain extends Coroutine<Void> {
        private final SocketTransport transport;
        private int state;
        private Future<Void> waiter;

        Drain(SocketTransport transport) {
            this.transport = transport;
        }

        @Override
        protected Object resume(Task<?> task) throws Throwable {
            switch (state) {
                case 0 -> {
                    Throwable e = transport.reader.exception();
                    if (e != null) {
                        throw e;
                    }
                    if (transport.isClosing()) {
                        state = 1;
                        if (awaitStep(task, AsyncIO.sleep(0)) == SUSPEND) {
                            return SUSPEND;
                        }
                    }
                }
                case 1 -> awaitResult(task);
                case 2 -> {
                    Future<Void> w = waiter;
                    waiter = null;
                    try {
                        return awaitResult(task);
                    } finally {
                        transport.drainDone(w);
                    }
                }
                default -> throw new IllegalStateException("drain resumed after it finished");
            }
            Future<Void> w = transport.drainWaiter();
            if (w == null) {
                state = 3;
                return null;
            }
            state = 2;
            Object v;
            try {
                v = awaitStep(task, w);
            } catch (Throwable e) {
                transport.drainDone(w);
                throw e;
            }
            if (v == SUSPEND) {
                waiter = w;
                return SUSPEND;
            }
            transport.drainDone(w);
            state = 3;
            return v;
        }

        @Override
        protected StackTraceElement location() {
            return new StackTraceElement("io.jasyncio.StreamWriter", "drain", null, -1);
        }
    }
}
