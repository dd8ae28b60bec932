package io.jasyncio.benchmarks.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * RESULTS.md: the cold and the warm comparison side by side, each from its own stored raw results
 * ({@code results-cold.tsv}, {@code results.tsv}), so running one mode never erases the other.
 * With one mode stored, the page is that mode's report alone.
 */
final class ResultsPage {
    private ResultsPage() {}

    /** The page; {@code cold} or {@code warm} may be null (not stored), not both. */
    static String markdown(Report cold, Report warm) {
        if (cold == null) {
            return warm.markdown();
        }
        if (warm == null) {
            return cold.markdown();
        }
        StringBuilder md = new StringBuilder(Report.TITLE);
        md.append("Two modes. **Cold**: every peer's JVM on default flags, one warm-up pass of a tenth of the work, "
                + "then one measured pass, as a program that starts, a test suite or a command-line tool meets "
                + "it. **Warm**: a pre-touched fixed heap and at least 2 s of warm-up, what a long-running "
                + "service reaches.\n\n");
        md.append("## Cold and warm, side by side\n\n");
        md.append("jasyncio and the best JVM peer (the better of kotlinx.coroutines runBlocking and "
                + "CompletableFuture, named) in each mode; the lead is how many times better jasyncio is "
                + "(above 1 it wins). The targets are the cold mode's.\n\n");
        Report.table(md, sideBySide(cold, warm));
        md.append("\n## Cold: default JVM flags, a tenth of the work as warm-up, one measured pass\n\n");
        cold.body(md, false);
        md.append("\n## Warm: tuned heap, at least 2 s of warm-up\n\n");
        warm.body(md, true);
        return md.toString();
    }

    static List<List<String>> sideBySide(Report cold, Report warm) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(
                "workload",
                "metric",
                "cold: jasyncio",
                "cold: best JVM peer",
                "cold: lead",
                "target (cold lead)",
                "warm: jasyncio",
                "warm: best JVM peer",
                "warm: lead"));
        Set<Workload> workloads = new LinkedHashSet<>(cold.options.workloads());
        workloads.addAll(warm.options.workloads());
        for (Workload w : workloads) {
            for (Workload.Metric m : w.metrics) {
                List<String> row = new ArrayList<>(List.of(w.id, m.label() + (m.higherBetter() ? " ↑" : " ↓")));
                add(row, cold, w, m);
                row.add(cold.leadTarget(w, m));
                add(row, warm, w, m);
                rows.add(row);
            }
        }
        return rows;
    }

    private static void add(List<String> row, Report r, Workload w, Workload.Metric m) {
        row.add(r.cellText(r.cell(r.results, w.id, PeerKind.JASYNCIO, m.key()), m));
        Report.Lead lead = r.lead(w, m);
        row.add(lead.hasValue() ? r.cellText(r.cell(r.results, w.id, lead.peer(), m.key()), m) : "–");
        row.add(Report.formatLead(lead));
    }
}
