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
    private SocketOps() {
    }

    static Future<Integer> recvInto(EventLoop loop, SocketChannel ch, ByteBuffer buf) {
        checkNonBlocking(ch);
        Objects.requireNonNull(buf, "buffer");
        Future<Integer> fut = loop.createFuture();
        try {
            int n = ch.read(buf);
            if (n != 0 || !buf.hasRemaining()) {
                fut.setResult(n);
                return fut;
            }
        } catch (IOException e) {
            fut.setException(e);
            return fut;
        }
        Handle[] handle = new Handle[1];
        handle[0] = loop.io.watch(ch, true, () -> {
            if (fut.done()) {
                return;
            }
            try {
                int n = ch.read(buf);
                if (n != 0) {
                    fut.setResult(n);
                }
            } catch (IOException e) {
                fut.setException(e);
            }
        });
        fut.addDoneCallback(f -> loop.io.unwatch(ch, true, handle[0]));
        return fut;
    }

    static Future<Void> sendAll(EventLoop loop, SocketChannel ch, ByteBuffer buf) {
        checkNonBlocking(ch);
        Objects.requireNonNull(buf, "buffer");
        Future<Void> fut = loop.createFuture();
        try {
            ch.write(buf);
            if (!buf.hasRemaining()) {
                fut.setResult(null);
                return fut;
            }
        } catch (IOException e) {
            fut.setException(e);
            return fut;
        }
        Handle[] handle = new Handle[1];
        handle[0] = loop.io.watch(ch, false, () -> {
            if (fut.done()) {
                return;
            }
            try {
                ch.write(buf);
                if (!buf.hasRemaining()) {
                    fut.setResult(null);
                }
            } catch (IOException e) {
                fut.setException(e);
            }
        });
        fut.addDoneCallback(f -> loop.io.unwatch(ch, false, handle[0]));
        return fut;
    }

    static Future<Void> connect(EventLoop loop, SocketChannel ch, SocketAddress address) {
        checkNonBlocking(ch);
        Objects.requireNonNull(address, "address");
        Future<Void> fut = loop.createFuture();
        try {
            if (ch.connect(address)) {
                fut.setResult(null);
                return fut;
            }
        } catch (IOException | RuntimeException e) {
            fut.setException(e);
            return fut;
        }
        Handle[] handle = new Handle[1];
        handle[0] = loop.io.watch(ch, false, () -> {
            if (fut.done()) {
                return;
            }
            try {
                if (ch.finishConnect()) {
                    fut.setResult(null);
                }
            } catch (IOException e) {
                fut.setException(e);
            }
        });
        fut.addDoneCallback(f -> loop.io.unwatch(ch, false, handle[0]));
        return fut;
    }

    static Future<SocketChannel> accept(EventLoop loop, ServerSocketChannel server) {
        checkNonBlocking(server);
        Future<SocketChannel> fut = loop.createFuture();
        try {
            SocketChannel ch = server.accept();
            if (ch != null) {
                ch.configureBlocking(false);
                fut.setResult(ch);
                return fut;
            }
        } catch (IOException e) {
            fut.setException(e);
            return fut;
        }
        Handle[] handle = new Handle[1];
        handle[0] = loop.io.watch(server, true, () -> {
            if (fut.done()) {
                return;
            }
            try {
                SocketChannel ch = server.accept();
                if (ch != null) {
                    ch.configureBlocking(false);
                    fut.setResult(ch);
                }
            } catch (IOException e) {
                fut.setException(e);
            }
        });
        fut.addDoneCallback(f -> loop.io.unwatch(server, true, handle[0]));
        return fut;
    }

    static void checkNonBlocking(SelectableChannel ch) {
        Objects.requireNonNull(ch, "channel");
        if (ch.isBlocking()) {
            throw new IllegalArgumentException("the channel must be non-blocking (configureBlocking(false)): " + ch);
        }
    }
}
