package io.jasyncio;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * asyncio's stream functions ({@code open_connection}, {@code start_server} and their Unix
 * domain socket forms) behind {@link AsyncIO}'s facade. Host names other than IP literals are
 * resolved on the loop's default executor, never on the loop thread; a connection tries each
 * resolved address in order, as asyncio does.
 */
final class Streams {
    private Streams() {}

    static Coroutine<Connection> openConnection(String host, int port, int limit) {
        checkPort(port);
        checkLimit(limit);
        return new LazyFuture<>("AsyncIO.openConnection", () -> {
            EventLoop loop = AsyncIO.getRunningLoop();
            Future<Connection> result = loop.createFuture();
            Future<InetAddress[]> resolved = resolve(loop, host);
            Future<?>[] step = {resolved};
            result.addDoneCallback(r -> {
                if (r.cancelled()) {
                    step[0].cancel();
                }
            });
            whenResolved(resolved, port, result, targets -> connectFirst(loop, targets, 0, null, result, step, limit));
            return result;
        });
    }

    static Coroutine<Connection> openUnixConnection(Path path, int limit) {
        Objects.requireNonNull(path, "path");
        checkLimit(limit);
        return new LazyFuture<>("AsyncIO.openUnixConnection", () -> {
            EventLoop loop = AsyncIO.getRunningLoop();
            Future<Connection> result = loop.createFuture();
            Future<?>[] step = {null};
            result.addDoneCallback(r -> {
                if (r.cancelled() && step[0] != null) {
                    step[0].cancel();
                }
            });
            connectFirst(loop, List.of(UnixDomainSocketAddress.of(path)), 0, null, result, step, limit);
            return result;
        });
    }

    /** Tries {@code targets[i..]} in order; the first connection wins, else all errors are reported. */
    private static void connectFirst(
            EventLoop loop,
            List<SocketAddress> targets,
            int i,
            IOException errors,
            Future<Connection> result,
            Future<?>[] step,
            int limit) {
        if (result.done()) {
            return;
        }
        if (i == targets.size()) {
            result.setException(errors != null ? errors : new IOException("no address to connect to"));
            return;
        }
        SocketAddress target = targets.get(i);
        SocketChannel ch;
        try {
            ch = target instanceof UnixDomainSocketAddress
                    ? SocketChannel.open(StandardProtocolFamily.UNIX)
                    : SocketChannel.open();
            ch.configureBlocking(false);
        } catch (IOException e) {
            result.setException(e);
            return;
        }
        Future<Void> connecting;
        try {
            connecting = loop.sockConnect(ch, target);
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
        step[0] = connecting;
        connecting.addDoneCallback(f -> {
            Throwable e = Futures.failure(f);
            if (e != null || result.done()) {
                loop.io.forget(ch);
                closeQuietly(ch);
                if (e instanceof IOException io && !result.done()) {
                    IOException all = errors;
                    if (all == null) {
                        all = io;
                    } else {
                        all.addSuppressed(io);
                    }
                    connectFirst(loop, targets, i + 1, all, result, step, limit);
                } else if (e != null && !result.done()) {
                    result.setException(e);
                }
                return;
            }
            try {
                if (ch.supportedOptions().contains(StandardSocketOptions.TCP_NODELAY)) {
                    ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                }
                SocketTransport t = new SocketTransport(loop, ch, new StreamReader(limit), null);
                result.setResult(new Connection(t.reader, new StreamWriter(t)));
            } catch (IOException | RuntimeException ex) {
                loop.io.forget(ch);
                closeQuietly(ch);
                result.setException(ex);
            }
        });
    }

    /** The addresses of {@code host}: an IP literal at once, a name on the default executor. */
    /**
     * Once {@code resolved} is done, and unless {@code result} is done already (cancelled): fails
     * {@code result} with the resolver's failure, or passes the resolved addresses with
     * {@code port} on to {@code next}.
     */
    private static void whenResolved(
            Future<InetAddress[]> resolved, int port, Future<?> result, Consumer<List<SocketAddress>> next) {
        resolved.addDoneCallback(f -> {
            if (result.done()) {
                return;
            }
            Throwable e = Futures.failure(f);
            if (e != null) {
                result.setException(e);
                return;
            }
            List<SocketAddress> addresses = new ArrayList<>();
            for (InetAddress a : f.result()) {
                addresses.add(new InetSocketAddress(a, port));
            }
            next.accept(addresses);
        });
    }

    private static Future<InetAddress[]> resolve(EventLoop loop, String host) {
        if (host == null || isIpLiteral(host)) {
            Future<InetAddress[]> f = loop.createFuture();
            try {
                f.setResult(new InetAddress[] {InetAddress.getByName(host)});
            } catch (IOException e) {
                f.setException(e);
            }
            return f;
        }
        return loop.runInExecutor(null, () -> InetAddress.getAllByName(host));
    }

    private static boolean isIpLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true; // an IPv6 literal (a host name has no colon)
        }
        if (host.isEmpty()) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    static Coroutine<Server> startServer(
            ClientHandler handler, String host, int port, int limit, boolean startServing) {
        Objects.requireNonNull(handler, "handler");
        checkPort(port);
        checkLimit(limit);
        return new LazyFuture<>("AsyncIO.startServer", () -> {
            EventLoop loop = AsyncIO.getRunningLoop();
            Future<Server> result = loop.createFuture();
            Future<InetAddress[]> resolved = host == null ? wildcard(loop) : resolve(loop, host);
            result.addDoneCallback(r -> {
                if (r.cancelled()) {
                    resolved.cancel();
                }
            });
            whenResolved(
                    resolved, port, result, addresses -> listen(loop, addresses, handler, limit, startServing, result));
            return result;
        });
    }

    static Coroutine<Server> startUnixServer(ClientHandler handler, Path path, int limit, boolean startServing) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(path, "path");
        checkLimit(limit);
        return new LazyFuture<>("AsyncIO.startUnixServer", () -> {
            EventLoop loop = AsyncIO.getRunningLoop();
            Future<Server> result = loop.createFuture();
            listen(loop, List.of(UnixDomainSocketAddress.of(path)), handler, limit, startServing, result);
            return result;
        });
    }

    private static Future<InetAddress[]> wildcard(EventLoop loop) {
        Future<InetAddress[]> f = loop.createFuture();
        try {
            f.setResult(new InetAddress[] {InetAddress.getByName("0.0.0.0")});
        } catch (IOException e) {
            f.setException(e);
        }
        return f;
    }

    private static void listen(
            EventLoop loop,
            List<SocketAddress> addresses,
            ClientHandler handler,
            int limit,
            boolean startServing,
            Future<Server> result) {
        List<ServerSocketChannel> channels = new ArrayList<>();
        try {
            for (SocketAddress a : addresses) {
                ServerSocketChannel ch = a instanceof UnixDomainSocketAddress
                        ? ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                        : ServerSocketChannel.open();
                channels.add(ch);
                if (a instanceof InetSocketAddress) {
                    // asyncio's reuse_address on Unix: a restarted server can bind at once
                    ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                } else {
                    removeStaleSocketFile(((UnixDomainSocketAddress) a).getPath());
                }
                ch.bind(a, Server.BACKLOG);
                ch.configureBlocking(false);
            }
            Server server = new Server(loop, channels, handler, limit);
            if (startServing) {
                server.startServing();
            }
            result.setResult(server);
        } catch (IOException | RuntimeException e) {
            channels.forEach(Streams::closeQuietly);
            result.setException(e);
        }
    }

    /** asyncio removes a leftover socket file before binding (but never another kind of file). */
    private static void removeStaleSocketFile(Path path) throws IOException {
        if (Files.exists(path) && !Files.isRegularFile(path) && !Files.isDirectory(path)) {
            Files.delete(path);
        }
    }

    static void closeQuietly(java.nio.channels.Channel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // closing releases the descriptor even when it reports a failure
        }
    }

    private static void checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    private static void checkLimit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("Limit cannot be <= 0");
        }
    }
}
