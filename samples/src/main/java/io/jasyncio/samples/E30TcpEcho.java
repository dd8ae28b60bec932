package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.jasyncio.Async;
import io.jasyncio.Connection;
import io.jasyncio.Coroutine;
import io.jasyncio.Server;
import io.jasyncio.StreamReader;
import io.jasyncio.StreamWriter;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The asyncio documentation's TCP echo client and server (Streams), in one program: the server
 * listens on a free port of 127.0.0.1, the client sends one message, reads the echo and closes.
 */
public class E30TcpEcho {

    @Async
    static Coroutine<Void> handleEcho(StreamReader reader, StreamWriter writer) throws IOException {
        byte[] data = await(reader.read(100));
        String message = new String(data, UTF_8);
        System.out.println("Received " + message + " from the client");
        System.out.println("Send: " + message);
        writer.write(data);
        await(writer.drain());
        System.out.println("Close the connection");
        writer.close();
        await(writer.waitClosed());
        return done();
    }

    @Async
    static Coroutine<Void> tcpEchoClient(String message, int port) throws IOException {
        Connection connection = await(openConnection("127.0.0.1", port));
        System.out.println("Send: " + message);
        connection.writer().write(message.getBytes(UTF_8));
        await(connection.writer().drain());
        byte[] data = await(connection.reader().read(100));
        System.out.println("Received: " + new String(data, UTF_8));
        System.out.println("Close the connection");
        connection.writer().close();
        await(connection.writer().waitClosed());
        return done();
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        Server server = await(startServer(E30TcpEcho::handleEcho, "127.0.0.1", 0));
        try (server) {
            int port = ((InetSocketAddress) server.addresses().get(0)).getPort();
            await(tcpEchoClient("Hello World!", port));
        }
        await(server.waitClosed());
        return done();
    }

    public static void main(String[] args) throws IOException {
        run(main());
    }
}
