package org.wirearchive.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirearchive.reports.files.Report;

class ReportWriterTest {

    @TempDir
    Path out;

    TestStore store;

    @BeforeEach
    void setUp() {
        store = SampleStore.create();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private List<Path> writeStore(long runId) {
        return ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(out, runId));
    }

    @Test
    @DisplayName("writes the six CSV reports and report.html, and returns them in a fixed order")
    void writesAllFiles() {
        List<Path> files = writeStore(2);
        List<String> names = new ArrayList<>();
        files.forEach(f -> names.add(f.getFileName().toString()));
        assertThat(names).containsExactly("articles.csv", "sources.csv", "duplicates.csv", "rejects.csv",
                "provider_daily.csv", "run_summary.csv", "report.html");
        assertThat(files).allSatisfy(f -> assertThat(f).exists().isRegularFile().hasParent(out.toAbsolutePath()));
        for (Report r : Report.values()) {
            assertThat(CsvFiles.records(out.resolve(r.fileName())).get(0)).as(r.fileName())
                    .isEqualTo(r.header());
        }
    }

    @Nested
    @DisplayName("whole-store reports")
    class WholeStore {

        @BeforeEach
        void write() {
            writeStore(2);
        }

        @Test
        void articlesOneRowPerArticleByKeyWithEveryField() {
            List<Map<String, String>> rows = CsvFiles.rows(out.resolve("articles.csv"));
            assertThat(rows).extracting(r -> r.get("article_key")).containsExactly("kuna:3123456",
                    "menafn:1109726370", "menafn:1109726371", "menafn:1109726400");
            Map<String, String> a = rows.get(1);
            assertThat(a).containsEntry("menafn_doc_id", "MENAFN26062025000071011013ID1109726370")
                    .containsEntry("menafn_article_no", "1109726370")
                    .containsEntry("menafn_provider_code", "000071011013").containsEntry("kuna_id", "")
                    .containsEntry("provider", "Kuwait News Agency (KUNA)").containsEntry("provider_key", "kuna")
                    .containsEntry("headline", "Kuwait hosts regional water forum")
                    .containsEntry("headline_source", "title-line").containsEntry("published", "2025-06-26T05:05:38")
                    .containsEntry("published_date", "2025-06-26").containsEntry("published_source", "TIMESTAMP")
                    .containsEntry("crawl_date", "2025-06-27").containsEntry("dateline_city", "KUWAIT")
                    .containsEntry("byline", "").containsEntry("editor_initials", "ab.cd")
                    .containsEntry("language", "en")
                    .containsEntry("url", "https://menafn.com/1109726370/Kuwait-Hosts-Regional-Water-Forum")
                    .containsEntry("format", "menafn-text").containsEntry("body_sha256", TestStore.sha("menafn:1109726370"))
                    .containsEntry("body_length", "58").containsEntry("warnings", "")
                    .containsEntry("canonical_source", "archive/a.txt").containsEntry("source_count", "2")
                    .containsEntry("first_seen_run", "1").containsEntry("first_seen", "2026-01-10")
                    .containsEntry("updated_run", "2")
                    .containsEntry("body", "The forum opened on Thursday.\nDelegates from six countries.");
            assertThat(rows.get(0)).containsEntry("kuna_id", "3123456").containsEntry("language", "ar")
                    .containsEntry("headline", "الكويت تستضيف منتدى المياه")
                    .containsEntry("body", "افتتح المنتدى يوم الخميس.");
            assertThat(Report.ARTICLES.header().get(Report.ARTICLES.header().size() - 1)).isEqualTo("body");
        }

        @Test
        void sourcesOneRowPerInputBySource() {
            List<Map<String, String>> rows = CsvFiles.rows(out.resolve("sources.csv"));
            assertThat(rows).extracting(r -> r.get("source")).containsExactly("archive/a-recrawl.txt",
                    "archive/a.txt", "archive/b.txt", "archive/c-copy.txt", "archive/c.txt", "archive/empty.txt",
                    "archive/k.html", "archive/zz.bin");
            assertThat(rows).extracting(r -> r.get("status")).containsExactly("duplicate", "accepted", "accepted",
                    "duplicate", "accepted", "rejected", "accepted", "rejected");
            assertThat(rows.get(0)).containsEntry("article_key", "menafn:1109726370")
                    .containsEntry("duplicate_of", "archive/a.txt").containsEntry("reason", "same-article-no")
                    .containsEntry("similarity", "0.9700").containsEntry("run_id", "1")
                    .containsEntry("run_date", "2026-01-10").containsEntry("first_seen_run", "1");
            assertThat(rows.get(5)).containsEntry("reason", "empty").containsEntry("reason_text", "the file is empty")
                    .containsEntry("article_key", "");
        }

        @Test
        void duplicatesWithTheirCanonicalArticleRuleAndSimilarity() {
            List<Map<String, String>> rows = CsvFiles.rows(out.resolve("duplicates.csv"));
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0)).containsEntry("source", "archive/a-recrawl.txt")
                    .containsEntry("article_key", "menafn:1109726370").containsEntry("duplicate_of", "archive/a.txt")
                    .containsEntry("rule", "same-article-no").containsEntry("similarity", "0.9700")
                    .containsEntry("published_date", "2025-06-26").containsEntry("provider_key", "kuna")
                    .containsEntry("canonical_source", "archive/a.txt")
                    .containsEntry("canonical_headline", "Kuwait hosts regional water forum")
                    .containsEntry("run_id", "1").containsEntry("run_date", "2026-01-10");
            assertThat(rows.get(1)).containsEntry("source", "archive/c-copy.txt").containsEntry("rule", "same-body-hash")
                    .containsEntry("similarity", "1.0000").containsEntry("published_date", "2025-06-27")
                    .containsEntry("provider_key", "azernews");
        }

        @Test
        void rejectsWithAReasonAPersonUnderstands() {
            assertThat(CsvFiles.records(out.resolve("rejects.csv"))).containsExactly(Report.REJECTS.header(),
                    List.of("archive/empty.txt", "empty", "the file is empty", "", "1", "2026-01-10", "1"),
                    List.of("archive/zz.bin", "binary", "the file is binary data, not text or HTML", "", "2",
                            "2026-01-11", "2"));
        }

        @Test
        void providerDailyCountsPerDateAndProviderUndatedLast() {
            assertThat(CsvFiles.records(out.resolve("provider_daily.csv"))).containsExactly(
                    Report.PROVIDER_DAILY.header(),
                    List.of("2025-06-26", "jna", "Jordan News Agency", "1", "0", "0"),
                    List.of("2025-06-26", "kuna", "Kuwait News Agency (KUNA)", "1", "1", "0"),
                    List.of("2025-06-27", "azernews", "AzerNews", "1", "1", "0"),
                    List.of("2025-06-28", "kuna", "Kuwait News Agency (KUNA)", "1", "0", "0"),
                    List.of("", "", "", "0", "0", "2"));
        }

        @Test
        void providerDailyCsvEqualsTheDatabaseView() {
            List<List<String>> view = store.query("SELECT published_date, provider_key, provider, articles,"
                    + " duplicates, rejects FROM provider_daily ORDER BY published_date NULLS LAST,"
                    + " provider_key NULLS LAST");
            List<List<String>> csv = CsvFiles.records(out.resolve("provider_daily.csv"));
            List<List<String>> viewAsCells = new ArrayList<>();
            for (List<String> r : view) {
                List<String> cells = new ArrayList<>();
                r.forEach(v -> cells.add(v == null ? "" : v));
                viewAsCells.add(cells);
            }
            assertThat(csv.subList(1, csv.size())).isEqualTo(viewAsCells);
        }

        @Test
        void runSummaryIsTheRunsRowWithDerivedCounts() {
            assertThat(CsvFiles.records(out.resolve("run_summary.csv"))).containsExactly(Report.RUN_SUMMARY.header(),
                    List.of("2", "20", "2026-01-11", "0", "COMPLETED", "2026-01-11T01:00:00.000Z", "2026-01-11T01:00:04.000Z",
                            "4.000", "samples/archive", "8", "3", "2", "1", "1", "1", "0", "", "1", "binary=1",
                            "0.75", ""));
        }

        @Test
        void everyRecordEndsWithCrLfAndTheFileIsUtf8WithoutBom() throws Exception {
            byte[] bytes = java.nio.file.Files.readAllBytes(out.resolve("articles.csv"));
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).startsWith("article_key,menafn_doc_id,").endsWith("\r\n");
            assertThat(text.split("\r\n", -1)[0]).isEqualTo(String.join(",", Report.ARTICLES.header()));
            // the only bare LF is the one inside the quoted body
            assertThat(text).contains("\"The forum opened on Thursday.\nDelegates from six countries.\"");
        }
    }

    @Test
    @DisplayName("run 1's summary: duplicates by rule, rejects by reason, throughput")
    void runOneSummary() {
        writeStore(1);
        Map<String, String> r = CsvFiles.rows(out.resolve("run_summary.csv")).get(0);
        assertThat(r).containsEntry("run_id", "1").containsEntry("duration_seconds", "20.000")
                .containsEntry("files_new", "6").containsEntry("files_changed", "0")
                .containsEntry("duplicates_by_rule", "same-article-no=1;same-body-hash=1")
                .containsEntry("rejects_by_reason", "empty=1").containsEntry("inputs_per_second", "0.30");
    }

    @Test
    @DisplayName("run_history view: inputs first recorded and recorded again per run, duplicates by rule, rejects by reason")
    void runHistoryView() {
        assertThat(store.query("SELECT run_id, files_new, files_changed FROM run_history ORDER BY run_id"))
                .containsExactly(List.of("1", "6", "0"), List.of("2", "2", "1"));
        assertThat(store.query("SELECT rule, duplicates FROM duplicates_by_rule ORDER BY rule"))
                .containsExactly(List.of("same-article-no", "1"), List.of("same-body-hash", "1"));
        assertThat(store.query("SELECT reason, rejects, example_text FROM rejects_by_reason ORDER BY reason"))
                .containsExactly(List.of("binary", "1", "the file is binary data, not text or HTML"),
                        List.of("empty", "1", "the file is empty"));
    }

    @Test
    @DisplayName("an unknown run gives a header-only run summary, the other reports still")
    void unknownRun() {
        writeStore(99);
        assertThat(CsvFiles.records(out.resolve("run_summary.csv"))).containsExactly(Report.RUN_SUMMARY.header());
        assertThat(CsvFiles.rows(out.resolve("articles.csv"))).hasSize(4);
    }

    @Test
    @DisplayName("scope RUN: only the rows the run touched")
    void runScope() {
        ReportWriter.writeRunReports(store.dataSource(), new RunReportRequest(out, 2, Scope.RUN, false));
        assertThat(CsvFiles.column(out.resolve("articles.csv"), "article_key"))
                .containsExactly("kuna:3123456", "menafn:1109726370");
        assertThat(CsvFiles.column(out.resolve("sources.csv"), "source"))
                .containsExactly("archive/a.txt", "archive/k.html", "archive/zz.bin");
        assertThat(CsvFiles.column(out.resolve("rejects.csv"), "source")).containsExactly("archive/zz.bin");
        assertThat(CsvFiles.rows(out.resolve("duplicates.csv"))).isEmpty();
        assertThat(CsvFiles.records(out.resolve("provider_daily.csv"))).containsExactly(
                Report.PROVIDER_DAILY.header(),
                List.of("2025-06-26", "kuna", "Kuwait News Agency (KUNA)", "1", "0", "0"),
                List.of("2025-06-28", "kuna", "Kuwait News Agency (KUNA)", "1", "0", "0"),
                List.of("", "", "", "0", "0", "1"));
    }

    @Nested
    @DisplayName("publication-date range")
    class Range {

        @Test
        void datedRowsOnly() {
            ReportWriter.writeRangeReports(store.dataSource(), new RangeReportRequest(out,
                    LocalDate.of(2025, 6, 26), LocalDate.of(2025, 6, 26), null, false, false));
            assertThat(CsvFiles.column(out.resolve("articles.csv"), "article_key"))
                    .containsExactly("menafn:1109726370", "menafn:1109726371");
            assertThat(CsvFiles.column(out.resolve("sources.csv"), "source"))
                    .containsExactly("archive/a-recrawl.txt", "archive/a.txt", "archive/b.txt");
            assertThat(CsvFiles.rows(out.resolve("rejects.csv"))).isEmpty();
            assertThat(CsvFiles.column(out.resolve("duplicates.csv"), "source"))
                    .containsExactly("archive/a-recrawl.txt");
            assertThat(CsvFiles.column(out.resolve("run_summary.csv"), "run_id")).as("latest run")
                    .containsExactly("2");
        }

        @Test
        void undatedRowsIncludedByDefault() {
            ReportWriter.writeRangeReports(store.dataSource(),
                    RangeReportRequest.of(out, LocalDate.of(2025, 6, 27), LocalDate.of(2025, 6, 30)));
            assertThat(CsvFiles.column(out.resolve("articles.csv"), "article_key"))
                    .containsExactly("kuna:3123456", "menafn:1109726400");
            assertThat(CsvFiles.column(out.resolve("rejects.csv"), "source"))
                    .containsExactly("archive/empty.txt", "archive/zz.bin");
        }

        @Test
        void chosenRunSummary() {
            ReportWriter.writeRangeReports(store.dataSource(), new RangeReportRequest(out,
                    LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 1L, true, false));
            assertThat(CsvFiles.column(out.resolve("run_summary.csv"), "run_id")).containsExactly("1");
        }

        @Test
        void rangeMustNotEndBeforeItStarts() {
            assertThatThrownBy(() -> RangeReportRequest.of(out, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2025-02-01");
        }
    }

    @Test
    @DisplayName("an empty store gives header-only files")
    void emptyStore() {
        try (TestStore empty = new TestStore()) {
            ReportWriter.writeRangeReports(empty.dataSource(),
                    RangeReportRequest.of(out, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31)));
        }
        for (Report r : Report.values()) {
            assertThat(CsvFiles.records(out.resolve(r.fileName()))).as(r.fileName()).containsExactly(r.header());
        }
        assertThat(out.resolve("report.html")).content().contains("No run is recorded");
    }

    @Test
    @DisplayName("a store without the V1 tables is a ReportQueryException")
    void missingTables() {
        store.execute("DROP VIEW provider_daily");
        store.execute("DROP VIEW run_history");
        store.execute("DROP VIEW duplicates_by_rule");
        store.execute("DROP VIEW rejects_by_reason");
        store.execute("DROP TABLE sources");
        assertThatThrownBy(() -> writeStore(2)).isInstanceOf(ReportQueryException.class)
                .hasMessageContaining("SQL state");
        assertThat(Arrays.asList(out.toFile().list())).as("no file, no temporary left").isEmpty();
    }
}
