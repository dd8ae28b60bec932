package io.jasyncio.benchmarks.net;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * One server of the network comparison, in a JVM of its own:
 * {@code NetServer <jasyncio|netty|vt> <echo|http>} listens on a free port of 127.0.0.1, prints
 * {@code serving on 127.0.0.1:PORT}, then answers commands on standard input: {@code heap}
 * prints the used heap after full collections ({@code heap BYTES}); end of input stops it.
 */
public final class NetServer {
    private NetServer() {}

    /** A running server of one peer. */
    interface Running {
        int port();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: NetServer <jasyncio|netty|vt> <echo|http>");
        }
        boolean http = switch (args[1]) {
            case "echo" -> false;
            case "http" -> true;
            default -> throw new IllegalArgumentException("protocol: echo or http, not " + args[1]);
        };
        Running server = switch (args[0]) {
            case "jasyncio" -> JasyncioServers.start(http);
            case "netty" -> NettyServers.start(http);
            case "vt" -> BlockingServers.start(http);
            default -> throw new IllegalArgumentException("peer: jasyncio, netty or vt, not " + args[0]);
        };
        System.out.println("serving on 127.0.0.1:" + server.port());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.equals("heap")) {
                System.out.println("heap " + usedHeapAfterGc());
                System.out.flush();
            }
        }
        System.exit(0);
    }

    /** Used heap after full collections, settled: what live objects take. */
    static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(
                    used,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
