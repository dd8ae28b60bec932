package io.jasyncio.benchmarks.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole comparison at smoke sizes (one run, tiny n) with this JVM's java: proves that
 * every peer runs every workload in its own JVM and that the report and charts are written.
 * Timings are never asserted; only that each cell holds a number (or, for virtual threads on a
 * JDK without them, says so).
 */
class CompareSmokeTest {

    @Test
    void smokeRunProducesAFullTableAndCharts(@TempDir Path out) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Report report = new Compare(Compare.Options.parse(
                        "--smoke",
                        "--java",
                        java.toString(),
                        "--out",
                        out.toString(),
                        "--timeout",
                        "120",
                        "--note",
                        "smoke test"))
                .run();

        boolean virtualThreads = Runtime.version().feature() >= 21;
        for (Workload w : Workload.values()) {
            for (Workload.Metric m : w.metrics) {
                for (PeerKind p : PeerKind.values()) {
                    Report.Cell c = report.cell(report.results, w.id, p, m.key());
                    if (p.minJavaFeature > Runtime.version().feature()) {
                        assertThat(c.status()).as(w + " " + p).startsWith("unsupported: needs JDK 21+");
                    } else if (!p.runs(w)) {
                        assertThat(c.status()).as(w + " " + p).startsWith("unsupported");
                    } else {
                        assertThat(c.hasValue())
                                .as(w + " " + m.key() + " " + p + ": " + c.status())
                                .isTrue();
                        assertThat(c.median()).as(w + " " + m.key() + " " + p).isPositive();
                    }
                }
            }
        }
        for (Workload w : Workload.values()) {
            assertThat(report.cell(report.results, w.id, PeerKind.JASYNCIO, "proc_cpu")
                            .hasValue())
                    .as(w + " cpu")
                    .isTrue();
        }
        for (String s : Compare.SCALING) {
            for (String n : report.sizes()) {
                assertThat(report.cell(report.scaling, s, PeerKind.JASYNCIO, "n" + n)
                                .hasValue())
                        .as(s + " " + n)
                        .isTrue();
                assertThat(report.cell(report.scaling, s, PeerKind.COMPLETABLE_FUTURE, "n" + n)
                                .hasValue())
                        .isTrue();
                assertThat(report.cell(report.scaling, s, PeerKind.VT_ONE_CARRIER, "n" + n)
                                .hasValue())
                        .isEqualTo(virtualThreads);
            }
        }

        String md = Files.readString(out.resolve("RESULTS.md"));
        for (Workload w : Workload.values()) {
            assertThat(md).contains("| " + w.id + " |");
        }
        assertThat(md)
                .contains(
                        "jasyncio ÷ cf",
                        "Note: smoke test",
                        "SMOKE sizes",
                        "### CPU time of the same runs",
                        "load average");
        // The JOL section: the parked task's objects, per class, and their field layouts.
        assertThat(md)
                .contains(
                        "bytes per parked task",
                        "io.jasyncio.Task object internals",
                        "io.jasyncio.internal.Frame object internals",
                        "io.jasyncio.Future object internals");
        for (String svg : List.of("results.svg", "scaling.svg")) {
            var doc = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(out.resolve(svg).toFile());
            assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
            assertThat(doc.getElementsByTagName("text").getLength()).as(svg).isGreaterThan(5);
        }
        assertThat(Files.readString(out.resolve("results.svg"))).contains("<rect");

        // The raw results render the same tables again without running anything.
        Path again = out.resolve("again");
        Compare.main(new String[] {"--replot", out.resolve("results.tsv").toString(), "--out", again.toString()});
        String replotted = Files.readString(again.resolve("RESULTS.md"));
        assertThat(replotted.substring(0, replotted.indexOf("## A parked task")))
                .isEqualTo(md.substring(0, md.indexOf("## A parked task")));
    }

    /**
     * The cold mode at smoke sizes, a few workloads and peers (CI time): every peer's JVM on
     * default flags runs a warm-up pass and one measured pass, the raw results go to their own file.
     */
    @Test
    void coldSmokeRunWritesItsOwnResults(@TempDir Path out) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Report report = new Compare(Compare.Options.parse(
                        "--cold",
                        "--smoke",
                        "--java",
                        java.toString(),
                        "--out",
                        out.toString(),
                        "--peers",
                        "jasyncio,cf,kotlinx",
                        "--workloads",
                        "yield_switch,sleep_many,future_pingpong",
                        "--timeout",
                        "120"))
                .run();
        for (String w : List.of("yield_switch", "sleep_many", "future_pingpong")) {
            for (PeerKind p : List.of(PeerKind.JASYNCIO, PeerKind.COMPLETABLE_FUTURE, PeerKind.KOTLINX)) {
                Report.Cell c = report.cell(
                        report.results, w, p, Workload.byId(w).metrics.get(0).key());
                assertThat(c.hasValue()).as(w + " " + p + ": " + c.status()).isTrue();
            }
            assertThat(report.lead(Workload.byId(w), Workload.byId(w).metrics.get(0))
                            .hasValue())
                    .isTrue();
        }
        assertThat(out.resolve("results-cold.tsv")).exists();
        assertThat(out.resolve("results.tsv")).doesNotExist();
        assertThat(Files.readString(out.resolve("RESULTS.md")))
                .contains("jasyncio vs best JVM peer", "default flags", "a warm-up pass at n/10");
    }
}
