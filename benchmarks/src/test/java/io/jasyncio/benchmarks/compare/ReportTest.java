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
    void theColdLeadIsOverTheBestJvmPeerAndTheColdTargetsAreLeads() {
        Compare.Options options = Compare.Options.parse(
                "--cold", "--runs", "1", "--peers", "jasyncio,cf,kotlinx", "--workloads", "yield_switch,sleep_many");
        assertThat(options.scaling()).as("no scaling series in the cold mode").isFalse();
        assertThat(options.java()).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java"));
        Map<String, Map<PeerKind, List<RunResult>>> results = new LinkedHashMap<>();
        results.put(
                "yield_switch",
                Map.of(
                        PeerKind.JASYNCIO, List.of(ok("switches", 30e6)),
                        PeerKind.COMPLETABLE_FUTURE, List.of(ok("switches", 10e6)),
                        PeerKind.KOTLINX, List.of(ok("switches", 20e6))));
        results.put(
                "sleep_many",
                Map.of(
                        PeerKind.JASYNCIO, List.of(ok("wall", 1.0)),
                        PeerKind.COMPLETABLE_FUTURE, List.of(ok("wall", 3.0)),
                        PeerKind.KOTLINX, List.of(RunResult.failed("timeout (180 s)"))));
        Report report = new Report(options, results, Map.of(), "", "today", "machine", "jdk");
        Workload.Metric switches = Workload.YIELD_SWITCH.metrics.get(0);
        Report.Lead lead = report.lead(Workload.YIELD_SWITCH, switches);
        assertThat(lead.factor()).isEqualTo(1.5);
        assertThat(lead.peer()).isEqualTo(PeerKind.KOTLINX);
        Workload.Metric wall = Workload.SLEEP_MANY.metrics.get(0);
        assertThat(report.lead(Workload.SLEEP_MANY, wall).factor())
                .as("time: peer ÷ jasyncio, a failed peer left out")
                .isEqualTo(3.0);
        String md = report.markdown();
        assertThat(md)
                .contains(
                        "| yield_switch | switches/s ↑ | 30.0 M/s | 10.0 M/s | 20.0 M/s | 3.0× | 1.5× | 1.5× (kotlinx) "
                                + "| ≥ 2.0×: MISSED |")
                .contains("| 3.0× (cf) | ≥ 2.0×: met |")
                .contains("default flags")
                .contains("a warm-up pass at n/10, then one measured pass");
    }

    @Test
    void aColdRunKeepsTheWarmResultsAndThePageShowsBoth(@TempDir Path dir) throws Exception {
        Compare.Options warmOptions = Compare.Options.parse(
                "--runs", "1", "--peers", "jasyncio,cf", "--workloads", "yield_switch", "--out", dir.toString());
        Report warm = new Report(
                warmOptions,
                Map.of(
                        "yield_switch",
                        Map.of(
                                PeerKind.JASYNCIO,
                                List.of(ok("switches", 70e6)),
                                PeerKind.COMPLETABLE_FUTURE,
                                List.of(ok("switches", 10e6)))),
                Map.of(),
                "layout",
                "warm day",
                "machine",
                "JDK 25");
        Compare.writeReport(warm, dir);
        String warmTsv = Files.readString(dir.resolve("results.tsv"));

        Compare.Options coldOptions = Compare.Options.parse(
                "--cold",
                "--runs",
                "1",
                "--peers",
                "jasyncio,cf",
                "--workloads",
                "yield_switch",
                "--out",
                dir.toString());
        Report cold = new Report(
                coldOptions,
                Map.of(
                        "yield_switch",
                        Map.of(
                                PeerKind.JASYNCIO,
                                List.of(ok("switches", 9e6)),
                                PeerKind.COMPLETABLE_FUTURE,
                                List.of(ok("switches", 3e6)))),
                Map.of(),
                "layout",
                "cold day",
                "machine",
                "JDK 17");
        Compare.writeReport(cold, dir);

        assertThat(Files.readString(dir.resolve("results.tsv"))).isEqualTo(warmTsv);
        assertThat(dir.resolve("results-cold.tsv")).exists();
        assertThat(dir.resolve("results-cold.svg")).exists();
        String md = Files.readString(dir.resolve("RESULTS.md"));
        assertThat(md)
                .contains("## Cold and warm, side by side", "## Cold: default JVM flags", "## Warm: tuned heap")
                .contains("| yield_switch | switches/s ↑ | 9.00 M/s | 3.00 M/s | 3.0× (cf) | ≥ 2.0×: met "
                        + "| 70.0 M/s | 10.0 M/s | 7.0× (cf) |")
                .contains("cold day", "warm day");
        assertThat(md.indexOf("## Cold:")).isLessThan(md.indexOf("## Warm:"));

        // a warm run afterwards renders the same page from the stored cold results
        Compare.writeReport(warm, dir);
        assertThat(Files.readString(dir.resolve("RESULTS.md"))).isEqualTo(md);
    }

    @Test
    void readsTheFeatureReleaseOfAJavaVersionLine() {
        assertThat(ChildJvm.feature("OpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)"))
                .isEqualTo(17);
        assertThat(ChildJvm.feature("OpenJDK Runtime Environment Temurin-25.0.3+9 (build 25.0.3+9-LTS)"))
                .isEqualTo(25);
        assertThat(ChildJvm.feature("garbage")).isZero();
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
