package io.jasyncio.benchmarks.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Medians of the runs, ratios jasyncio ÷ peer, and the tables printed and written to RESULTS.md. */
final class Report {
    final Compare.Options options;
    final Map<String, Map<PeerKind, List<RunResult>>> results;
    final Map<String, Map<PeerKind, List<RunResult>>> scaling;
    /** {@code ParkedTaskLayout}'s output: the JOL layout of a parked task, its frame and future. */
    final String layout;

    final String date;
    final String machine;
    final String jdk;

    Report(
            Compare.Options options,
            Map<String, Map<PeerKind, List<RunResult>>> results,
            Map<String, Map<PeerKind, List<RunResult>>> scaling,
            String layout,
            String date,
            String machine,
            String jdk) {
        this.options = options;
        this.results = results;
        this.scaling = scaling;
        this.layout = layout;
        this.date = date;
        this.machine = machine;
        this.jdk = jdk;
    }

    /** One cell: the median of the successful runs, or why there is none. */
    record Cell(double median, String status, int okRuns, int runs) {
        boolean hasValue() {
            return !Double.isNaN(median);
        }
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    Cell cell(Map<String, Map<PeerKind, List<RunResult>>> from, String workload, PeerKind peer, String key) {
        List<RunResult> runs = from.getOrDefault(workload, Map.of()).getOrDefault(peer, List.of());
        List<Double> values = new ArrayList<>();
        String status = "not run";
        for (RunResult r : runs) {
            if (r.ok() && r.values().containsKey(key)) {
                values.add(r.values().get(key));
            } else if (!r.ok()) {
                status = r.status();
            }
        }
        return new Cell(median(values), values.isEmpty() ? status : "ok", values.size(), runs.size());
    }

    /** jasyncio ÷ peer, NaN when either is missing. */
    double ratio(Workload w, Workload.Metric m, PeerKind peer) {
        Cell mine = cell(results, w.id, PeerKind.JASYNCIO, m.key());
        Cell theirs = cell(results, w.id, peer, m.key());
        return mine.hasValue() && theirs.hasValue() && theirs.median() != 0
                ? mine.median() / theirs.median()
                : Double.NaN;
    }

    /** How many times better jasyncio is than {@code peer} (above 1: jasyncio wins), for the chart. */
    double advantage(Workload w, Workload.Metric m, PeerKind peer) {
        double r = ratio(w, m, peer);
        return m.higherBetter() ? r : 1 / r;
    }

    /** The JVM peers of the cold mode's lead: the best of them is the one to beat. */
    static final List<PeerKind> JVM_PEERS = List.of(PeerKind.KOTLINX, PeerKind.COMPLETABLE_FUTURE);

    /** How many times better jasyncio is than the best JVM peer, and which peer that is. */
    record Lead(double factor, PeerKind peer) {
        boolean hasValue() {
            return !Double.isNaN(factor);
        }
    }

    /**
     * jasyncio against the best of {@link #JVM_PEERS} on one metric: the smallest of its
     * advantages over them (above 1: jasyncio wins); NaN when no JVM peer has a number.
     */
    Lead lead(Workload w, Workload.Metric m) {
        Lead best = new Lead(Double.NaN, null);
        for (PeerKind p : JVM_PEERS) {
            if (!options.peers().contains(p)) {
                continue;
            }
            double a = advantage(w, m, p);
            if (!Double.isNaN(a) && !Double.isInfinite(a) && (!best.hasValue() || a < best.factor())) {
                best = new Lead(a, p);
            }
        }
        return best;
    }

    static String formatLead(Lead lead) {
        return lead.hasValue() ? formatRatio(lead.factor()) + " (" + lead.peer().id + ")" : "–";
    }

    /** The cold mode's target of {@code w}'s metric {@code m}, and whether it is met; "" when none. */
    String leadTarget(Workload w, Workload.Metric m) {
        if (Double.isNaN(w.coldLead) || m != w.metrics.get(0)) {
            return "";
        }
        String goal = "≥ " + formatRatio(w.coldLead);
        Lead lead = lead(w, m);
        if (!lead.hasValue()) {
            return goal + ": not measured";
        }
        return goal + ": " + (lead.factor() >= w.coldLead ? "met" : "MISSED");
    }

    List<PeerKind> others() {
        return options.peers().stream().filter(p -> p != PeerKind.JASYNCIO).toList();
    }

    static String format(double value, Workload.Metric m) {
        double v = value / m.unitScale();
        String digits = Math.abs(v) >= 100 ? "%.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, digits, v) + " " + m.unit();
    }

    static String formatRatio(double r) {
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            return "–";
        }
        return String.format(Locale.ROOT, r >= 10 ? "%.0f×" : r >= 1 ? "%.1f×" : "%.2f×", r);
    }

    String cellText(Cell c, Workload.Metric m) {
        if (!c.hasValue()) {
            return c.status();
        }
        String text = format(c.median(), m);
        if (c.okRuns() < c.runs()) {
            return text + " (" + c.okRuns() + "/" + c.runs() + " ok)";
        }
        return c.runs() != options.runs() ? text + " (" + c.runs() + " run" + (c.runs() == 1 ? "" : "s") + ")" : text;
    }

    /** The main table: one row per workload metric. */
    List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("workload", "metric"));
        for (PeerKind p : options.peers()) {
            header.add(p.label);
        }
        for (PeerKind p : others()) {
            header.add("jasyncio ÷ " + p.id);
        }
        if (options.cold()) {
            header.add("jasyncio vs best JVM peer (× better)");
        }
        header.add("target (jasyncio)");
        rows.add(header);
        for (Workload w : options.workloads()) {
            for (Workload.Metric m : w.metrics) {
                List<String> row = new ArrayList<>(List.of(w.id, m.label() + (m.higherBetter() ? " ↑" : " ↓")));
                for (PeerKind p : options.peers()) {
                    row.add(cellText(cell(results, w.id, p, m.key()), m));
                }
                for (PeerKind p : others()) {
                    row.add(formatRatio(ratio(w, m, p)));
                }
                if (options.cold()) {
                    row.add(formatLead(lead(w, m)));
                    row.add(String.join("; ", nonEmpty(leadTarget(w, m), coldTarget(w, m))));
                } else {
                    row.add(target(w, m));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The absolute targets that hold in the cold mode too: the bytes of a parked task, the deep chain. */
    private String coldTarget(Workload w, Workload.Metric m) {
        return w == Workload.AWAIT_CHAIN_1E5 || w == Workload.PARK_MANY ? target(w, m) : "";
    }

    private static List<String> nonEmpty(String... texts) {
        return Arrays.stream(texts).filter(t -> !t.isEmpty()).toList();
    }

    private String target(Workload w, Workload.Metric m) {
        Cell mine = cell(results, w.id, PeerKind.JASYNCIO, m.key());
        if (w == Workload.AWAIT_CHAIN_1E5) {
            return "completes on defaults: "
                    + (mine.hasValue()
                            ? "met"
                            : mine.status().equals("not run") || mine.status().startsWith("unsupported")
                                    ? "not measured"
                                    : "MISSED (" + mine.status() + ")");
        }
        if (Double.isNaN(m.target())) {
            return "";
        }
        String goal = (m.higherBetter() ? "≥ " : "≤ ") + format(m.target(), m);
        if (!mine.hasValue()) {
            return goal + ": not measured";
        }
        boolean met = m.higherBetter() ? mine.median() >= m.target() : mine.median() <= m.target();
        double factor = m.higherBetter() ? m.target() / mine.median() : mine.median() / m.target();
        return goal + ": " + (met ? "met" : String.format(Locale.ROOT, "MISSED (%.1f× off)", factor));
    }

    /**
     * Process CPU seconds of each measured iteration (all threads of the peer's JVM, GC and JIT
     * included): on a machine shared with other work, wall time also counts waiting for a core.
     */
    List<List<String>> cpuRows() {
        Workload.Metric cpu = new Workload.Metric("proc_cpu", "process CPU", false, 1e-3, "ms", Double.NaN);
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("workload"));
        for (PeerKind p : options.peers()) {
            header.add(p.label);
        }
        for (PeerKind p : others()) {
            header.add("jasyncio ÷ " + p.id);
        }
        rows.add(header);
        for (Workload w : options.workloads()) {
            List<String> row = new ArrayList<>(List.of(w.id));
            for (PeerKind p : options.peers()) {
                row.add(cellText(cell(results, w.id, p, cpu.key()), cpu));
            }
            Cell mine = cell(results, w.id, PeerKind.JASYNCIO, cpu.key());
            for (PeerKind p : others()) {
                Cell theirs = cell(results, w.id, p, cpu.key());
                row.add(formatRatio(
                        mine.hasValue() && theirs.hasValue() ? mine.median() / theirs.median() : Double.NaN));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The scaling table: per-task nanoseconds at each size, per workload and peer. */
    List<List<String>> scalingRows() {
        List<List<String>> rows = new ArrayList<>();
        List<String> sizes = sizes();
        List<String> header = new ArrayList<>(List.of("workload", "peer"));
        for (String s : sizes) {
            header.add("n=" + s + " (ns/task)");
        }
        header.add("largest ÷ smallest");
        rows.add(header);
        for (String s : Compare.SCALING) {
            for (PeerKind p : options.peers()) {
                List<String> row = new ArrayList<>(List.of(s, p.label));
                double first = Double.NaN;
                double last = Double.NaN;
                for (String n : sizes) {
                    Cell c = cell(scaling, s, p, "n" + n);
                    row.add(c.hasValue() ? String.format(Locale.ROOT, "%.0f", c.median()) : c.status());
                    if (c.hasValue()) {
                        first = Double.isNaN(first) ? c.median() : first;
                        last = c.median();
                    }
                }
                row.add(formatRatio(last / first));
                rows.add(row);
            }
        }
        return rows;
    }

    List<String> sizes() {
        return options.smoke() ? List.of("10", "100") : List.of("1000", "10000", "100000", "1000000");
    }

    String header() {
        return "Date: " + date + "  \nMachine: " + machine + "  \nJDK of every peer JVM: " + jdk
                + "  \nCommand: `" + options.command() + "`"
                + " (" + options.runs() + " run(s) per peer and workload, each in a fresh JVM"
                + (options.cold()
                        ? " with default flags, a warm-up pass of a tenth of the work, one measured pass"
                        : "")
                + "; medians"
                + (options.smoke() ? "; SMOKE sizes, numbers meaningless" : "") + ")"
                + (options.note().isEmpty() ? "" : "  \nNote: " + options.note());
    }

    static final String TITLE = "# jasyncio side by side with its peers\n\n";

    /** This run alone as a page (RESULTS.md shows both modes when both are stored: {@link ResultsPage}). */
    String markdown() {
        StringBuilder md = new StringBuilder(TITLE);
        body(md, true);
        return md.toString();
    }

    /** The header, the tables and charts; with {@code full} the JOL layout and the workloads too. */
    void body(StringBuilder md, boolean full) {
        md.append(header()).append("\n\n");
        List<String> jvmOptions = ChildJvm.options(options.smoke(), options.cold());
        md.append("Ratios are jasyncio ÷ peer: above 1 is better for ↑ metrics (throughput), below 1 is better for "
                + "↓ metrics (time, bytes). "
                + (jvmOptions.isEmpty()
                        ? "Common JVM options: none (default flags, as a user starts a JVM)"
                        : "Common JVM options: `" + String.join(" ", jvmOptions) + "`")
                + "; the 1-carrier virtual-thread JVM adds `" + String.join(" ", PeerKind.VT_ONE_CARRIER.jvmOptions)
                + "`.");
        if (options.cold()) {
            md.append(" The lead over the best JVM peer is how many times better jasyncio is than the better of "
                    + "kotlinx.coroutines (runBlocking) and CompletableFuture on that metric (peer time ÷ jasyncio "
                    + "time, or jasyncio throughput ÷ peer throughput; above 1 jasyncio wins), the peer named.");
        }
        md.append("\n\n");
        table(md, rows());
        md.append("\n![jasyncio's advantage over each peer](")
                .append(options.cold() ? "results-cold.svg" : "results.svg")
                .append(")\n");
        md.append("\n### CPU time of the same runs\n\n");
        md.append("Process CPU time of each measured iteration (all threads of the peer's JVM: the loop or "
                + "carriers, GC, JIT), medians; below 1 jasyncio used less. On a busy machine wall time also "
                + "counts the time spent waiting for a core; CPU time much less so.\n\n");
        table(md, cpuRows());
        if (!scaling.isEmpty()) {
            md.append("\n## Scaling: cost per task from 10³ to 10⁶ tasks\n\n");
            md.append("`spawn_complete`: create n tasks, await all. `sleep_cancel`: n tasks each sleep 10⁶–2·10⁶ s, "
                    + "then all are cancelled and awaited (task creation, timer insert, cancellation, timer removal, "
                    + "completion). Each size is repeated until about 2·10⁵ tasks ran (10⁶: once), in one JVM per peer and run; "
                    + options.scalingRuns() + " run(s), medians. "
                    + "A flat row means no O(n) step per task.\n\n");
            table(md, scalingRows());
            md.append("\n![per-task cost against n](scaling.svg)\n");
        }
        if (!full) {
            return;
        }
        if (!layout.isEmpty()) {
            md.append("\n## A parked task, byte by byte (JOL)\n\n");
            md.append("`io.jasyncio.benchmarks.ParkedTaskLayout`: parks tasks all awaiting one shared pending "
                    + "future, then tasks that each await their own pending future; walks the heap graph (JOL `GraphLayout`) before and after one more batch, and prints "
                    + "what each parked task adds, then the field layout of the task, its frame and the future.\n\n");
            md.append(layout).append('\n');
        }
        md.append("\n## Workloads\n\n");
        for (Workload w : options.workloads()) {
            md.append("- `")
                    .append(w.id)
                    .append("` (n = ")
                    .append(options.smoke() ? w.smokeSize : w.size)
                    .append(", ")
                    .append(
                            options.cold()
                                    ? "a warm-up pass at n/10, then one measured pass"
                                    : options.smoke()
                                            ? "no warm-up"
                                            : w.warmups == 0
                                                    ? "cold, no warm-up"
                                                    : "≥ " + w.warmups
                                                            + " warm-up iteration(s) and ≥ 2 s of them in the same JVM")
                    .append("): ")
                    .append(w.description)
                    .append('\n');
        }
    }

    static void table(StringBuilder md, List<List<String>> rows) {
        for (int i = 0; i < rows.size(); i++) {
            md.append("| ").append(String.join(" | ", rows.get(i))).append(" |\n");
            if (i == 0) {
                md.append("|").append("---|".repeat(rows.get(0).size())).append('\n');
            }
        }
    }

    String console() {
        StringBuilder out = new StringBuilder(header().replace("  \n", "\n")).append("\n\n");
        text(out, rows());
        out.append('\n');
        text(out, cpuRows());
        if (!scaling.isEmpty()) {
            out.append('\n');
            text(out, scalingRows());
        }
        return out.toString();
    }

    private static void text(StringBuilder out, List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                out.append(String.format("%-" + widths[i] + "s", row.get(i))).append(i + 1 < row.size() ? "  " : "\n");
            }
        }
    }
}
