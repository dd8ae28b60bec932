package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.Server;
import io.jasyncio.StreamReader;
import io.jasyncio.StreamWriter;
import java.io.IOException;
import java.util.Locale;

/**
 * {@code ./samples.sh http-server [port]}: a minimal HTTP/1.1 server on 127.0.0.1 (port 8080 by
 * default). {@code GET /} (and {@code HEAD /}) is answered {@code 200} with a short text body;
 * another path {@code 404}, another method {@code 405}; connections are kept alive (HTTP/1.1's
 * default, or {@code Connection: keep-alive} in HTTP/1.0) and pipelined requests are answered
 * in order. Anything unparsable is answered {@code 400} and the connection closed. Runs until
 * it is killed.
 */
public final class HttpServer {
    static final int DEFAULT_PORT = 8080;
    static final byte[] BODY = "Hello from jasyncio\n".getBytes(UTF_8);
    /** A request's headers may not exceed this many bytes in all, nor a request line or header line. */
    static final int MAX_HEADER_BYTES = 16 * 1024;
    /** A request body (read and dropped) may not exceed this. */
    static final long MAX_BODY_BYTES = 1 << 20;

    private HttpServer() {}

    /** Why a request cannot be parsed: answered 400. */
    static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;

        BadRequest(String why) {
            super(why, null, false, false);
        }
    }

    /** What the server needs of a request. */
    record Request(String method, String target, boolean keepAlive, long contentLength) {}

    /** Serves one connection: its requests in order, until it closes or asks to close, or sends garbage. */
    @Async
    public static Coroutine<Void> serveConnection(StreamReader reader, StreamWriter writer) throws IOException {
        try {
            for (; ; ) {
                Request request;
                try {
                    request = await(readRequest(reader));
                } catch (BadRequest e) {
                    writer.write(response(
                            400, "Bad Request", "text/plain", (e.getMessage() + "\n").getBytes(UTF_8), false, true));
                    break;
                }
                if (request == null) {
                    break; // the client closed the connection between requests
                }
                if (request.contentLength() > 0) {
                    await(reader.readExactly((int) request.contentLength())); // a body we do not use
                }
                writer.write(answer(request));
                await(writer.drain());
                if (!request.keepAlive()) {
                    break;
                }
            }
            writer.close();
            await(writer.waitClosed());
        } catch (IOException e) {
            writer.abort(); // reset, or the client left in the middle of a request
        }
        return done();
    }

    /** The next request's head, or null at a clean end of the connection. */
    @Async
    static Coroutine<Request> readRequest(StreamReader reader) throws IOException, BadRequest {
        String requestLine = await(readHeadLine(reader, true));
        if (requestLine == null) {
            return done(null);
        }
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || !isToken(parts[0]) || parts[1].isEmpty()) {
            throw new BadRequest("malformed request line");
        }
        String version = parts[2];
        if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            throw new BadRequest("unsupported version");
        }
        boolean keepAlive = version.equals("HTTP/1.1");
        long contentLength = 0;
        int headerBytes = requestLine.length();
        for (; ; ) {
            String line = await(readHeadLine(reader, false));
            if (line.isEmpty()) {
                break;
            }
            headerBytes += line.length();
            if (headerBytes > MAX_HEADER_BYTES) {
                throw new BadRequest("headers too large");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line.substring(0, colon))) {
                throw new BadRequest("malformed header line");
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "connection" -> {
                    String v = value.toLowerCase(Locale.ROOT);
                    if (v.contains("close")) {
                        keepAlive = false;
                    } else if (v.contains("keep-alive")) {
                        keepAlive = true;
                    }
                }
                case "content-length" -> {
                    try {
                        contentLength = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new BadRequest("bad Content-Length");
                    }
                    if (contentLength < 0 || contentLength > MAX_BODY_BYTES) {
                        throw new BadRequest("bad Content-Length");
                    }
                }
                case "transfer-encoding" -> throw new BadRequest("Transfer-Encoding is not supported");
                default -> {}
            }
        }
        return done(new Request(parts[0], parts[1], keepAlive, contentLength));
    }

    /**
     * One line of a request's head without its CRLF (a bare LF is accepted); null at the end of
     * the stream before a request line starts. Fails on an end in the middle, or an overlong line.
     */
    @Async
    static Coroutine<String> readHeadLine(StreamReader reader, boolean first) throws IOException, BadRequest {
        byte[] raw;
        try {
            raw = await(reader.readLine());
        } catch (IllegalArgumentException e) {
            throw new BadRequest("line too long");
        }
        if (raw.length == 0) {
            if (first) {
                return done(null);
            }
            throw new BadRequest("connection ended in the middle of a request");
        }
        if (raw[raw.length - 1] != '\n') {
            throw new BadRequest("connection ended in the middle of a line");
        }
        int end = raw.length - 1;
        if (end > 0 && raw[end - 1] == '\r') {
            end--;
        }
        if (end > MAX_HEADER_BYTES) {
            throw new BadRequest("line too long");
        }
        for (int i = 0; i < end; i++) {
            if (raw[i] == '\r' || raw[i] == 0) {
                throw new BadRequest("stray control character");
            }
        }
        return done(new String(raw, 0, end, ISO_8859_1));
    }

    private static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    static byte[] answer(Request request) {
        boolean head = request.method().equals("HEAD");
        if (!request.method().equals("GET") && !head) {
            return response(
                    405,
                    "Method Not Allowed",
                    "text/plain",
                    "method not allowed\n".getBytes(UTF_8),
                    head,
                    !request.keepAlive(),
                    "Allow: GET, HEAD\r\n");
        }
        if (!request.target().equals("/")) {
            return response(404, "Not Found", "text/plain", "not found\n".getBytes(UTF_8), head, !request.keepAlive());
        }
        return response(200, "OK", "text/plain; charset=utf-8", BODY, head, !request.keepAlive());
    }

    static byte[] response(
            int status, String reason, String type, byte[] body, boolean head, boolean close, String... extraHeaders) {
        StringBuilder h = new StringBuilder(128)
                .append("HTTP/1.1 ")
                .append(status)
                .append(' ')
                .append(reason)
                .append("\r\nContent-Type: ")
                .append(type)
                .append("\r\nContent-Length: ")
                .append(body.length)
                .append("\r\n");
        for (String extra : extraHeaders) {
            h.append(extra);
        }
        if (close) {
            h.append("Connection: close\r\n");
        }
        h.append("\r\n");
        byte[] head0 = h.toString().getBytes(ISO_8859_1);
        if (head) {
            return head0;
        }
        byte[] all = new byte[head0.length + body.length];
        System.arraycopy(head0, 0, all, 0, head0.length);
        System.arraycopy(body, 0, all, head0.length, body.length);
        return all;
    }

    @Async
    static Coroutine<Void> serve(int port) throws IOException {
        Server server = await(startServer(HttpServer::serveConnection, "127.0.0.1", port, MAX_HEADER_BYTES, true));
        System.out.println("serving on " + ServerMain.hostPort(server));
        System.out.flush();
        await(server.serveForever());
        return done();
    }

    public static void main(String[] args) throws IOException {
        run(serve(ServerMain.port(args, DEFAULT_PORT)));
    }
}
