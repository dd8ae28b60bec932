package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Async;
import io.jasyncio.ClientHandler;
import io.jasyncio.Connection;
import io.jasyncio.Coroutine;
import io.jasyncio.Server;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The echo and HTTP sample servers, each started on a free loopback port of the test's own loop
 * and talked to over real sockets; every exchange is bounded by a timeout.
 */
class SampleServersTest {

    @Async
    static Coroutine<String> exchange(ClientHandler handler, String request, boolean halfClose) throws IOException {
        Server server = await(startServer(handler, "127.0.0.1", 0));
        String reply;
        try (server) {
            int port = ((InetSocketAddress) server.addresses().get(0)).getPort();
            Connection c = await(openConnection("127.0.0.1", port));
            c.writer().write(request.getBytes(ISO_8859_1));
            await(c.writer().drain());
            if (halfClose) {
                c.writer().writeEof();
            }
            reply = new String(await(c.reader().read(-1)), ISO_8859_1);
            c.writer().close();
            await(c.writer().waitClosed());
        }
        await(server.waitClosed());
        return done(reply);
    }

    private static String talk(ClientHandler handler, String request, boolean halfClose) throws IOException {
        return run(waitFor(exchange(handler, request, halfClose), 20));
    }

    @Test
    void theEchoServerEchoesEveryByteUntilTheClientClosesItsSide() throws IOException {
        String big = "x".repeat(300_000) + "\n";
        assertThat(talk(EchoServer::echo, "hello\nworld\n" + big, true)).isEqualTo("hello\nworld\n" + big);
        assertThat(talk(EchoServer::echo, "", true)).isEmpty();
    }

    @Test
    void getSlashIs200AndTheConnectionIsKeptForPipelinedRequests() throws IOException {
        String reply = talk(
                HttpServer::serveConnection,
                "GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /missing HTTP/1.1\r\nHost: x\r\n\r\n"
                        + "HEAD / HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\nConnection: close\r\n\r\nGET / HTTP/1.1\r\n\r\n",
                false);
        List<String> statusLines = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("HTTP/1\\.1 \\d{3} [A-Za-z ]+(?=\r\n)")
                .matcher(reply);
        while (m.find()) {
            statusLines.add(m.group());
        }
        // the fourth request asks to close: the fifth is never answered
        assertThat(statusLines)
                .containsExactly("HTTP/1.1 200 OK", "HTTP/1.1 404 Not Found", "HTTP/1.1 200 OK", "HTTP/1.1 200 OK");
        assertThat(reply)
                .startsWith("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                        + HttpServer.BODY.length + "\r\n\r\nHello from jasyncio\n");
        assertThat(reply).endsWith("Connection: close\r\n\r\nHello from jasyncio\n");
    }

    @Test
    void http10ClosesAfterTheAnswerUnlessAskedToKeepAlive() throws IOException {
        assertThat(talk(HttpServer::serveConnection, "GET / HTTP/1.0\r\n\r\nGET / HTTP/1.0\r\n\r\n", false))
                .containsOnlyOnce("HTTP/1.1 200 OK")
                .contains("Connection: close");
        assertThat(talk(
                        HttpServer::serveConnection,
                        "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET / HTTP/1.0\r\n\r\n",
                        false))
                .containsSubsequence("HTTP/1.1 200 OK", "HTTP/1.1 200 OK");
    }

    @Test
    void anUnparsableRequestIs400AndTheConnectionClosed() throws IOException {
        for (String bad : List.of(
                "garbage\r\n\r\n",
                "GET /\r\n\r\n",
                "GET / HTTP/2.0\r\n\r\n",
                "GET / HTTP/1.1\r\nno colon here\r\n\r\n",
                "GET / HTTP/1.1\r\nContent-Length: x\r\n\r\n",
                "GET / HTTP/1.1\r\n" + "A: " + "a".repeat(40_000) + "\r\n\r\n")) {
            String reply = talk(HttpServer::serveConnection, bad + "GET / HTTP/1.1\r\n\r\n", false);
            assertThat(reply)
                    .as(bad.substring(0, Math.min(30, bad.length())))
                    .startsWith("HTTP/1.1 400 Bad Request")
                    .contains("Connection: close")
                    .doesNotContain("200 OK");
        }
    }

    @Test
    void aPostBodyIsReadAndDroppedAndAnotherMethodIs405() throws IOException {
        String reply = talk(
                HttpServer::serveConnection,
                "POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nabcdeGET / HTTP/1.1\r\nConnection: close\r\n\r\n",
                false);
        assertThat(reply)
                .startsWith("HTTP/1.1 405 Method Not Allowed")
                .contains("Allow: GET, HEAD")
                .containsSubsequence("405", "HTTP/1.1 200 OK");
    }

    @Test
    void aBadPortArgumentIsRefused() {
        assertThat(ServerMain.port(new String[0], 8080)).isEqualTo(8080);
        assertThat(ServerMain.port(new String[] {"0"}, 8080)).isZero();
        assertThatThrownBy(() -> ServerMain.port(new String[] {"http"}, 1)).hasMessageContaining("not a port");
        assertThatThrownBy(() -> ServerMain.port(new String[] {"70000"}, 1)).hasMessageContaining("not a port");
    }
}
