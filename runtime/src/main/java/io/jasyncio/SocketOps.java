package io.jasyncio;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;

/**
 * The loop's low-level socket operations (asyncio's {@code loop.sock_recv}, {@code sock_sendall},
 * {@code sock_connect}, {@code sock_accept}): each tries the operation at once and, when the
 * channel is not ready, watches it and tries again on readiness. The returned future is the
 * operation: cancelling it stops watching the channel (on the next loop iteration, through its
 * done callback), and a readiness that arrives in between finds the future done and touches
 * nothing, so no byte is read for a cancelled operation and the channel stays usable.
 */
final class SocketOps {
    private SocketOps() {}

    static Future<Integer> recvInto(EventLoop loop, SocketChannel ch, ByteBuffer buf) {
        checkNonBlocking(ch);
        Objects.requireNonNull(buf, "buffer");
        return whenReady(loop, ch, true, fut -> {
            int n = ch.read(buf);
            if (n != 0 || !buf.hasRemaining()) {
                fut.setResult(n);
                return true;
            }
            return false;
        });
    }

    static Future<Void> sendAll(EventLoop loop, SocketChannel ch, ByteBuffer buf) {
        checkNonBlocking(ch);
        Objects.requireNonNull(buf, "buffer");
        return whenReady(loop, ch, false, fut -> {
            ch.write(buf);
            if (!buf.hasRemaining()) {
                fut.setResult(null);
                return true;
            }
            return false;
        });
    }

    static Future<Void> connect(EventLoop loop, SocketChannel ch, SocketAddress address) {
        checkNonBlocking(ch);
        Objects.requireNonNull(address, "address");
        return whenReady(loop, ch, false, fut -> {
            if (ch.isConnectionPending() ? ch.finishConnect() : ch.connect(address)) {
                fut.setResult(null);
                return true;
            }
            return false;
        });
    }

    static Future<SocketChannel> accept(EventLoop loop, ServerSocketChannel server) {
        checkNonBlocking(server);
        return whenReady(loop, server, true, fut -> {
            SocketChannel ch = server.accept();
            if (ch == null) {
                return false;
            }
            ch.configureBlocking(false);
            fut.setResult(ch);
            return true;
        });
    }

    /** One try of an operation: completes {@code fut} and returns true, or returns false (not ready). */
    @FunctionalInterface
    private interface Attempt<T> {
        boolean tryOnce(Future<T> fut) throws IOException;
    }

    /**
     * Tries {@code attempt} at once and, while the channel is not ready, again on each readiness
     * ({@code read}: readable or acceptable, else writable or connectable). The future's done
     * callback removes the watch, whatever completed it; a readiness that comes after the future
     * is done (cancelled, say) touches nothing.
     */
    private static <T> Future<T> whenReady(EventLoop loop, SelectableChannel ch, boolean read, Attempt<T> attempt) {
        Future<T> fut = loop.createFuture();
        if (tryOnce(fut, attempt)) {
            return fut;
        }
        Handle handle = loop.io.watch(ch, read, () -> {
            if (!fut.done()) {
                tryOnce(fut, attempt);
            }
        });
        fut.addDoneCallback(f -> loop.io.unwatch(ch, read, handle));
        return fut;
    }

    private static <T> boolean tryOnce(Future<T> fut, Attempt<T> attempt) {
        try {
            return attempt.tryOnce(fut);
        } catch (IOException | RuntimeException e) {
            fut.setException(e);
            return true;
        }
    }

    static void checkNonBlocking(SelectableChannel ch) {
        Objects.requireNonNull(ch, "channel");
        if (ch.isBlocking()) {
            throw new IllegalArgumentException("the channel must be non-blocking (configureBlocking(false)): " + ch);
        }
    }
}
