package io.jasyncio;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * asyncio.Server: listening sockets that accept connections and run a {@link ClientHandler} in a
 * task of its own for each, with the connection's {@link StreamReader} and {@link StreamWriter}.
 * Made by {@link AsyncIO#startServer}.
 *
 * <p>{@link #close()} stops listening (open connections stay, unless {@link #closeClients()} or
 * {@link #abortClients()}); {@link #waitClosed()} waits until the server is closed and its
 * connections are gone; {@link #serveForever()} serves until it is cancelled, then closes the
 * server. A server is {@link AutoCloseable}: try-with-resources closes it.
 */
public final class Server implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("io.jasyncio");
    /** asyncio accepts up to the backlog per readiness event; our backlog. */
    static final int BACKLOG = 100;
    /** After accept fails (out of descriptors, say), asyncio pauses accepting for a second. */
    private static final double ACCEPT_RETRY_DELAY = 1.0;

    private final EventLoop loop;
    private final List<ServerSocketChannel> channels;
    private final List<SocketAddress> addresses;
    private final ClientHandler handler;
    private final int limit;
    private final Set<SocketTransport> clients = new LinkedHashSet<>();
    private boolean serving;
    private boolean closed;
    /** Futures of waitClosed() callers; null once the server is closed and its connections are gone. */
    private List<Future<Void>> waiters = new ArrayList<>();

    private Future<Void> servingForever;

    Server(EventLoop loop, List<ServerSocketChannel> channels, ClientHandler handler, int limit) throws IOException {
        this.loop = loop;
        this.channels = channels;
        this.handler = handler;
        this.limit = limit;
        List<SocketAddress> bound = new ArrayList<>();
        for (ServerSocketChannel ch : channels) {
            bound.add(ch.getLocalAddress());
        }
        this.addresses = Collections.unmodifiableList(bound);
    }

    /** The loop this server runs on. */
    public EventLoop getLoop() {
        return loop;
    }

    /** The addresses the server listens on (with the actual port when it was started on port 0). */
    public List<SocketAddress> addresses() {
        return addresses;
    }

    /** True while the server accepts connections. */
    public boolean isServing() {
        return serving;
    }

    /** Starts accepting connections (servers start serving when made, unless asked not to). */
    public void startServing() {
        if (closed) {
            throw new IllegalStateException("server " + this + " is closed");
        }
        if (serving) {
            return;
        }
        serving = true;
        for (ServerSocketChannel ch : channels) {
            loop.io.watch(ch, true, () -> acceptReady(ch));
        }
    }

    private void acceptReady(ServerSocketChannel ch) {
        for (int i = 0; i < BACKLOG && serving; i++) {
            SocketChannel c;
            try {
                c = ch.accept();
            } catch (IOException e) {
                // out of descriptors or memory: say so, stop accepting for a while, keep serving
                loop.callExceptionHandler(new ExceptionContext("socket accept failed on " + this, e, null, null));
                pauseAccepting();
                return;
            }
            if (c == null) {
                return;
            }
            connected(c);
        }
    }

    private void pauseAccepting() {
        for (ServerSocketChannel ch : channels) {
            loop.io.unwatch(ch, true);
        }
        serving = false;
        loop.callLater(ACCEPT_RETRY_DELAY, () -> {
            if (!closed) {
                startServing();
            }
        });
    }

    private void connected(SocketChannel c) {
        SocketTransport transport;
        try {
            c.configureBlocking(false);
            if (c.supportedOptions().contains(StandardSocketOptions.TCP_NODELAY)) {
                c.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            transport = new SocketTransport(loop, c, new StreamReader(limit), this);
        } catch (IOException | RuntimeException e) {
            Streams.closeQuietly(c);
            loop.callExceptionHandler(new ExceptionContext("cannot set up an accepted connection", e, null, null));
            return;
        }
        clients.add(transport);
        StreamWriter writer = new StreamWriter(transport);
        Coroutine<?> coro;
        try {
            coro = handler.handle(transport.reader, writer);
            java.util.Objects.requireNonNull(coro, "the client handler returned null instead of a coroutine");
        } catch (Exception | LinkageError e) {
            handlerFailed(e, transport);
            return;
        }
        Task<?> task = loop.createTask(coro);
        task.addDoneCallback(t -> {
            if (t.cancelled()) {
                transport.close();
                return;
            }
            Throwable e = t.exception();
            if (e != null) {
                handlerFailed(e, transport);
            }
        });
    }

    private void handlerFailed(Throwable e, SocketTransport transport) {
        loop.callExceptionHandler(new ExceptionContext("Unhandled exception in client_connected_cb", e, null, null));
        transport.close();
    }

    /** A connection of this server is gone. */
    void detach(SocketTransport transport) {
        clients.remove(transport);
        if (closed && clients.isEmpty()) {
            wakeWaiters();
        }
    }

    private void wakeWaiters() {
        List<Future<Void>> ws = waiters;
        if (ws == null) {
            return;
        }
        waiters = null;
        for (Future<Void> w : ws) {
            Futures.release(w);
        }
    }

    /**
     * Stops listening and closes the listening sockets; the connections already accepted stay
     * open. A {@link #serveForever()} in progress is cancelled. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        serving = false;
        for (ServerSocketChannel ch : channels) {
            loop.io.forget(ch);
            Streams.closeQuietly(ch);
        }
        Future<Void> f = servingForever;
        if (f != null && !f.done()) {
            f.cancel();
        }
        if (clients.isEmpty()) {
            wakeWaiters();
        }
    }

    /** Closes every open connection of this server after its buffered bytes are written. */
    public void closeClients() {
        for (SocketTransport t : new ArrayList<>(clients)) {
            t.close();
        }
    }

    /** Closes every open connection of this server at once, dropping their buffered bytes. */
    public void abortClients() {
        for (SocketTransport t : new ArrayList<>(clients)) {
            t.abort();
        }
    }

    /** Number of open connections (for diagnostics and tests). */
    public int connectionCount() {
        return clients.size();
    }

    /** Waits until the server is closed and every connection it accepted is gone. */
    public Coroutine<Void> waitClosed() {
        return new LazyFuture<>("Server.waitClosed", () -> {
            Future<Void> w = loop.createFuture();
            if (waiters == null) {
                w.setResult(null);
            } else {
                waiters.add(w);
            }
            return w;
        });
    }

    /**
     * Serves until cancelled; then closes the server, waits for it to be closed and lets the
     * cancellation through. Fails if the server is closed, or if another serveForever runs.
     */
    public Coroutine<Void> serveForever() {
        return new ServeForever();
    }

    @Override
    public String toString() {
        return "<Server sockets=" + addresses + (closed ? " closed" : serving ? " serving" : "") + ">";
    }

    /** asyncio's Server.serve_forever as a coroutine. */
    private final class ServeForever extends Coroutine<Void> {
        private int state;
        private CancelledError cancelled;

        @Override
        protected Object resume(Task<?> task) throws Throwable {
            switch (state) {
                case 0 -> {
                    if (servingForever != null) {
                        throw new IllegalStateException(
                                "server " + Server.this + " is already being awaited on serveForever()");
                    }
                    if (closed) {
                        throw new IllegalStateException("server " + Server.this + " is closed");
                    }
                    startServing();
                    servingForever = loop.createFuture();
                    state = 1;
                    try {
                        if (awaitStep(task, servingForever) == SUSPEND) {
                            return SUSPEND;
                        }
                    } catch (CancelledError e) {
                        return afterCancel(task, e);
                    }
                    servingForever = null;
                    return null;
                }
                case 1 -> {
                    try {
                        awaitResult(task);
                    } catch (CancelledError e) {
                        return afterCancel(task, e);
                    }
                    servingForever = null;
                    return null;
                }
                case 2 -> {
                    try {
                        awaitResult(task);
                    } finally {
                        servingForever = null;
                    }
                    throw cancelled;
                }
                default -> throw new IllegalStateException("serveForever resumed after it finished");
            }
        }

        private Object afterCancel(Task<?> task, CancelledError e) throws Throwable {
            cancelled = e;
            state = 2;
            try {
                close();
                if (awaitStep(task, waitClosed()) == SUSPEND) {
                    return SUSPEND;
                }
            } catch (Throwable t) {
                servingForever = null;
                throw t;
            }
            servingForever = null;
            throw e;
        }

        @Override
        protected StackTraceElement location() {
            return new StackTraceElement("io.jasyncio.Server", "serveForever", null, -1);
        }
    }
}
