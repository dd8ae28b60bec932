package io.jasyncio.benchmarks.net;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The virtual-thread peer: the same echo and HTTP servers written with blocking sockets, one
 * virtual thread per connection (the JDK's default scheduler), accepting on a virtual thread.
 */
final class BlockingServers {
    private static final byte[] BODY = "Hello from jasyncio\n".getBytes(StandardCharsets.UTF_8);

    private BlockingServers() {}

    static NetServer.Running start(boolean http) throws IOException {
        ServerSocket server = new ServerSocket(0, 1024, InetAddress.getByName("127.0.0.1"));
        java.util.concurrent.ThreadFactory virtual =
                io.jasyncio.benchmarks.compare.VirtualThreadPeer.virtualThreadFactory();
        virtual.newThread(() -> {
                    for (; ; ) {
                        Socket s;
                        try {
                            s = server.accept();
                            s.setTcpNoDelay(true);
                        } catch (IOException e) {
                            return;
                        }
                        virtual.newThread(() -> {
                                    try (s) {
                                        if (http) {
                                            http(s);
                                        } else {
                                            echo(s);
                                        }
                                    } catch (IOException e) {
                                        // the client reset or vanished: the connection is over
                                    }
                                })
                                .start();
                    }
                })
                .start();
        int port = server.getLocalPort();
        return () -> port;
    }

    private static void echo(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        byte[] buf = new byte[16 * 1024];
        for (int n; (n = in.read(buf)) > 0; ) {
            out.write(buf, 0, n);
        }
    }

    private static void http(Socket s) throws IOException {
        InputStream in = new BufferedInputStream(s.getInputStream(), 8192);
        OutputStream out = s.getOutputStream();
        for (; ; ) {
            String requestLine = line(in);
            if (requestLine == null) {
                return;
            }
            String[] parts = requestLine.split(" ", -1);
            boolean ok = parts.length == 3 && (parts[2].equals("HTTP/1.1") || parts[2].equals("HTTP/1.0"));
            boolean keepAlive = ok && parts[2].equals("HTTP/1.1");
            long contentLength = 0;
            for (String h; ok && (h = line(in)) != null && !h.isEmpty(); ) {
                int colon = h.indexOf(':');
                if (colon <= 0) {
                    ok = false;
                    break;
                }
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                if (name.equals("connection")) {
                    keepAlive = value.contains("keep-alive") || !value.contains("close") && keepAlive;
                } else if (name.equals("content-length")) {
                    try {
                        contentLength = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        ok = false;
                    }
                }
            }
            if (!ok) {
                out.write(response(400, "Bad Request", "Bad Request\n".getBytes(StandardCharsets.UTF_8), true));
                return;
            }
            in.skipNBytes(contentLength);
            int status = parts[0].equals("GET") || parts[0].equals("HEAD") ? parts[1].equals("/") ? 200 : 404 : 405;
            String reason = status == 200 ? "OK" : status == 404 ? "Not Found" : "Method Not Allowed";
            out.write(response(
                    status,
                    reason,
                    status == 200 ? BODY : (reason + "\n").getBytes(StandardCharsets.UTF_8),
                    !keepAlive));
            if (!keepAlive) {
                return;
            }
        }
    }

    private static byte[] response(int status, String reason, byte[] body, boolean close) {
        String head =
                "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                        + body.length + "\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n";
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /** One CRLF- or LF-terminated line, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        for (; ; ) {
            int c = in.read();
            if (c < 0) {
                return sb.length() == 0 ? null : sb.toString();
            }
            if (c == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            if (sb.length() > 16 * 1024) {
                throw new IOException("line too long");
            }
            sb.append((char) c);
        }
    }
}
