package io.jasyncio;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One stream connection on the loop (asyncio's selector socket transport and stream protocol in
 * one): it reads whatever arrives into its {@link StreamReader}, writes what its
 * {@link StreamWriter} is given (at once when the socket takes it, else buffered until it is
 * writable), applies flow control both ways, and closes the channel exactly once.
 *
 * <p>Flow control: reading stops while the reader holds more than twice its limit; a writer whose
 * buffer grows past the high-water mark makes {@code drain()} wait until it falls to the low-water
 * mark (asyncio's defaults, 64 KiB and 16 KiB).
 */
final class SocketTransport {
    static final int DEFAULT_HIGH_WATER = 64 * 1024;

    final EventLoop loop;
    final SocketChannel channel;
    final StreamReader reader;
    /** The server that accepted this connection (null for a client): told when it is gone. */
    private final Server server;

    /** Bytes the socket did not take yet, oldest first (null while empty). */
    private ArrayDeque<ByteBuffer> pending;

    private long buffered;
    private int highWater = DEFAULT_HIGH_WATER;
    private int lowWater = DEFAULT_HIGH_WATER / 4;
    private boolean writingPaused;
    private List<Future<Void>> drainWaiters;

    private boolean readingPaused;
    private boolean eofReceived;
    private boolean closing;
    private boolean eofRequested;
    private boolean lost;
    private Throwable lostError;
    private Future<Void> closed;
    /** Kept from the start, so that they can still be asked once the channel is closed. */
    private final SocketAddress peer;

    private final SocketAddress local;

    SocketTransport(EventLoop loop, SocketChannel channel, StreamReader reader, Server server) {
        this.loop = loop;
        this.channel = channel;
        this.reader = reader;
        this.server = server;
        this.peer = address(channel, true);
        this.local = address(channel, false);
        reader.setTransport(this);
        loop.io.watch(channel, true, this::readReady);
    }

    // ---- reading ------------------------------------------------------------------------

    private void readReady() {
        if (lost || readingPaused || eofReceived) {
            return;
        }
        ByteBuffer buf = loop.io.readBuffer();
        int n;
        try {
            n = channel.read(buf);
        } catch (IOException e) {
            forceClose(e);
            return;
        }
        if (n > 0) {
            reader.feedData(buf.array(), 0, n);
        } else if (n < 0) {
            // the peer closed its side: the reader sees the end, we may still write (half-close)
            eofReceived = true;
            loop.io.unwatch(channel, true);
            reader.feedEof();
        }
    }

    void pauseReading() {
        if (!readingPaused && !closing && !eofReceived) {
            readingPaused = true;
            loop.io.unwatch(channel, true);
        }
    }

    void resumeReading() {
        if (readingPaused) {
            readingPaused = false;
            if (!closing && !lost && !eofReceived) {
                loop.io.watch(channel, true, this::readReady);
            }
        }
    }

    // ---- writing ------------------------------------------------------------------------

    void write(byte[] data, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, data.length);
        if (eofRequested) {
            throw new IllegalStateException("Cannot call write() after write_eof()");
        }
        if (len == 0 || lost || closing && pending == null) {
            return; // asyncio drops writes to a connection that is gone
        }
        if (pending == null) {
            ByteBuffer b = ByteBuffer.wrap(data, off, len);
            try {
                channel.write(b);
            } catch (IOException e) {
                forceClose(e);
                return;
            }
            if (!b.hasRemaining()) {
                return;
            }
            off = b.position();
            len = b.remaining();
            pending = new ArrayDeque<>(4);
            loop.io.watch(channel, false, this::writeReady);
        }
        pending.add(ByteBuffer.wrap(java.util.Arrays.copyOfRange(data, off, off + len)));
        buffered += len;
        if (!writingPaused && buffered > highWater) {
            writingPaused = true;
        }
    }

    private void writeReady() {
        if (lost || pending == null) {
            return;
        }
        long n;
        try {
            n = channel.write(pending.toArray(new ByteBuffer[0]));
        } catch (IOException e) {
            forceClose(e);
            return;
        }
        buffered -= n;
        while (!pending.isEmpty() && !pending.peekFirst().hasRemaining()) {
            pending.pollFirst();
        }
        maybeResumeWriting();
        if (!pending.isEmpty()) {
            return;
        }
        pending = null;
        loop.io.unwatch(channel, false);
        if (closing) {
            connectionLost(null);
        } else if (eofRequested) {
            shutdownOutput();
        }
    }

    private void maybeResumeWriting() {
        if (writingPaused && buffered <= lowWater) {
            writingPaused = false;
            wakeDrainWaiters(null);
        }
    }

    private void wakeDrainWaiters(Throwable error) {
        List<Future<Void>> ws = drainWaiters;
        if (ws == null) {
            return;
        }
        drainWaiters = null;
        for (Future<Void> w : ws) {
            if (!w.done()) {
                if (error == null) {
                    w.setResult(null);
                } else {
                    w.setException(error);
                }
            }
        }
    }

    /**
     * asyncio's drain helper: a future to wait on while the write buffer is over its high-water
     * mark, null when there is no need to wait; fails once the connection is lost.
     */
    Future<Void> drainWaiter() throws IOException {
        if (lost) {
            throw connectionLostError();
        }
        if (!writingPaused) {
            return null;
        }
        Future<Void> w = loop.createFuture();
        if (drainWaiters == null) {
            drainWaiters = new ArrayList<>(2);
        }
        drainWaiters.add(w);
        return w;
    }

    /** A drain waiter is done (woken, failed or cancelled): forget it. */
    void drainDone(Future<Void> w) {
        if (drainWaiters != null) {
            drainWaiters.remove(w);
        }
    }

    private IOException connectionLostError() {
        SocketException e = new SocketException("Connection lost");
        if (lostError != null) {
            e.initCause(lostError);
        }
        return e;
    }

    long writeBufferSize() {
        return buffered;
    }

    void setWriteBufferLimits(int high, int low) {
        if (high < 0 || low < 0 || low > high) {
            throw new IllegalArgumentException("high (" + high + ") must be >= low (" + low + ") must be >= 0");
        }
        highWater = high;
        lowWater = low;
        if (!writingPaused && buffered > highWater) {
            writingPaused = true;
        }
        maybeResumeWriting();
    }

    int highWater() {
        return highWater;
    }

    int lowWater() {
        return lowWater;
    }

    void writeEof() {
        if (closing || eofRequested) {
            return;
        }
        eofRequested = true;
        if (pending == null) {
            shutdownOutput();
        }
    }

    private void shutdownOutput() {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            forceClose(e);
        }
    }

    // ---- closing ------------------------------------------------------------------------

    boolean isClosing() {
        return closing;
    }

    /** Closes after the buffered bytes are written (asyncio's transport.close). */
    void close() {
        if (closing) {
            return;
        }
        closing = true;
        loop.io.unwatch(channel, true);
        if (pending == null) {
            loop.callSoon(() -> connectionLost(null));
        }
    }

    /** Closes at once, dropping the buffered bytes (asyncio's transport.abort). */
    void abort() {
        forceClose(null);
    }

    private void forceClose(Throwable error) {
        if (lost) {
            return;
        }
        if (pending != null) {
            pending = null;
            buffered = 0;
            loop.io.unwatch(channel, false);
        }
        if (!closing) {
            closing = true;
            loop.io.unwatch(channel, true);
        }
        lost = true;
        lostError = error;
        loop.callSoon(() -> finishLost(error));
    }

    private void connectionLost(Throwable error) {
        if (lost) {
            return;
        }
        lost = true;
        lostError = error;
        finishLost(error);
    }

    /** The channel is gone: close it, tell the reader, the drain waiters, waitClosed and the server. */
    private void finishLost(Throwable error) {
        loop.io.forget(channel);
        try {
            channel.close();
        } catch (IOException e) {
            // the descriptor is released either way; nothing more to do with this connection
        }
        if (error == null) {
            reader.feedEof();
        } else {
            reader.setException(error);
        }
        wakeDrainWaiters(error);
        Future<Void> c = closed;
        if (c != null && !c.done()) {
            if (error == null) {
                c.setResult(null);
            } else {
                c.setException(error);
            }
        }
        if (server != null) {
            server.detach(this);
        }
    }

    /** A future done when the connection is closed (failed with the error that ended it, if any). */
    Future<Void> closedFuture() {
        Future<Void> c = closed;
        if (c == null) {
            c = closed = loop.createFuture();
            if (lost && !channel.isOpen()) {
                if (lostError == null) {
                    c.setResult(null);
                } else {
                    c.setException(lostError);
                }
            }
        }
        return c;
    }

    private static SocketAddress address(SocketChannel ch, boolean remote) {
        try {
            return remote ? ch.getRemoteAddress() : ch.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    SocketAddress peerAddress() {
        return peer;
    }

    SocketAddress localAddress() {
        return local;
    }

    @Override
    public String toString() {
        return "<SocketTransport " + (lost ? "closed" : closing ? "closing" : "open") + " peer=" + peerAddress()
                + (buffered > 0 ? " buffered=" + buffered : "") + ">";
    }
}
