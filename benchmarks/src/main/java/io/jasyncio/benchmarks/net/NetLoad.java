package io.jasyncio.benchmarks.net;

import static io.jasyncio.AsyncIO.*;

import io.jasyncio.Async;
import io.jasyncio.Awaitable;
import io.jasyncio.Connection;
import io.jasyncio.Coroutine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The client side of the network comparison, the same for every server (one jasyncio loop, in a
 * JVM of its own):
 * <ul>
 * <li>{@code NetLoad echo PORT CONNECTIONS SECONDS}: opens the connections, then each sends a
 * 64-byte message and waits for its echo, again and again, for the given time; prints
 * {@code roundtrips N seconds S}.
 * <li>{@code NetLoad idle PORT CONNECTIONS}: opens the connections and holds them without a
 * byte; prints {@code idle N} once they are all open, closes them at the end of standard input.
 * </ul>
 */
public final class NetLoad {
    static final int MESSAGE = 64;
    /** Connections opened at once: below every peer's listen backlog. */
    static final int CONNECT_BATCH = 100;

    private NetLoad() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int port = Integer.parseInt(args[1]);
        int connections = Integer.parseInt(args[2]);
        if (mode.equals("echo")) {
            double seconds = Double.parseDouble(args[3]);
            long[] result = run(echo(port, connections, seconds));
            System.out.println("roundtrips " + result[0] + " seconds " + result[1] / 1e9);
        } else if (mode.equals("idle")) {
            run(idle(port, connections));
        } else {
            throw new IllegalArgumentException("mode: echo or idle");
        }
    }

    @Async
    static Coroutine<List<Connection>> connectAll(int port, int connections) throws IOException {
        List<Connection> all = new ArrayList<>(connections);
        for (int done = 0; done < connections; done += CONNECT_BATCH) {
            List<Awaitable<?>> batch = new ArrayList<>();
            for (int i = done; i < Math.min(connections, done + CONNECT_BATCH); i++) {
                batch.add(openConnection("127.0.0.1", port));
            }
            for (Object c : await(gather(batch))) {
                all.add((Connection) c);
            }
        }
        return done(all);
    }

    @Async
    static Coroutine<long[]> echo(int port, int connections, double seconds) throws IOException {
        List<Connection> all = await(connectAll(port, connections));
        long start = System.nanoTime();
        double end = getRunningLoop().time() + seconds;
        long[] count = {0};
        List<Awaitable<?>> workers = new ArrayList<>();
        for (Connection c : all) {
            workers.add(createTask(pingPong(c, end, count)));
        }
        await(gather(workers));
        long elapsed = System.nanoTime() - start;
        for (Connection c : all) {
            c.writer().close();
        }
        return done(new long[] {count[0], elapsed});
    }

    @Async
    static Coroutine<Void> pingPong(Connection c, double end, long[] count) throws IOException {
        byte[] message = new byte[MESSAGE];
        while (getRunningLoop().time() < end) {
            c.writer().write(message);
            await(c.writer().drain());
            await(c.reader().readExactly(MESSAGE));
            count[0]++;
        }
        return done();
    }

    @Async
    static Coroutine<Void> idle(int port, int connections) throws IOException {
        List<Connection> all = await(connectAll(port, connections));
        System.out.println("idle " + all.size());
        System.out.flush();
        // wait for the end of standard input on another thread, without blocking the loop
        await(getRunningLoop().runInExecutor(null, () -> {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                // any line: keep waiting for the end
            }
            return null;
        }));
        for (Connection c : all) {
            c.writer().abort();
        }
        return done();
    }
}
