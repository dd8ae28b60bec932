package io.jasyncio.benchmarks.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every run's raw outcome, tab-separated ({@code results.tsv} beside RESULTS.md), with the
 * comparison's arguments, date, machine and JDK in {@code #} header lines: enough to render the
 * report and charts again ({@code Compare --replot results.tsv}) without running anything.
 */
final class RawResults {
    static final String MAIN = "main";
    static final String SCALE = "scale";

    private RawResults() {}

    static String write(List<String> args, Report report) {
        StringBuilder s =
                new StringBuilder("# jasyncio side-by-side comparison, raw results (Compare --replot this file)\n");
        s.append("#args");
        for (String a : args) {
            s.append('\t').append(a.replace('\t', ' ').replace('\n', ' '));
        }
        s.append('\n');
        s.append("#date\t").append(report.date).append('\n');
        s.append("#machine\t").append(report.machine).append('\n');
        s.append("#jdk\t").append(report.jdk).append('\n');
        s.append("run\tkind\tworkload\tpeer\tresult\n");
        rows(s, MAIN, report.results);
        rows(s, SCALE, report.scaling);
        return s.toString();
    }

    private static void rows(StringBuilder s, String kind, Map<String, Map<PeerKind, List<RunResult>>> from) {
        from.forEach((workload, byPeer) -> byPeer.forEach((peer, runs) -> {
            for (int i = 0; i < runs.size(); i++) {
                s.append(i + 1)
                        .append('\t')
                        .append(kind)
                        .append('\t')
                        .append(workload)
                        .append('\t')
                        .append(peer.id)
                        .append('\t')
                        .append(runs.get(i).toLine().substring("RESULT\t".length()))
                        .append('\n');
            }
        }));
    }

    /** What {@link #write} wrote; {@code layout} is the JOL section to show (layouts are deterministic, so re-measured). */
    static Report read(Path file, Path out, String layout) throws IOException {
        List<String> args = new ArrayList<>();
        String date = "?";
        String machine = "?";
        String jdk = "?";
        Map<String, Map<PeerKind, List<RunResult>>> results = new LinkedHashMap<>();
        Map<String, Map<PeerKind, List<RunResult>>> scaling = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "#args" -> args.addAll(List.of(f).subList(1, f.length));
                case "#date" -> date = f[1];
                case "#machine" -> machine = f[1];
                case "#jdk" -> jdk = f[1];
                case "run" -> {}
                default -> {
                    if (line.startsWith("#") || line.isBlank()) {
                        continue;
                    }
                    if (f.length < 5) {
                        throw new IOException(file + ": not a results row: " + line);
                    }
                    RunResult r = RunResult.parse(
                            "RESULT\t" + String.join("\t", List.of(f).subList(4, f.length)));
                    (f[1].equals(SCALE) ? scaling : results)
                            .computeIfAbsent(f[2], k -> new LinkedHashMap<>())
                            .computeIfAbsent(PeerKind.byId(f[3]), k -> new ArrayList<>())
                            .add(r);
                }
            }
        }
        List<String> replotArgs = new ArrayList<>(args);
        replotArgs.add("--out");
        replotArgs.add(out.toString());
        Compare.Options options = Compare.Options.parse(replotArgs.toArray(String[]::new));
        return new Report(options, results, scaling, layout, date, machine, jdk);
    }
}
