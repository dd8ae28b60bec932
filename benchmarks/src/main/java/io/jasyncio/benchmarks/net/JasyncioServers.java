package io.jasyncio.benchmarks.net;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.ClientHandler;
import io.jasyncio.Coroutine;
import io.jasyncio.Server;
import io.jasyncio.samples.EchoServer;
import io.jasyncio.samples.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * The jasyncio peer: the samples' own echo and HTTP handlers ({@code ./samples.sh echo-server},
 * {@code http-server}), served by one event loop on its own thread.
 */
final class JasyncioServers {
    private JasyncioServers() {}

    static NetServer.Running start(boolean http) throws Exception {
        ClientHandler handler = http ? HttpServer::serveConnection : EchoServer::echo;
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread loop = new Thread(
                () -> {
                    try {
                        run(serve(handler, port));
                    } catch (Throwable t) {
                        port.completeExceptionally(t);
                    }
                },
                "jasyncio-loop");
        loop.setDaemon(true);
        loop.start();
        int p = port.get();
        return () -> p;
    }

    @Async
    static Coroutine<Void> serve(ClientHandler handler, CompletableFuture<Integer> port) throws IOException {
        Server server = await(startServer(handler, "127.0.0.1", 0, 16 * 1024, true));
        port.complete(((InetSocketAddress) server.addresses().get(0)).getPort());
        await(server.serveForever());
        return done();
    }
}
