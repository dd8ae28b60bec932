package io.jasyncio.benchmarks.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the network comparison at smoke sizes with this JVM's java: proves that every peer's
 * servers start, serve the client and report their memory, and that the report is written.
 * Timings are never asserted; only that each cell holds a number.
 */
class NetCompareSmokeTest {

    @Test
    void smokeRunMeasuresEveryPeer(@TempDir Path out) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        NetCompare c = new NetCompare(java, true, 0.3, 1, out, "smoke test");
        String report = c.run();
        assertThat(Files.readString(out.resolve("NET-RESULTS.md"))).isEqualTo(report);
        boolean virtualThreads = Runtime.version().feature() >= 21;
        for (String row : c.results.keySet()) {
            assertThat(c.results.get(row).get("jasyncio")).as(row).isNotEmpty();
            assertThat(c.results.get(row).get("netty")).as(row).isNotEmpty();
            assertThat(c.results.get(row).containsKey("vt")).as(row).isEqualTo(virtualThreads);
        }
        assertThat(c.results)
                .containsKeys(
                        "echo round trips/s, 1 connection",
                        "echo round trips/s, 10 connections",
                        "heap per idle connection (B)",
                        "RSS per idle connection (B)");
        assertThat(c.results
                        .get("echo round trips/s, 10 connections")
                        .get("jasyncio")
                        .get(0))
                .isPositive();
        assertThat(report).contains("| echo round trips/s, 1 connection |", "SMOKE sizes");
    }
}
