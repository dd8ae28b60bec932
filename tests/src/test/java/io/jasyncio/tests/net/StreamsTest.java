package io.jasyncio.tests.net;

import static io.jasyncio.AsyncIO.*;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Async;
import io.jasyncio.CancelledError;
import io.jasyncio.Connection;
import io.jasyncio.Coroutine;
import io.jasyncio.ExceptionContext;
import io.jasyncio.IncompleteReadError;
import io.jasyncio.LimitOverrunError;
import io.jasyncio.Server;
import io.jasyncio.StreamReader;
import io.jasyncio.StreamWriter;
import io.jasyncio.Task;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Streams over loopback (asyncio.open_connection / start_server, CPython's test_streams): each test
 * runs on a real-time loop, bounded by a timeout, and leaves the descriptor count where it found it.
 */
class StreamsTest {
    private static final String HOST = "127.0.0.1";
    /** Every test is bounded: a hang fails in this many seconds instead of blocking the build. */
    private static final double LIMIT = 20;

    private int fdsBefore;
    private final List<String> log = new ArrayList<>();

    /**
     * The JVM opens some descriptors for good the first time a feature is used (a jar for the
     * classes it loads, the selector provider's): one run of each scenario kind before counting.
     */
    @BeforeAll
    static void warmUp() throws IOException {
        StreamsTest t = new StreamsTest();
        t.echoClientAndServer();
        t.unixDomainSocketEcho();
        t.aPeerThatHalfClosesStillGetsItsAnswer();
    }

    @BeforeEach
    void countFds() {
        fdsBefore = OpenFiles.count();
    }

    @AfterEach
    void noDescriptorLeaked() throws InterruptedException {
        // run() closed its loop (and selector): every channel must be closed by now
        assertThat(OpenFiles.settledAtMost(fdsBefore))
                .as("open file descriptors after the test")
                .isLessThanOrEqualTo(fdsBefore);
    }

    private static <T> T runBounded(Coroutine<T> body) {
        return run(waitFor(body, LIMIT));
    }

    private static int port(Server server) {
        return ((InetSocketAddress) server.addresses().get(0)).getPort();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    private static String str(byte[] b) {
        return new String(b, UTF_8);
    }

    // ---- echo, the asyncio documentation's client and server ---------------------------

    @Async
    Coroutine<Void> echoLines(StreamReader reader, StreamWriter writer) throws IOException {
        for (; ; ) {
            byte[] line = await(reader.readLine());
            if (line.length == 0) {
                break;
            }
            writer.write(line);
            await(writer.drain());
        }
        writer.close();
        await(writer.waitClosed());
        return done();
    }

    @Async
    Coroutine<List<String>> echoRoundTrip() throws IOException {
        Server server = await(startServer(this::echoLines, HOST, 0));
        List<String> got = new ArrayList<>();
        try (server) {
            Connection c = await(openConnection(HOST, port(server)));
            for (String msg : List.of("hello\n", "world\n")) {
                c.writer().write(bytes(msg));
                await(c.writer().drain());
                got.add(str(await(c.reader().readLine())));
            }
            got.add("peer="
                    + (c.writer().peerAddress().equals(server.addresses().get(0))));
            c.writer().writeEof();
            got.add("eof=" + str(await(c.reader().read(100))).isEmpty() + " atEof="
                    + c.reader().atEof());
            c.writer().close();
            await(c.writer().waitClosed());
        }
        await(server.waitClosed());
        got.add("serving=" + server.isServing());
        return done(got);
    }

    @Test
    void echoClientAndServer() throws IOException {
        assertThat(runBounded(echoRoundTrip()))
                .containsExactly("hello\n", "world\n", "peer=true", "eof=true atEof=true", "serving=false");
    }

    // ---- reads --------------------------------------------------------------------------

    @Async
    Coroutine<Void> sendAndClose(StreamReader reader, StreamWriter writer, String text) throws IOException {
        writer.write(bytes(text));
        await(writer.drain());
        writer.close();
        await(writer.waitClosed());
        return done();
    }

    @Async
    Coroutine<List<String>> reads() throws IOException {
        Server server = await(startServer((r, w) -> sendAndClose(r, w, "line one\nabc||def||tail"), HOST, 0));
        List<String> got = new ArrayList<>();
        try (server) {
            Connection c = await(openConnection(HOST, port(server)));
            StreamReader r = c.reader();
            got.add(str(await(r.readLine())));
            got.add(str(await(r.readExactly(3))));
            got.add(str(await(r.readUntil(bytes("||")))));
            got.add(str(await(r.readUntil(bytes("||")))));
            try {
                await(r.readExactly(10));
            } catch (IncompleteReadError e) {
                got.add("incomplete partial=" + str(e.partial()) + " expected=" + e.expected());
            }
            got.add("atEof=" + r.atEof() + " read=" + await(r.read(10)).length);
            c.writer().close();
            await(c.writer().waitClosed());
        }
        await(server.waitClosed());
        return done(got);
    }

    @Test
    void readLineReadExactlyReadUntilAndAnIncompleteRead() throws IOException {
        // asyncio: readexactly at EOF raises IncompleteReadError carrying the partial bytes
        assertThat(runBounded(reads()))
                .containsExactly(
                        "line one\n", "abc", "||", "def||", "incomplete partial=tail expected=10", "atEof=true read=0");
    }

    @Test
    void readUntilAtEofWithoutTheSeparatorIsIncompleteAndConsumesTheRest() throws IOException {
        // asyncio: readuntil raises IncompleteReadError(partial, None) and empties the buffer
        StreamReader r = new StreamReader();
        r.feedData(bytes("no separator"));
        r.feedEof();
        assertThatThrownBy(() -> run(r.readUntil(bytes("\n")))).isInstanceOfSatisfying(IncompleteReadError.class, e -> {
            assertThat(str(e.partial())).isEqualTo("no separator");
            assertThat(e.expected()).isEqualTo(-1);
        });
        assertThat(r.atEof()).isTrue();
    }

    @Test
    void readUntilBeyondTheLimitFailsAndKeepsTheBuffer() throws IOException {
        // asyncio test_readuntil_limit_found_sep: LimitOverrunError, nothing consumed
        StreamReader r = new StreamReader(3);
        r.feedData(bytes("some dataAA"));
        assertThatThrownBy(() -> run(r.readUntil(bytes("AAA"))))
                .isInstanceOf(LimitOverrunError.class)
                .hasMessageContaining("not found");
        r.feedData(bytes("A"));
        assertThatThrownBy(() -> run(r.readUntil(bytes("AAA"))))
                .isInstanceOfSatisfying(
                        LimitOverrunError.class, e -> assertThat(e.consumed()).isEqualTo(9))
                .hasMessageContaining("is found");
        assertThat(str(run(r.read(100)))).isEqualTo("some dataAAA");
    }

    @Test
    void anOverlongLineIsDroppedAndReported() throws IOException {
        // asyncio test_readline_limit: ValueError, and the line up to its separator is gone
        StreamReader r = new StreamReader(7);
        r.feedData(bytes("1234567890\nnext\n"));
        assertThatThrownBy(() -> run(r.readLine())).isInstanceOf(IllegalArgumentException.class);
        assertThat(str(run(r.readLine()))).isEqualTo("next\n");
    }

    @Test
    void badArgumentsFailClearly() throws IOException {
        StreamReader r = new StreamReader();
        assertThatThrownBy(() -> new StreamReader(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.readExactly(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.readUntil(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        r.feedEof();
        assertThatThrownBy(() -> r.feedData(bytes("x"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> openConnection(HOST, 70000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Async
    Coroutine<String> twoReadersAtOnce(StreamReader r) throws IOException {
        Task<byte[]> first = createTask(r.read(5));
        await(sleep(0));
        try {
            await(r.read(5));
            return done("no error");
        } catch (IllegalStateException e) {
            first.cancel();
            return done(e.getMessage());
        }
    }

    @Test
    void onlyOneReadMayWaitAtATime() throws IOException {
        // asyncio: "read() called while another coroutine is already waiting for incoming data"
        assertThat(run(twoReadersAtOnce(new StreamReader())))
                .isEqualTo("read() called while another coroutine is already waiting for incoming data");
    }

    // ---- cancellation -------------------------------------------------------------------

    @Async
    Coroutine<List<String>> cancelledReadLosesNothing() throws IOException {
        Server server = await(startServer(this::echoLines, HOST, 0));
        List<String> got = new ArrayList<>();
        try (server) {
            Connection c = await(openConnection(HOST, port(server)));
            Task<byte[]> blocked = createTask(c.reader().readLine());
            await(sleep(0.05));
            blocked.cancel();
            try {
                await(blocked);
            } catch (CancelledError e) {
                got.add("read cancelled");
            }
            c.writer().write(bytes("after\n"));
            got.add(str(await(c.reader().readLine())));
            c.writer().close();
            await(c.writer().waitClosed());
        }
        await(server.waitClosed());
        return done(got);
    }

    @Test
    void aTaskBlockedInAReadCanBeCancelledAndTheStreamStaysUsable() throws IOException {
        assertThat(runBounded(cancelledReadLosesNothing())).containsExactly("read cancelled", "after\n");
    }

    @Test
    void aCancelledReadTakesNoBytes() throws IOException {
        // asyncio test_read_cancelled-like: data that arrives after the cancellation stays buffered
        StreamReader r = new StreamReader();
        List<String> got = new ArrayList<>();
        run(cancelThenFeed(r, got));
        assertThat(got).containsExactly("cancelled", "kept");
    }

    @Async
    Coroutine<Void> cancelThenFeed(StreamReader r, List<String> got) throws IOException {
        Task<byte[]> t = createTask(r.readExactly(4));
        await(sleep(0));
        t.cancel();
        r.feedData(bytes("kept"));
        try {
            await(t);
        } catch (CancelledError e) {
            got.add("cancelled");
        }
        got.add(str(await(r.readExactly(4))));
        return done();
    }

    // ---- flow control -------------------------------------------------------------------

    @Async
    Coroutine<Void> readNothingUntilTold(
            StreamReader reader,
            StreamWriter writer,
            io.jasyncio.Future<StreamReader> seen,
            io.jasyncio.Future<Void> go)
            throws IOException {
        seen.setResult(reader);
        await(go);
        byte[] all = await(reader.read(-1));
        writer.write(bytes(String.valueOf(all.length)));
        writer.close();
        return done();
    }

    @Async
    Coroutine<List<String>> writerStopsAtDrain() throws IOException {
        io.jasyncio.Future<StreamReader> seen = getRunningLoop().createFuture();
        io.jasyncio.Future<Void> go = getRunningLoop().createFuture();
        Server server = await(startServer((r, w) -> readNothingUntilTold(r, w, seen, go), HOST, 0, 1024, true));
        List<String> got = new ArrayList<>();
        try (server) {
            Connection c = await(openConnection(HOST, port(server)));
            StreamReader serverSide = await(seen);
            StreamWriter w = c.writer();
            w.setWriteBufferLimits(16 * 1024, 4 * 1024);
            byte[] chunk = new byte[64 * 1024];
            long sent = 0;
            long maxBuffered = 0;
            Task<Void> drain = null;
            // the peer does not read: once the socket buffers are full, drain() must wait
            for (int i = 0; i < 10_000 && drain == null; i++) {
                w.write(chunk);
                sent += chunk.length;
                maxBuffered = Math.max(maxBuffered, w.writeBufferSize());
                Task<Void> d = createTask(w.drain());
                await(sleep(0));
                if (w.writeBufferSize() > 16 * 1024) {
                    await(sleep(0.05));
                }
                if (!d.done()) {
                    drain = d;
                } else {
                    await(d);
                }
            }
            got.add("drain waits=" + (drain != null));
            got.add("writer buffer bounded=" + (maxBuffered <= 16 * 1024 + 2L * chunk.length));
            got.add("reader stopped reading=" + (serverSide.toString().contains("paused")));
            go.setResult(null);
            await(drain);
            w.writeEof();
            got.add("peer got all=" + (Long.parseLong(str(await(c.reader().read(-1)))) == sent));
            w.close();
            await(w.waitClosed());
        }
        await(server.waitClosed());
        return done(got);
    }

    @Test
    void aPeerThatDoesNotReadStopsTheWriterAtDrain() throws IOException {
        // asyncio flow control: over the high-water mark drain() waits until the low one; the
        // reading side stops reading once its buffer holds twice its limit
        assertThat(runBounded(writerStopsAtDrain()))
                .containsExactly(
                        "drain waits=true",
                        "writer buffer bounded=true",
                        "reader stopped reading=true",
                        "peer got all=true");
    }

    // ---- faults -------------------------------------------------------------------------

    @Async
    Coroutine<String> refused() throws IOException {
        int port;
        try (java.nio.channels.ServerSocketChannel probe = java.nio.channels.ServerSocketChannel.open()) {
            probe.bind(new InetSocketAddress(HOST, 0));
            port = ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
        try {
            await(openConnection(HOST, port));
            return done("connected?");
        } catch (ConnectException e) {
            return done("refused");
        }
    }

    @Test
    void connectionRefused() throws IOException {
        assertThat(runBounded(refused())).isEqualTo("refused");
    }

    @Async
    Coroutine<String> bindTwice() throws IOException {
        Server first = await(startServer(this::echoLines, HOST, 0));
        try (first) {
            await(startServer(this::echoLines, HOST, port(first)));
            return done("bound twice?");
        } catch (BindException e) {
            return done("in use");
        } finally {
            await(first.waitClosed());
        }
    }

    @Test
    void addressAlreadyInUse() throws IOException {
        assertThat(runBounded(bindTwice())).isEqualTo("in use");
    }

    @Async
    Coroutine<Void> failingHandler(StreamReader reader, StreamWriter writer) throws IOException {
        byte[] first = await(reader.readLine());
        if (str(first).startsWith("boom")) {
            throw new IllegalStateException("handler failed on purpose");
        }
        writer.write(bytes("ok\n"));
        writer.close();
        return done();
    }

    @Async
    Coroutine<List<String>> handlerThrows(List<ExceptionContext> reported) throws IOException {
        getRunningLoop().setExceptionHandler((loop, ctx) -> reported.add(ctx));
        Server server = await(startServer(this::failingHandler, HOST, 0));
        List<String> got = new ArrayList<>();
        try (server) {
            Connection bad = await(openConnection(HOST, port(server)));
            bad.writer().write(bytes("boom\n"));
            got.add("closed by server, read=" + await(bad.reader().read(10)).length);
            bad.writer().close();
            Connection good = await(openConnection(HOST, port(server)));
            good.writer().write(bytes("hi\n"));
            got.add(str(await(good.reader().readLine())));
            good.writer().close();
            await(good.writer().waitClosed());
            await(bad.writer().waitClosed());
        }
        await(server.waitClosed());
        return done(got);
    }

    @Test
    void aHandlerThatThrowsIsReportedItsConnectionClosedAndTheServerKeepsServing() throws IOException {
        // asyncio 3.12+: "Unhandled exception in client_connected_cb" to the exception handler,
        // then transport.close()
        List<ExceptionContext> reported = new ArrayList<>();
        assertThat(runBounded(handlerThrows(reported))).containsExactly("closed by server, read=0", "ok\n");
        assertThat(reported).singleElement().satisfies(ctx -> {
            assertThat(ctx.message()).isEqualTo("Unhandled exception in client_connected_cb");
            assertThat(ctx.exception()).hasMessage("handler failed on purpose");
        });
    }

    @Async
    Coroutine<List<String>> peerResets() throws IOException {
        io.jasyncio.Future<StreamReader> seen = getRunningLoop().createFuture();
        Server server = await(startServer(
                (r, w) -> {
                    seen.setResult(r);
                    return done();
                },
                HOST,
                0));
        List<String> got = new ArrayList<>();
        try (server) {
            // a plain client that closes with SO_LINGER 0: the server sees a reset, not an end
            SocketChannel raw = SocketChannel.open(new InetSocketAddress(HOST, port(server)));
            StreamReader r = await(seen);
            raw.write(ByteBuffer.wrap(bytes("partial")));
            raw.setOption(StandardSocketOptions.SO_LINGER, 0);
            raw.close();
            got.add(str(await(r.readExactly(7))));
            try {
                await(r.read(10));
                got.add("no error");
            } catch (SocketException e) {
                got.add("reset");
            }
            server.closeClients();
        }
        await(server.waitClosed());
        return done(got);
    }

    @Test
    void aPeerResetInTheMiddleOfAReadFailsTheRead() throws IOException {
        assertThat(runBounded(peerResets())).containsExactly("partial", "reset");
    }

    @Async
    Coroutine<Void> replyAfterEof(StreamReader reader, StreamWriter writer) throws IOException {
        byte[] all = await(reader.read(-1));
        writer.write(bytes("got " + all.length));
        writer.close();
        return done();
    }

    @Async
    Coroutine<String> halfClose() throws IOException {
        Server server = await(startServer(this::replyAfterEof, HOST, 0));
        String answer;
        try (server) {
            Connection c = await(openConnection(HOST, port(server)));
            c.writer().write(bytes("12345"));
            c.writer().writeEof();
            assertThatThrownBy(() -> c.writer().write(bytes("late"))).isInstanceOf(IllegalStateException.class);
            answer = str(await(c.reader().read(-1)));
            c.writer().close();
            await(c.writer().waitClosed());
        }
        await(server.waitClosed());
        return done(answer);
    }

    @Test
    void aPeerThatHalfClosesStillGetsItsAnswer() throws IOException {
        assertThat(runBounded(halfClose())).isEqualTo("got 5");
    }

    @Async
    Coroutine<List<String>> closeWhileConnected() throws IOException {
        Server server = await(startServer(this::echoLines, HOST, 0));
        Connection c = await(openConnection(HOST, port(server)));
        c.writer().write(bytes("ping\n"));
        List<String> got = new ArrayList<>();
        got.add(str(await(c.reader().readLine())));
        server.close();
        Task<Void> closing = createTask(server.waitClosed());
        await(sleep(0.05));
        got.add("waitClosed done while a client is connected=" + closing.done());
        c.writer().write(bytes("still\n"));
        got.add(str(await(c.reader().readLine())));
        try {
            await(openConnection(HOST, port(server)));
            got.add("new connection accepted?");
        } catch (ConnectException e) {
            got.add("new connections refused");
        }
        server.closeClients();
        got.add("client sees end=" + (await(c.reader().read(10)).length == 0));
        await(closing);
        got.add("closed, connections=" + server.connectionCount());
        c.writer().close();
        await(c.writer().waitClosed());
        return done(got);
    }

    @Test
    void aServerClosedWhileClientsAreConnected() throws IOException {
        // asyncio 3.12+: close() stops listening, connections stay; wait_closed waits for them
        assertThat(runBounded(closeWhileConnected()))
                .containsExactly(
                        "ping\n",
                        "waitClosed done while a client is connected=false",
                        "still\n",
                        "new connections refused",
                        "client sees end=true",
                        "closed, connections=0");
    }

    @Async
    Coroutine<String> serveForeverUntilCancelled() throws IOException {
        Server server = await(startServer(this::echoLines, HOST, 0, StreamReader.DEFAULT_LIMIT, false));
        String before = "serving=" + server.isServing();
        Task<Void> forever = createTask(server.serveForever());
        await(sleep(0.01));
        Connection c = await(openConnection(HOST, port(server)));
        c.writer().write(bytes("x\n"));
        String echoed = str(await(c.reader().readLine()));
        c.writer().close();
        await(c.writer().waitClosed());
        forever.cancel();
        try {
            await(forever);
        } catch (CancelledError e) {
            // serveForever lets the cancellation through after closing the server
        }
        return done(before + " echoed=" + echoed.trim() + " cancelled=" + forever.cancelled() + " serving="
                + server.isServing());
    }

    @Test
    void serveForeverServesUntilCancelledThenClosesTheServer() throws IOException {
        assertThat(runBounded(serveForeverUntilCancelled()))
                .isEqualTo("serving=false echoed=x cancelled=true serving=false");
    }

    @Async
    Coroutine<String> manyClientsVanish(int clients) throws IOException {
        int[] handled = {0};
        Server server = await(startServer(
                (r, w) -> {
                    handled[0]++;
                    return countThenClose(r, w);
                },
                HOST,
                0));
        try (server) {
            // in batches of 50 concurrent connections (below the listen backlog), each dropped without a byte
            for (int done = 0; done < clients; done += 50) {
                List<io.jasyncio.Awaitable<?>> batch = new ArrayList<>();
                for (int i = done; i < Math.min(clients, done + 50); i++) {
                    batch.add(openConnection(HOST, port(server)));
                }
                for (Object c : await(gather(batch))) {
                    ((Connection) c).writer().abort();
                }
            }
            while (handled[0] < clients || server.connectionCount() > 0) {
                await(sleep(0.01));
            }
        }
        await(server.waitClosed());
        return done("handled=" + handled[0] + " open=" + server.connectionCount());
    }

    @Async
    Coroutine<Void> countThenClose(StreamReader reader, StreamWriter writer) throws IOException {
        try {
            await(reader.read(-1));
        } catch (SocketException e) {
            // a client that vanishes may reset the connection: that is its end too
        }
        writer.close();
        return done();
    }

    @Test
    void tenThousandClientsThatConnectAndVanishWithoutAByte() throws IOException {
        assertThat(runBounded(manyClientsVanish(10_000))).isEqualTo("handled=10000 open=0");
    }

    // ---- Unix domain sockets ------------------------------------------------------------

    @Async
    Coroutine<String> unixEcho(Path path) throws IOException {
        Server server = await(startUnixServer(this::echoLines, path));
        String echoed;
        try (server) {
            Connection c = await(openUnixConnection(path));
            c.writer().write(bytes("over a unix socket\n"));
            echoed = str(await(c.reader().readLine()));
            c.writer().close();
            await(c.writer().waitClosed());
        }
        await(server.waitClosed());
        return done(echoed);
    }

    @Test
    void unixDomainSocketEcho() throws IOException {
        Path dir = Files.createTempDirectory("jasyncio");
        Path path = dir.resolve("echo.sock");
        try {
            assertThat(runBounded(unixEcho(path))).isEqualTo("over a unix socket\n");
        } finally {
            Files.deleteIfExists(path);
            Files.delete(dir);
        }
    }

    // ---- the loop's socket methods ------------------------------------------------------

    @Async
    Coroutine<List<String>> lowLevel() throws IOException {
        List<String> got = new ArrayList<>();
        try (java.nio.channels.ServerSocketChannel listener = java.nio.channels.ServerSocketChannel.open();
                SocketChannel client = SocketChannel.open()) {
            listener.bind(new InetSocketAddress(HOST, 0));
            listener.configureBlocking(false);
            client.configureBlocking(false);
            Task<SocketChannel> accepting = createTask(accept(listener));
            await(getRunningLoop().sockConnect(client, listener.getLocalAddress()));
            try (SocketChannel served = await(accepting)) {
                // a receive that is cancelled leaves the channel usable and reads nothing
                io.jasyncio.Future<byte[]> cancelled = getRunningLoop().sockRecv(served, 10);
                await(sleep(0.01));
                cancelled.cancel();
                await(sleep(0));
                await(getRunningLoop().sockSendall(client, ByteBuffer.wrap(bytes("abc"))));
                got.add(str(await(getRunningLoop().sockRecv(served, 10))));
                ByteBuffer big = ByteBuffer.allocate(4 << 20);
                Task<Void> sending = createTask(sendAll(client, big));
                ByteBuffer into = ByteBuffer.allocate(64 * 1024);
                long received = 0;
                while (received < big.capacity()) {
                    into.clear();
                    received += await(getRunningLoop().sockRecvInto(served, into));
                }
                await(sending);
                got.add("received " + received);
                client.shutdownOutput();
                got.add("eof " + await(getRunningLoop().sockRecvInto(served, into.clear())));
            }
        }
        return done(got);
    }

    @Async
    Coroutine<SocketChannel> accept(java.nio.channels.ServerSocketChannel listener) {
        return done(await(getRunningLoop().sockAccept(listener)));
    }

    @Async
    Coroutine<Void> sendAll(SocketChannel ch, ByteBuffer buf) {
        await(getRunningLoop().sockSendall(ch, buf));
        return done();
    }

    @Test
    void theLoopsSocketMethods() throws IOException {
        assertThat(runBounded(lowLevel())).containsExactly("abc", "received " + (4 << 20), "eof -1");
    }

    @Test
    void aBlockingChannelIsRefused() throws IOException {
        try (SocketChannel blocking = SocketChannel.open()) {
            assertThatThrownBy(() -> run(recvFrom(blocking)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("non-blocking");
        }
    }

    @Async
    Coroutine<byte[]> recvFrom(SocketChannel ch) {
        return done(await(getRunningLoop().sockRecv(ch, 1)));
    }
}
