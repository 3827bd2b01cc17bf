package org.wirearchive.reports.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.wirearchive.reports.files.Report;

/**
 * Renders {@code report.html}: one self-contained page (inline CSS and SVG, no script, no network; a
 * Content-Security-Policy forbids loading anything) with the run's own counts, a chart of articles per provider per day
 * (month, year: the heading says which),
 * duplicates by rule, rejects by reason, the largest providers and the reject list. Every text from the store is
 * escaped. The output depends only on the data: same store, same bytes.
 */
public final class HtmlReport {

    /** The id of the page's main element; a renderer checks the loaded DOM for it. */
    public static final String MARKER_ID = "wirearchive-report";

    /** Colours for providers (Okabe-Ito, colour-blind safe), the last one for "other". */
    private static final String[] PALETTE = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
        "#F0E442", "#999999"};
    private static final int TOP_PROVIDERS_IN_CHART = PALETTE.length - 1;
    private static final int LARGEST_PROVIDERS = 15;

    private final StringBuilder out = new StringBuilder(64 * 1024);

    private HtmlReport() {
    }

    /** The whole page. */
    public static String render(ReportData data) {
        HtmlReport page = new HtmlReport();
        page.page(data);
        return page.out.toString();
    }

    private void page(ReportData d) {
        String title = d.runId() == null ? "wirearchive report" : "wirearchive report: run " + d.runId();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n<main id=\"").append(MARKER_ID).append("\">\n");
        out.append("<header><h1>").append(esc(title)).append("</h1>\n<p class=\"sub\">").append(esc(d.selection()));
        if (d.firstDate() != null) {
            out.append(" Publication dates ").append(esc(d.firstDate())).append(" to ").append(esc(d.lastDate()))
                    .append('.');
        }
        out.append("</p></header>\n");
        summary(d);
        out.append("<section>");
        dailyChart(d.daily()); // its heading names the bar's span: day, month or year
        out.append("</section>\n<div class=\"two\">\n<section><h2>Duplicates by rule</h2>\n");
        List<String[]> rules = new ArrayList<>();
        for (String[] r : d.duplicateRules()) {
            String avg = r[2] == null ? "" : " (mean similarity " + r[2] + ")";
            rules.add(new String[] {r[0] == null ? "(no rule)" : r[0], r[1], avg});
        }
        barChart(rules, "#0072B2", "No duplicates.");
        out.append("</section>\n<section><h2>Rejects by reason</h2>\n");
        List<String[]> reasons = new ArrayList<>();
        for (String[] r : d.rejectReasons()) {
            reasons.add(new String[] {r[0] == null ? "(no reason)" : r[0], r[1], ""});
        }
        barChart(reasons, "#D55E00", "No rejects.");
        out.append("</section>\n</div>\n");
        largestProviders(d.daily());
        rejectList(d);
        out.append("<footer>Written by wirearchive from the article store. The CSV files next to this page hold ")
                .append("every row.</footer>\n</main>\n</body>\n</html>\n");
    }

    private void summary(ReportData d) {
        out.append("<section><h2>").append(d.runId() == null ? "Run summary" : "This run: run " + d.runId())
                .append("</h2>\n");
        RunSummary run = d.run();
        if (run == null) {
            out.append("<p class=\"empty\">")
                    .append(d.runId() == null ? "No run is recorded in the store."
                            : "Run " + d.runId() + " is not recorded in the runs table.")
                    .append("</p>\n");
        } else {
            String status = run.get("status");
            out.append("<p class=\"sub\">The tiles and the table count what run ").append(esc(run.get("run_id")))
                    .append(" did: the files it saw and the inputs and articles it processed.</p>\n");
            out.append("<div class=\"cards\">\n");
            card("Status", status, "COMPLETED".equals(status) ? "ok" : "warn");
            card("Run date", run.get("run_date"), null);
            card("Files seen", run.get("files_seen"), null);
            card("Inputs read", run.get("inputs_read"), null);
            card("Articles new", run.get("articles_new"), null);
            card("Articles updated", run.get("articles_updated"), null);
            card("Duplicates", run.get("duplicates"), null);
            card("Rejects", run.get("rejects"), "0".equals(run.get("rejects")) ? null : "warn");
            card("Inputs per second", run.get("inputs_per_second"), null);
            out.append("</div>\n<table class=\"kv\">\n");
            List<String> header = Report.RUN_SUMMARY.header();
            for (int i = 0; i < header.size(); i++) {
                out.append("<tr><th>").append(esc(header.get(i))).append("</th><td dir=\"auto\">")
                        .append(esc(run.cells().get(i))).append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        // the charts below show the report's selection (the whole store by default), not this run alone: say so
        String sel = d.selection().strip().replaceAll("\\.$", "");
        sel = sel.isEmpty() ? sel : sel.substring(0, 1).toLowerCase(Locale.ROOT) + sel.substring(1);
        out.append("</section>\n<p class=\"totals\">The charts and tables below cover ").append(esc(sel))
                .append(": <b>").append(fmt(d.articles())).append("</b> articles, <b>").append(fmt(d.inputs()))
                .append("</b> inputs and <b>").append(fmt(d.rejectsTotal())).append("</b> rejects.</p>\n");
    }

    private void card(String label, String value, String kind) {
        String shown = value == null || value.isEmpty() ? "–" : value.matches("\\d{4,18}") ? fmt(Long.parseLong(value))
                : value;
        out.append("<div class=\"card").append(kind == null ? "" : " " + kind).append("\"><span>").append(esc(label))
                .append("</span><b>").append(esc(shown))
                .append("</b></div>\n");
    }

    /** Stacked bars: one bar per day (per month or year over long spans), one colour per large provider. */
    private void dailyChart(List<ReportData.DailyRow> daily) {
        DailyChartData data = DailyChartData.of(daily, TOP_PROVIDERS_IN_CHART);
        if (data == null) {
            out.append("<h2>Articles per provider</h2>\n<p class=\"empty\">No dated articles.</p>\n");
            return;
        }
        String unit = data.unit();
        out.append("<h2>Articles per provider per ").append(unit).append("</h2>\n");
        long step = niceStep(data.peak());
        long top0 = ((data.peak() + step - 1) / step) * step;
        int width = 960;
        int height = 300;
        int left = 56;
        int right = 12;
        int topPad = 12;
        int bottom = 44;
        double plotW = width - left - right;
        double plotH = height - topPad - bottom;
        double slot = plotW / data.counts().size();
        double barW = Math.max(1, slot * 0.8);
        out.append("<p class=\"sub\">One bar per ").append(unit).append(", ").append(esc(fmt(data.dated())))
                .append(" dated articles.</p>\n");
        out.append("<svg class=\"chart\" role=\"img\" aria-label=\"Articles per provider per ").append(unit)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        for (long v = 0; v <= top0; v += step) {
            double y = topPad + plotH - plotH * v / top0;
            out.append("<line class=\"grid\" x1=\"").append(left).append("\" x2=\"").append(width - right)
                    .append("\" y1=\"").append(n(y)).append("\" y2=\"").append(n(y)).append("\"/>")
                    .append("<text class=\"ytick\" x=\"").append(left - 6).append("\" y=\"").append(n(y + 4))
                    .append("\">").append(fmt(v)).append("</text>\n");
        }
        List<String> series = data.series();
        int labelEvery = Math.max(1, (int) Math.ceil(data.counts().size() / 12.0));
        int i = 0;
        for (Map.Entry<String, long[]> e : data.counts().entrySet()) {
            double x = left + i * slot + (slot - barW) / 2;
            double y = topPad + plotH;
            long[] c = e.getValue();
            for (int s = 0; s < c.length; s++) {
                if (c[s] == 0) {
                    continue;
                }
                double h = plotH * c[s] / top0;
                y -= h;
                out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
                        .append(n(barW)).append("\" height=\"").append(n(h)).append("\" fill=\"")
                        .append(color(s, series.size(), data.other())).append("\"><title>").append(esc(e.getKey()))
                        .append(" · ").append(esc(series.get(s))).append(": ").append(fmt(c[s]))
                        .append("</title></rect>\n");
            }
            if (i % labelEvery == 0) {
                out.append("<text class=\"xtick\" x=\"").append(n(left + i * slot + slot / 2)).append("\" y=\"")
                        .append(height - bottom + 16).append("\">").append(esc(e.getKey())).append("</text>\n");
            }
            i++;
        }
        out.append("<line class=\"axis\" x1=\"").append(left).append("\" x2=\"").append(width - right)
                .append("\" y1=\"").append(n(topPad + plotH)).append("\" y2=\"").append(n(topPad + plotH))
                .append("\"/>\n</svg>\n<ul class=\"legend\">\n");
        for (int s = 0; s < series.size(); s++) {
            out.append("<li><i style=\"background:").append(color(s, series.size(), data.other())).append("\"></i>")
                    .append("<bdi>").append(esc(series.get(s))).append("</bdi> <span>").append(fmt(data.total(s)))
                    .append("</span></li>\n");
        }
        out.append("</ul>\n");
    }

    /** Horizontal bars; rows are label, count, note. */
    private void barChart(List<String[]> rows, String colour, String empty) {
        if (rows.isEmpty()) {
            out.append("<p class=\"empty\">").append(esc(empty)).append("</p>\n");
            return;
        }
        long max = 1;
        for (String[] r : rows) {
            max = Math.max(max, Long.parseLong(r[1]));
        }
        int rowH = 28;
        int width = 460;
        int labelW = 170;
        int barMax = width - labelW - 60;
        int height = rows.size() * rowH + 4;
        out.append("<svg class=\"bars\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            long v = Long.parseLong(r[1]);
            double w = Math.max(2, barMax * (double) v / max);
            int y = i * rowH + 4;
            out.append("<text class=\"blabel\" x=\"").append(labelW - 8).append("\" y=\"").append(y + 15)
                    .append("\">").append(esc(shorten(r[0], 26))).append("</text>")
                    .append("<rect x=\"").append(labelW).append("\" y=\"").append(y).append("\" width=\"")
                    .append(n(w)).append("\" height=\"").append(rowH - 8).append("\" rx=\"3\" fill=\"").append(colour)
                    .append("\"><title>").append(esc(r[0] + ": " + v + r[2])).append("</title></rect>")
                    .append("<text class=\"bval\" x=\"").append(n(labelW + w + 6)).append("\" y=\"").append(y + 15)
                    .append("\">").append(fmt(v)).append("</text>\n");
        }
        out.append("</svg>\n");
    }

    private void largestProviders(List<ReportData.DailyRow> daily) {
        Map<String, long[]> totals = new TreeMap<>();
        Map<String, String[]> names = new TreeMap<>();
        for (ReportData.DailyRow r : daily) {
            String key = r.providerKey() == null ? "" : r.providerKey();
            long[] t = totals.computeIfAbsent(key, k -> new long[3]);
            t[0] += r.articles();
            t[1] += r.duplicates();
            t[2] += r.rejects();
            String[] nm = names.computeIfAbsent(key, k -> new String[3]);
            if (r.provider() != null && (nm[0] == null || r.provider().compareTo(nm[0]) < 0)) {
                nm[0] = r.provider();
            }
            if (r.date() != null && r.articles() > 0) {
                nm[1] = nm[1] == null || r.date().compareTo(nm[1]) < 0 ? r.date() : nm[1];
                nm[2] = nm[2] == null || r.date().compareTo(nm[2]) > 0 ? r.date() : nm[2];
            }
        }
        List<String> keys = new ArrayList<>(totals.keySet());
        keys.sort(Comparator.comparing((String k) -> -totals.get(k)[0]).thenComparing(Comparator.naturalOrder()));
        out.append("<section><h2>Largest providers</h2>\n");
        if (keys.isEmpty()) {
            out.append("<p class=\"empty\">No providers.</p>\n</section>\n");
            return;
        }
        out.append("<table class=\"grid\"><thead><tr><th>Provider key</th><th>Provider</th><th class=\"n\">Articles")
                .append("</th><th class=\"n\">Duplicates</th><th class=\"n\">Rejects</th><th>First published</th>")
                .append("<th>Last published</th></tr></thead>\n<tbody>\n");
        for (String k : keys.subList(0, Math.min(LARGEST_PROVIDERS, keys.size()))) {
            long[] t = totals.get(k);
            String[] nm = names.get(k);
            out.append("<tr><td dir=\"auto\">").append(k.isEmpty() ? "<i>none</i>" : esc(k)).append("</td><td dir=\"auto\">")
                    .append(esc(nm[0])).append("</td><td class=\"n\">").append(fmt(t[0])).append("</td><td class=\"n\">")
                    .append(fmt(t[1])).append("</td><td class=\"n\">").append(fmt(t[2])).append("</td><td>")
                    .append(esc(nm[1])).append("</td><td>").append(esc(nm[2])).append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
        if (keys.size() > LARGEST_PROVIDERS) {
            out.append("<p class=\"sub\">").append(keys.size() - LARGEST_PROVIDERS)
                    .append(" more providers in provider_daily.csv.</p>\n");
        }
        out.append("</section>\n");
    }

    private void rejectList(ReportData d) {
        out.append("<section><h2>Rejected inputs</h2>\n");
        if (d.rejectList().isEmpty()) {
            out.append("<p class=\"empty\">No rejected inputs.</p>\n</section>\n");
            return;
        }
        out.append("<table class=\"grid\" id=\"rejects\"><thead><tr><th>Source</th><th>Reason</th><th>What was wrong")
                .append("</th></tr></thead>\n<tbody>\n");
        for (String[] r : d.rejectList()) {
            out.append("<tr><td class=\"src\" dir=\"auto\">").append(esc(r[0])).append("</td><td><code>")
                    .append(esc(r[1])).append("</code></td><td dir=\"auto\">").append(esc(r[2])).append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
        if (d.rejectsTotal() > d.rejectList().size()) {
            out.append("<p class=\"sub\">Showing ").append(fmt(d.rejectList().size())).append(" of ")
                    .append(fmt(d.rejectsTotal())).append(" rejects; all of them are in rejects.csv.</p>\n");
        }
        out.append("</section>\n");
    }

    private static String color(int s, int count, boolean other) {
        return other && s == count - 1 ? PALETTE[PALETTE.length - 1] : PALETTE[s % (PALETTE.length - 1)];
    }

    /** A step of 1, 2 or 5 x 10^k giving about four grid lines up to {@code peak}. */
    static long niceStep(long peak) {
        if (peak <= 4) {
            return 1;
        }
        double raw = peak / 4.0;
        long mag = 1;
        while (mag * 10 <= raw) {
            mag *= 10;
        }
        for (long f : new long[] {1, 2, 5, 10}) {
            if (f * mag >= raw) {
                return f * mag;
            }
        }
        return 10 * mag;
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String n(double v) {
        return Cells.decimal(v, 1);
    }

    private static String fmt(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static String fmt(String v) {
        return v;
    }

    /** HTML-escapes text for element content and attribute values; control characters become U+FFFD. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&':
                    b.append("&amp;");
                    break;
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '"':
                    b.append("&quot;");
                    break;
                case '\'':
                    b.append("&#39;");
                    break;
                default:
                    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.toString();
    }

    private static final String CSS = String.join("\n",
            ":root{--fg:#1d2330;--muted:#5b6475;--line:#dde2ea;--bg:#f5f7fa;--card:#fff;--accent:#0072B2}",
            "*{box-sizing:border-box}",
            "body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,'Segoe UI',"
                    + "'DejaVu Sans','Noto Sans',Arial,sans-serif}",
            "main{max-width:1040px;margin:0 auto;padding:24px 28px 40px}",
            "header{border-bottom:3px solid var(--accent);margin-bottom:18px}",
            "h1{font-size:24px;margin:0 0 4px}",
            "h2{font-size:16px;margin:0 0 12px;color:var(--fg)}",
            "section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:16px 18px;"
                    + "margin:0 0 16px}",
            ".sub{color:var(--muted);margin:0 0 10px}",
            ".empty{color:var(--muted);font-style:italic}",
            ".two{display:grid;grid-template-columns:1fr 1fr;gap:16px}",
            ".two section{margin:0 0 16px}",
            ".cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;margin-bottom:14px}",
            ".card{border:1px solid var(--line);border-radius:6px;padding:8px 10px;background:#fbfcfe}",
            ".card span{display:block;color:var(--muted);font-size:12px}",
            ".card b{font-size:20px}",
            ".card.ok b{color:#0a7a3e}",
            ".card.warn b{color:#b4470c}",
            "table{border-collapse:collapse;width:100%}",
            "table.kv th{text-align:left;font-weight:normal;color:var(--muted);width:190px;padding:2px 8px 2px 0;"
                    + "font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:12px}",
            "table.kv td{padding:2px 0;word-break:break-all}",
            "table.kv{margin-bottom:8px}",
            "table.grid th,table.grid td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:start;"
                    + "vertical-align:top}",
            "table.grid th{background:#eef2f7;font-weight:600}",
            "table.grid td.n,table.grid th.n{text-align:right;font-variant-numeric:tabular-nums}",
            "td.src{word-break:break-all;font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:12px}",
            "code{background:#eef2f7;padding:1px 4px;border-radius:3px}",
            ".totals{margin:4px 0 0}",
            "svg{display:block;width:100%;height:auto}",
            "svg text{font-size:11px;fill:var(--muted)}",
            "svg .ytick{text-anchor:end}",
            "svg .xtick{text-anchor:middle}",
            "svg .blabel{text-anchor:end;fill:var(--fg);font-size:12px}",
            "svg .bval{fill:var(--fg);font-size:12px}",
            "svg .grid{stroke:var(--line);stroke-width:1}",
            "svg .axis{stroke:var(--muted);stroke-width:1}",
            ".legend{list-style:none;padding:0;margin:8px 0 0;display:flex;flex-wrap:wrap;gap:6px 16px}",
            ".legend i{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:6px;"
                    + "vertical-align:-1px}",
            ".legend span{color:var(--muted)}",
            "footer{color:var(--muted);font-size:12px;margin-top:8px}",
            "@media (max-width:720px){.two{display:block}}",
            "");
}
