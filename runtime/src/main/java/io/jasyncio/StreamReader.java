package io.jasyncio;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * asyncio.StreamReader: the incoming bytes of a connection, read with awaitable calls such as
 * {@code await(reader.readLine())}. Made by {@link AsyncIO#openConnection} and handed to a
 * server's {@link ClientHandler}; a reader can also be fed by hand ({@link #feedData},
 * {@link #feedEof}), as in asyncio.
 *
 * <p>Each read method returns a lazy coroutine; one read may wait at a time ("already waiting"
 * otherwise). A read that is cancelled while it waits takes nothing from the buffer: the bytes
 * stay for the next read. The buffer holds at most about twice {@link #limit()} bytes before the
 * connection stops reading from the network until the reader consumes some (flow control);
 * {@link #readLine()} and {@link #readUntil} fail when no separator is found within the limit.
 */
public final class StreamReader {
    /** asyncio's default limit: 64 KiB. */
    public static final int DEFAULT_LIMIT = 64 * 1024;

    private static final byte[] EMPTY = new byte[0];
    private static final byte[] NEWLINE = {'\n'};

    private final int limit;
    private byte[] buf = EMPTY;
    private int start;
    private int end;
    private boolean eof;
    private Throwable exception;
    /** The future a waiting read is parked on, released by new data, end of stream or an error. */
    private Future<Void> waiter;
    /** The connection feeding this reader (null when fed by hand): paused when the buffer is full. */
    private SocketTransport transport;

    private boolean paused;
    private EventLoop loop;

    /** A reader with the default limit, fed by hand. */
    public StreamReader() {
        this(DEFAULT_LIMIT);
    }

    /** A reader whose buffer limit is {@code limit} bytes (must be positive). */
    public StreamReader(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("Limit cannot be <= 0");
        }
        this.limit = limit;
    }

    /** The buffer limit this reader was made with. */
    public int limit() {
        return limit;
    }

    void setTransport(SocketTransport transport) {
        this.transport = transport;
        this.loop = transport.loop;
    }

    /** The error that ended the connection, or null. */
    public Throwable exception() {
        return exception;
    }

    /** Fails every read from now on with {@code error}, waking a waiting read (asyncio's set_exception). */
    public void setException(Throwable error) {
        exception = Objects.requireNonNull(error, "error");
        Future<Void> w = waiter;
        if (w != null) {
            waiter = null;
            if (!w.done()) {
                w.setException(error);
            }
        }
    }

    /** Marks the end of the stream and wakes a waiting read. */
    public void feedEof() {
        eof = true;
        wakeWaiter();
    }

    /** True when the end of the stream was fed and the buffer is empty. */
    public boolean atEof() {
        return eof && start == end;
    }

    /** Appends {@code data} to the buffer and wakes a waiting read; fails after {@link #feedEof()}. */
    public void feedData(byte[] data) {
        feedData(data, 0, data.length);
    }

    /** Appends {@code len} bytes of {@code data} from {@code off}. */
    public void feedData(byte[] data, int off, int len) {
        if (eof) {
            throw new IllegalStateException("feed_data after feed_eof");
        }
        Objects.checkFromIndexSize(off, len, data.length);
        if (len == 0) {
            return;
        }
        ensureRoom(len);
        System.arraycopy(data, off, buf, end, len);
        end += len;
        wakeWaiter();
        if (transport != null && !paused && buffered() > 2L * limit) {
            paused = true;
            transport.pauseReading();
        }
    }

    /** Bytes in the buffer. */
    int buffered() {
        return end - start;
    }

    private void ensureRoom(int len) {
        if (buf.length - end >= len) {
            return;
        }
        int size = end - start;
        if (buf.length - size >= len && start > 0 && size <= buf.length / 2) {
            System.arraycopy(buf, start, buf, 0, size);
        } else {
            byte[] bigger = new byte[Math.max(size + len, Math.max(256, buf.length * 2))];
            System.arraycopy(buf, start, bigger, 0, size);
            buf = bigger;
        }
        start = 0;
        end = size;
    }

    private void wakeWaiter() {
        Future<Void> w = waiter;
        if (w != null) {
            waiter = null;
            Futures.release(w);
        }
    }

    /** Takes the first {@code n} buffered bytes. */
    private byte[] take(int n) {
        byte[] out = Arrays.copyOfRange(buf, start, start + n);
        start += n;
        if (start == end) {
            start = 0;
            end = 0;
            if (buf.length > 4 * limit) {
                buf = EMPTY; // a burst grew the buffer: give the memory back
            }
        }
        maybeResumeTransport();
        return out;
    }

    private void maybeResumeTransport() {
        if (paused && buffered() <= limit) {
            paused = false;
            transport.resumeReading();
        }
    }

    /** A future to park the read named {@code op} on until something arrives. */
    Future<Void> waitForData(String op) {
        if (waiter != null) {
            throw new IllegalStateException(
                    op + "() called while another coroutine is already waiting for incoming data");
        }
        if (paused) {
            // the reader needs more than the buffer holds: let the connection read again
            paused = false;
            transport.resumeReading();
        }
        EventLoop l = loop != null ? loop : AsyncIO.getRunningLoop();
        waiter = l.createFuture();
        return waiter;
    }

    /** The read that parked on {@code w} resumed (by data, or by an error or cancellation). */
    void waitDone(Future<Void> w) {
        if (waiter == w) {
            waiter = null;
        }
    }

    private void checkException() throws Throwable {
        if (exception != null) {
            throw exception;
        }
    }

    /**
     * Reads up to {@code n} bytes: waits until at least one byte is there or the stream ended
     * (empty result at end of stream). {@code n < 0} reads until the end of the stream.
     */
    public Coroutine<byte[]> read(int n) throws IOException {
        return new ReadOp<>(this, "read") {
            private java.io.ByteArrayOutputStream all;

            @Override
            Object attempt() throws Throwable {
                checkException();
                if (n == 0) {
                    return EMPTY;
                }
                if (n < 0) {
                    if (buffered() > 0) {
                        if (all == null) {
                            all = new java.io.ByteArrayOutputStream();
                        }
                        byte[] chunk = take(buffered());
                        all.write(chunk, 0, chunk.length);
                    }
                    if (eof) {
                        return all == null ? EMPTY : all.toByteArray();
                    }
                    return AGAIN;
                }
                if (buffered() == 0) {
                    return eof ? EMPTY : AGAIN;
                }
                return take(Math.min(n, buffered()));
            }
        };
    }

    /** Reads one line ending with {@code \n} (included); at end of stream, what is left (maybe empty). */
    public Coroutine<byte[]> readLine() throws IOException {
        return new ReadOp<>(this, "readline") {
            @Override
            Object attempt() throws Throwable {
                try {
                    return until(this, NEWLINE);
                } catch (IncompleteReadError e) {
                    return e.partial();
                } catch (LimitOverrunError e) {
                    // asyncio: drop the overlong line (up to its separator when there is one)
                    int consumed = e.consumed();
                    if (startsWith(consumed, NEWLINE)) {
                        take(consumed + 1);
                    } else {
                        take(buffered());
                    }
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            }
        };
    }

    /** Reads exactly {@code n} bytes; at an earlier end of stream fails with {@link IncompleteReadError}. */
    public Coroutine<byte[]> readExactly(int n) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("readexactly size can not be less than zero");
        }
        return new ReadOp<>(this, "readexactly") {
            @Override
            Object attempt() throws Throwable {
                checkException();
                if (n == 0) {
                    return EMPTY;
                }
                if (buffered() >= n) {
                    return take(n);
                }
                if (eof) {
                    byte[] partial = take(buffered());
                    throw new IncompleteReadError(partial, n);
                }
                return AGAIN;
            }
        };
    }

    /**
     * Reads up to and including {@code separator}. At end of stream without it, fails with
     * {@link IncompleteReadError} carrying what was left (and consumes it); when the separator is
     * not within {@link #limit()} bytes, fails with {@link LimitOverrunError} and leaves the
     * buffer as it is.
     */
    public Coroutine<byte[]> readUntil(byte[] separator) throws IOException {
        Objects.requireNonNull(separator, "separator");
        if (separator.length == 0) {
            throw new IllegalArgumentException("Separator should be at least one-byte string");
        }
        byte[] sep = separator.clone();
        return new ReadOp<>(this, "readuntil") {
            @Override
            Object attempt() throws Throwable {
                return until(this, sep);
            }
        };
    }

    /**
     * One attempt of asyncio's readuntil: the chunk, or {@link ReadOp#AGAIN} to wait for data.
     * {@code op.searched} keeps how far from the buffer's start the separator cannot begin, so
     * that each arrival is searched once (only the waiting read consumes, so it stays valid).
     */
    private Object until(ReadOp<?> op, byte[] sep) throws Throwable {
        checkException();
        int offset = op.searched;
        int isep = -1;
        int size = buffered();
        if (size - offset >= sep.length) {
            isep = indexOf(sep, offset);
            if (isep < 0) {
                offset = size + 1 - sep.length;
                if (offset > limit) {
                    throw new LimitOverrunError("Separator is not found, and chunk exceed the limit", offset);
                }
            }
        }
        if (isep < 0) {
            if (eof) {
                throw new IncompleteReadError(take(size), -1);
            }
            op.searched = offset;
            return ReadOp.AGAIN;
        }
        if (isep > limit) {
            throw new LimitOverrunError("Separator is found, but chunk is longer than limit", isep);
        }
        return take(isep + sep.length);
    }

    private int indexOf(byte[] sep, int from) {
        outer:
        for (int i = start + from; i <= end - sep.length; i++) {
            for (int j = 0; j < sep.length; j++) {
                if (buf[i + j] != sep[j]) {
                    continue outer;
                }
            }
            return i - start;
        }
        return -1;
    }

    private boolean startsWith(int offset, byte[] sep) {
        if (buffered() - offset < sep.length) {
            return false;
        }
        for (int j = 0; j < sep.length; j++) {
            if (buf[start + offset + j] != sep[j]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<StreamReader");
        if (buffered() > 0) {
            sb.append(' ').append(buffered()).append(" bytes");
        }
        if (eof) {
            sb.append(" eof");
        }
        if (limit != DEFAULT_LIMIT) {
            sb.append(" limit=").append(limit);
        }
        if (waiter != null) {
            sb.append(" waiter");
        }
        if (exception != null) {
            sb.append(" exception=").append(exception);
        }
        if (paused) {
            sb.append(" paused");
        }
        return sb.append('>').toString();
    }
}
