package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.Server;
import io.jasyncio.StreamReader;
import io.jasyncio.StreamWriter;
import java.io.IOException;

/**
 * {@code ./samples.sh echo-server [port]}: a TCP echo server on 127.0.0.1 (port 8888 by
 * default). Every byte a connection sends comes back; when the client closes its side, the
 * server closes the connection. Runs until it is killed.
 */
public final class EchoServer {
    static final int DEFAULT_PORT = 8888;

    private EchoServer() {}

    /** Serves one connection: echoes what it reads until the client closes its side, then closes. */
    @Async
    public static Coroutine<Void> echo(StreamReader reader, StreamWriter writer) throws IOException {
        try {
            for (; ; ) {
                byte[] data = await(reader.read(64 * 1024));
                if (data.length == 0) {
                    break; // the client closed its side
                }
                writer.write(data);
                await(writer.drain());
            }
            writer.close();
            await(writer.waitClosed());
        } catch (IOException e) {
            writer.abort(); // reset by the peer: nothing left to say
        }
        return done();
    }

    @Async
    static Coroutine<Void> serve(int port) throws IOException {
        Server server = await(startServer(EchoServer::echo, "127.0.0.1", port));
        System.out.println("serving on " + ServerMain.hostPort(server));
        System.out.flush();
        await(server.serveForever());
        return done();
    }

    public static void main(String[] args) throws IOException {
        run(serve(ServerMain.port(args, DEFAULT_PORT)));
    }
}
