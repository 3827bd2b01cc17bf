package org.wirearchive.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @TempDir
    Path out;

    String page(TestStore store, long runId) throws Exception {
        ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(out, runId));
        return Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    }

    @Test
    void showsTheRunSummaryChartsAndTables() throws Exception {
        String html;
        try (TestStore store = SampleStore.create()) {
            html = page(store, 2);
        }
        // the tiles are run 2's own counts, the charts the whole store's: each part says which
        assertThat(html).contains("<h2>This run: run 2</h2>").contains("The tiles and the table count what run 2 did")
                .contains("The charts and tables below cover the whole article store: <b>")
                .contains("<h2>Articles per provider per day</h2>");
        assertThat(html).contains("<main id=\"wirearchive-report\">").contains("wirearchive report: run 2")
                .contains("<tr><th>inputs_per_second</th><td dir=\"auto\">0.75</td></tr>")
                .contains("<tr><th>rejects_by_reason</th><td dir=\"auto\">binary=1</td></tr>")
                .contains("Publication dates 2025-06-26 to 2025-06-28.")
                .contains("<title>2025-06-26 · kuna: 1</title>").contains("<title>2025-06-27 · azernews: 1</title>")
                .contains("<title>same-article-no: 1 (mean similarity 0.9700)</title>")
                .contains("<title>empty: 1</title>").contains("<title>binary: 1</title>")
                .contains("<td class=\"src\" dir=\"auto\">archive/zz.bin</td><td><code>binary</code></td>"
                        + "<td dir=\"auto\">the file is binary data, not text or HTML</td>");
        // largest providers: kuna (2 articles) first, then azernews and jna (1 each) by key
        int kuna = html.indexOf("<tr><td dir=\"auto\">kuna</td>");
        int azer = html.indexOf("<tr><td dir=\"auto\">azernews</td>");
        int jna = html.indexOf("<tr><td dir=\"auto\">jna</td>");
        assertThat(kuna).isPositive().isLessThan(azer);
        assertThat(azer).isLessThan(jna);
        assertThat(html).contains("<tr><td dir=\"auto\">kuna</td><td dir=\"auto\">Kuwait News Agency (KUNA)</td>"
                + "<td class=\"n\">2</td><td class=\"n\">1</td><td class=\"n\">0</td><td>2025-06-26</td>"
                + "<td>2025-06-28</td></tr>");
    }

    @Test
    void isSelfContained() throws Exception {
        String html;
        try (TestStore store = SampleStore.create()) {
            html = page(store, 2);
        }
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<iframe")
                .doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("url(")
                .doesNotContain(" src=").contains("default-src 'none'");
        Matcher m = Pattern.compile("(?i)(https?:)?//[a-z0-9.-]+").matcher(html);
        List<String> hosts = new ArrayList<>();
        while (m.find()) {
            hosts.add(m.group());
        }
        assertThat(hosts).as("the only address is the SVG namespace").containsOnly("http://www.w3.org");
    }

    @Test
    void escapesEverythingFromTheStore() throws Exception {
        String html;
        try (TestStore store = new TestStore()) {
            store.run(1, LocalDate.of(2026, 1, 1)).set("input", "<in>&\"'").set("status", "<b>FAILED</b>").insert();
            store.article("x:1").set("provider", "<b>Evil</b> & Co").set("provider_key", "<i>k</i>")
                    .set("published_date", LocalDate.of(2025, 1, 1)).insert();
            store.source("<script>alert(1)</script>.txt", "rejected").set("reason", "\"><svg onload=x>")
                    .set("reason_text", "a & b \"q\" 'x' \u0007bell").insert();
            html = page(store, 1);
        }
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>Evil").doesNotContain("<i>k</i>")
                .doesNotContain("<svg onload").doesNotContain("<b>FAILED").doesNotContain("\u0007")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;.txt")
                .contains("&lt;b&gt;Evil&lt;/b&gt; &amp; Co").contains("&quot;&gt;&lt;svg onload=x&gt;")
                .contains("a &amp; b &quot;q&quot; &#39;x&#39; \uFFFDbell").contains("&lt;in&gt;&amp;&quot;&#39;")
                .contains("&lt;b&gt;FAILED&lt;/b&gt;");
    }

    @Test
    void theRejectListIsCappedAndSaysSo() throws Exception {
        String html;
        try (TestStore store = new TestStore()) {
            store.run(1, LocalDate.of(2026, 1, 1)).insert();
            store.execute("INSERT INTO sources (source, status, reason, reason_text, run_id)"
                    + " SELECT 'bad/' || LPAD(CAST(X AS VARCHAR), 4, '0') || '.txt', 'rejected', 'empty',"
                    + " 'the file is empty', 1 FROM SYSTEM_RANGE(1, 250)");
            html = page(store, 1);
        }
        assertThat(html.split("<td class=\"src\"", -1)).hasSize(ReportWriter.HTML_REJECT_LIMIT + 1);
        assertThat(html).contains("bad/0200.txt").doesNotContain("bad/0201.txt")
                .contains("Showing 200 of 250 rejects; all of them are in rejects.csv.");
        assertThat(CsvFiles.rows(out.resolve("rejects.csv"))).hasSize(250);
    }

    @Test
    void longSpansAreChartedPerMonth() throws Exception {
        String html;
        try (TestStore store = new TestStore()) {
            store.article("a:1").set("provider_key", "kuna").set("published_date", LocalDate.of(2024, 1, 5)).insert();
            store.article("a:2").set("provider_key", "kuna").set("published_date", LocalDate.of(2024, 4, 5)).insert();
            html = page(store, 1);
        }
        assertThat(html).contains("<h2>Articles per provider per month</h2>").doesNotContain("per day")
                .contains("One bar per month").contains("<title>2024-01 · kuna: 1</title>")
                .contains("<title>2024-04 · kuna: 1</title>").doesNotContain("<title>2024-02 ·").doesNotContain("<title>2024-01-05");
    }

    static boolean chromiumPresent() {
        return Files.isExecutable(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")));
    }

    @Test
    @EnabledIf("chromiumPresent")
    void rendersInHeadlessChromium() throws Exception {
        Path dir = System.getProperty("wirearchive.render.dir") == null ? out
                : Path.of(System.getProperty("wirearchive.render.dir"));
        try (TestStore store = DemoStore.create()) {
            ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(dir, 1));
        }
        Path script = ReportHeaderDocTest.docs().getParent().getParent().resolve("scripts/render-report.sh");
        Path png = dir.resolve("report.png");
        Process p = new ProcessBuilder("bash", script.toString(), dir.resolve("report.html").toString(),
                png.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("render-report: OK");
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G').hasSizeGreaterThan(10_000);
    }
}
