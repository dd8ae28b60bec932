package io.jasyncio.benchmarks.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The arithmetic and parsing of the comparison, without starting any JVM. */
class ReportTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Report.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Report.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
        assertThat(Report.median(List.of())).isNaN();
    }

    @Test
    void parsesResultLinesAndIgnoresOtherOutput() {
        RunResult r = RunResult.parse("RESULT\tstatus=ok\tswitches=1.5e+07\tcpu=0.25");
        assertThat(r.ok()).isTrue();
        assertThat(r.values()).containsEntry("switches", 1.5e7).containsEntry("cpu", 0.25);
        assertThat(RunResult.parse("WARNING: something")).isNull();
        assertThat(RunResult.parse("RESULT\tstatus=StackOverflowError").ok()).isFalse();
    }

    @Test
    void ratiosAreJasyncioOverPeerAndTheChartOrientsThemSoAboveOneWins() {
        Compare.Options options =
                Compare.Options.parse("--peers", "jasyncio,cf", "--workloads", "yield_switch,park_many");
        Map<String, Map<PeerKind, List<RunResult>>> results = new LinkedHashMap<>();
        results.put(
                "yield_switch",
                Map.of(
                        PeerKind.JASYNCIO, List.of(ok("switches", 40e6), ok("switches", 60e6), ok("switches", 50e6)),
                        PeerKind.COMPLETABLE_FUTURE, List.of(ok("switches", 10e6))));
        results.put(
                "park_many",
                Map.of(
                        PeerKind.JASYNCIO, List.of(ok("bytes", 80)),
                        PeerKind.COMPLETABLE_FUTURE, List.of(RunResult.failed("StackOverflowError"))));
        Report report = new Report(options, results, Map.of(), "", "today", "machine", "jdk");
        Workload.Metric switches = Workload.YIELD_SWITCH.metrics.get(0);
        assertThat(report.ratio(Workload.YIELD_SWITCH, switches, PeerKind.COMPLETABLE_FUTURE))
                .isEqualTo(5.0);
        Workload.Metric bytes = Workload.PARK_MANY.metrics.get(0);
        assertThat(report.ratio(Workload.PARK_MANY, bytes, PeerKind.COMPLETABLE_FUTURE))
                .isNaN();
        String md = report.markdown();
        assertThat(md)
                .contains("| yield_switch | switches/s ↑ | 50.0 M/s | 10.0 M/s (1 run) | 5.0× | ≥ 50.0 M/s: met |");
        assertThat(md)
                .contains(
                        "| park_many | heap per parked task ↓ | 80.0 B (1 run) | StackOverflowError | – | ≤ 80.0 B: met |");
    }

    @Test
    void rawResultsRenderTheSameReportAgain(@TempDir Path dir) throws Exception {
        Compare.Options options = Compare.Options.parse(
                "--peers",
                "jasyncio,cf",
                "--workloads",
                "yield_switch,park_many",
                "--runs",
                "2",
                "--note",
                "a note",
                "--out",
                dir.toString());
        Map<String, Map<PeerKind, List<RunResult>>> results = new LinkedHashMap<>();
        results.put(
                "yield_switch",
                new LinkedHashMap<>(Map.of(
                        PeerKind.JASYNCIO, List.of(ok("switches", 40e6), ok("switches", 60e6)),
                        PeerKind.COMPLETABLE_FUTURE,
                                List.of(ok("switches", 10e6), RunResult.failed("timeout (200 s)")))));
        Map<String, Map<PeerKind, List<RunResult>>> scaling = new LinkedHashMap<>();
        scaling.put("spawn_complete", new LinkedHashMap<>(Map.of(PeerKind.JASYNCIO, List.of(ok("n1000", 120)))));
        Report report = new Report(options, results, scaling, "layout", "2026-11-24 09:00 UTC", "a machine", "JDK 25");
        Path tsv = dir.resolve("results.tsv");
        Files.writeString(tsv, RawResults.write(options.args(), report));

        Report again = RawResults.read(tsv, dir, "layout");
        assertThat(again.markdown()).isEqualTo(report.markdown());
        assertThat(again.options.runs()).isEqualTo(2);
        assertThat(again.options.out()).isEqualTo(dir);
        assertThat(again.markdown()).contains("Note: a note", "timeout (200 s)", "2026-11-24 09:00 UTC");
    }

    @Test
    void rejectsBadOptions() {
        assertThatThrownBy(() -> Compare.Options.parse("--peers", "cf")).hasMessageContaining("must include jasyncio");
        assertThatThrownBy(() -> Compare.Options.parse("--runs")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Compare.Options.parse("--workloads", "nope")).hasMessageContaining("unknown workload");
        assertThatThrownBy(() -> Compare.Options.parse("--frobnicate")).hasMessageContaining("unknown option");
    }

    private static RunResult ok(String key, double value) {
        return new RunResult("ok", Map.of(key, value));
    }
}
