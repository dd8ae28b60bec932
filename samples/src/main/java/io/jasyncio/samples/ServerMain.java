package io.jasyncio.samples;

import io.jasyncio.Server;
import java.net.InetSocketAddress;

/** What the two sample servers share: the port argument and the address they print. */
final class ServerMain {
    private ServerMain() {}

    /** {@code args[0]} as a port (0 picks a free one), or {@code fallback} without arguments. */
    static int port(String[] args, int fallback) {
        if (args.length == 0) {
            return fallback;
        }
        if (args.length > 1) {
            throw new IllegalArgumentException("usage: [port]");
        }
        try {
            int port = Integer.parseInt(args[0]);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port number: " + args[0]);
        }
    }

    /** {@code HOST:PORT} of the server's first listening address. */
    static String hostPort(Server server) {
        InetSocketAddress a = (InetSocketAddress) server.addresses().get(0);
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }
}
