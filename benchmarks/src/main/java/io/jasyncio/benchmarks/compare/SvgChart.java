package io.jasyncio.benchmarks.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Hand-written SVG charts (no charting dependency): log-scale bars and log-log lines. */
final class SvgChart {
    private static final String[] COLORS = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e"};
    private static final String FONT = "font-family=\"sans-serif\" font-size=\"12\"";

    private SvgChart() {}

    private static String color(PeerKind p) {
        return COLORS[p.ordinal() % COLORS.length];
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /**
     * One group of bars per workload metric, one bar per peer: how many times better jasyncio is
     * than that peer (log scale; right of the 1× line jasyncio wins).
     */
    static String advantage(Report report) {
        List<PeerKind> peers = report.others();
        List<String> labels = new ArrayList<>();
        List<double[]> groups = new ArrayList<>();
        List<Workload.Metric[]> metrics = new ArrayList<>();
        List<Workload> workloads = new ArrayList<>();
        for (Workload w : report.options.workloads()) {
            for (Workload.Metric m : w.metrics) {
                double[] g = new double[peers.size()];
                for (int i = 0; i < peers.size(); i++) {
                    g[i] = report.advantage(w, m, peers.get(i));
                }
                labels.add(w.id + " · " + m.label());
                groups.add(g);
                metrics.add(new Workload.Metric[] {m});
                workloads.add(w);
            }
        }
        double lo = -2;
        double hi = 3;
        int left = 230;
        int plotWidth = 520;
        int bar = 12;
        int groupHeight = Math.max(1, peers.size()) * bar + 10;
        int top = 50;
        int height = top + groupHeight * groups.size() + 80;
        int width = left + plotWidth + 40;
        StringBuilder svg = open(width, height);
        svg.append(text(
                width / 2.0,
                22,
                "jasyncio's advantage over each peer (× better, log scale; right of 1× = jasyncio wins)",
                "middle",
                14));
        for (int e = (int) lo; e <= hi; e++) {
            double x = left + (e - lo) / (hi - lo) * plotWidth;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%s\" y1=\"%d\" x2=\"%s\" y2=\"%d\" stroke=\"%s\"/>%n",
                    num(x),
                    top - 5,
                    num(x),
                    top + groupHeight * groups.size(),
                    e == 0 ? "#000" : "#ddd"));
            svg.append(text(
                    x,
                    top + groupHeight * groups.size() + 16,
                    e >= 0 ? (long) Math.pow(10, e) + "×" : "1/" + (long) Math.pow(10, -e),
                    "middle",
                    11));
        }
        double zero = left + (0 - lo) / (hi - lo) * plotWidth;
        for (int gi = 0; gi < groups.size(); gi++) {
            double y0 = top + gi * groupHeight;
            svg.append(text(left - 8, y0 + groupHeight / 2.0 + 4, labels.get(gi), "end", 12));
            for (int i = 0; i < peers.size(); i++) {
                double v = groups.get(gi)[i];
                double y = y0 + 5 + i * bar;
                if (Double.isNaN(v) || v <= 0 || Double.isInfinite(v)) {
                    svg.append(text(
                            zero + 4,
                            y + bar - 3,
                            missing(report, workloads.get(gi), metrics.get(gi)[0], peers.get(i)),
                            "start",
                            10));
                    continue;
                }
                double e = Math.max(lo, Math.min(hi, Math.log10(v)));
                double x = left + (e - lo) / (hi - lo) * plotWidth;
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>%n",
                        num(Math.min(x, zero)),
                        num(y),
                        num(Math.max(1, Math.abs(x - zero))),
                        bar - 2,
                        color(peers.get(i)),
                        esc(peers.get(i).label + ": " + Report.formatRatio(v))));
                svg.append(text(Math.max(x, zero) + 3, y + bar - 3, Report.formatRatio(v), "start", 10));
            }
        }
        legend(svg, peers, 20, height - 36, width - 10);
        return svg.append("</svg>\n").toString();
    }

    /** Why a bar is missing: the peer's failure (jasyncio completed, the peer did not), or n/a. */
    private static String missing(Report report, Workload w, Workload.Metric m, PeerKind peer) {
        Report.Cell mine = report.cell(report.results, w.id, PeerKind.JASYNCIO, m.key());
        Report.Cell theirs = report.cell(report.results, w.id, peer, m.key());
        if (mine.hasValue() && !theirs.hasValue()) {
            return "jasyncio completes; " + peer.id + ": " + theirs.status();
        }
        return "n/a";
    }

    /** Per-task nanoseconds against the number of tasks, log-log, one panel per scaling workload. */
    static String scaling(Report report) {
        List<String> sizes = report.sizes();
        int panelWidth = 360;
        int panelHeight = 240;
        int width = 40 + Compare.SCALING.size() * (panelWidth + 60);
        int height = panelHeight + 140;
        StringBuilder svg = open(width, height);
        svg.append(text(
                width / 2.0,
                22,
                "cost per task (ns, log) against the number of tasks (log): flat = O(1) per task",
                "middle",
                14));
        int px = 70;
        for (String workload : Compare.SCALING) {
            double min = Double.MAX_VALUE;
            double max = 0;
            for (PeerKind p : report.options.peers()) {
                for (String n : sizes) {
                    Report.Cell c = report.cell(report.scaling, workload, p, "n" + n);
                    if (c.hasValue() && c.median() > 0) {
                        min = Math.min(min, c.median());
                        max = Math.max(max, c.median());
                    }
                }
            }
            if (max == 0) {
                min = 1;
                max = 10;
            }
            double lo = Math.floor(Math.log10(min));
            double hi = Math.max(lo + 1, Math.ceil(Math.log10(max)));
            int py = 50;
            svg.append(text(px + panelWidth / 2.0, py - 8, workload, "middle", 13));
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
                    px,
                    py,
                    panelWidth,
                    panelHeight));
            for (double e = lo; e <= hi; e++) {
                double y = py + panelHeight - (e - lo) / (hi - lo) * panelHeight;
                svg.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\" stroke=\"#eee\"/>%n",
                        px,
                        num(y),
                        px + panelWidth,
                        num(y)));
                svg.append(text(px - 5, y + 4, String.format(Locale.ROOT, "%.0f", Math.pow(10, e)), "end", 10));
            }
            for (int i = 0; i < sizes.size(); i++) {
                double x = px + (sizes.size() == 1 ? 0.5 : i / (double) (sizes.size() - 1)) * panelWidth;
                svg.append(text(x, py + panelHeight + 16, "n=" + sizes.get(i), "middle", 10));
            }
            for (PeerKind p : report.options.peers()) {
                StringBuilder points = new StringBuilder();
                for (int i = 0; i < sizes.size(); i++) {
                    Report.Cell c = report.cell(report.scaling, workload, p, "n" + sizes.get(i));
                    if (!c.hasValue() || c.median() <= 0) {
                        continue;
                    }
                    double x = px + (sizes.size() == 1 ? 0.5 : i / (double) (sizes.size() - 1)) * panelWidth;
                    double y = py + panelHeight - (Math.log10(c.median()) - lo) / (hi - lo) * panelHeight;
                    points.append(num(x)).append(',').append(num(y)).append(' ');
                    svg.append(String.format(
                            Locale.ROOT,
                            "<circle cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"%s\"/>%n",
                            num(x),
                            num(y),
                            color(p)));
                }
                if (points.length() > 0) {
                    svg.append(String.format(
                            Locale.ROOT,
                            "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                            points.toString().trim(),
                            color(p)));
                }
            }
            px += panelWidth + 60;
        }
        legend(svg, report.options.peers(), 20, height - 36, width - 10);
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(int width, int height) {
        return new StringBuilder(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">%n"
                        + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                width,
                height,
                width,
                height));
    }

    /** One entry per peer from ({@code x}, {@code y}), wrapping to a new row before {@code maxX}. */
    private static void legend(StringBuilder svg, List<PeerKind> peers, int x, int y, int maxX) {
        int cx = x;
        int cy = y;
        for (PeerKind p : peers) {
            int w = 28 + 7 * p.label.length();
            if (cx > x && cx + w > maxX) {
                cx = x;
                cy += 18;
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
                    cx,
                    cy - 10,
                    color(p)));
            svg.append(text(cx + 16, cy, p.label, "start", 12));
            cx += w;
        }
    }

    private static String text(double x, double y, String s, String anchor, int size) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\" %s>%s</text>%n",
                num(x),
                num(y),
                anchor,
                FONT.replace("12", Integer.toString(size)),
                esc(s));
    }
}
