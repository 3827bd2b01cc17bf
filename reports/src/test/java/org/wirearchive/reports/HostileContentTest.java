package org.wirearchive.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wirearchive.reports.files.Report;

/** Formula prefixes, quotes, line breaks, Arabic and very long bodies survive every report. */
class HostileContentTest {

    static final String FORMULA_HEADLINE = "=HYPERLINK(\"http://example.invalid\",\"click\")";
    static final String BODY = "-2+3 opened the \"session\", said the minister.\r\nSecond line\nThird, with a comma\r"
            + "and a lone CR";
    static final String ARABIC = "افتتح \"المنتدى\"، يوم الخميس\nفي الكويت";

    @TempDir
    Path out;

    TestStore store;

    @BeforeEach
    void setUp() {
        store = new TestStore();
        store.run(1, LocalDate.of(2026, 2, 1)).set("input", "@inputs").set("failure", "=1+1").insert();
        store.article("a:1").set("headline", FORMULA_HEADLINE).set("provider", "+Provider")
                .set("provider_key", "-key").set("dateline_city", "\tTAB CITY").set("byline", "\rBy CR")
                .set("editor_initials", "@ab").set("body", BODY).set("published_date", LocalDate.of(2025, 1, 2))
                .set("canonical_source", "=src.txt").set("first_seen_run", 1L).insert();
        store.article("a:2").set("headline", ARABIC).set("body", ARABIC).set("language", "ar")
                .set("published_date", LocalDate.of(2025, 1, 2)).set("first_seen_run", 1L).insert();
        store.source("=src.txt", "accepted").set("article_key", "a:1").set("run_id", 1L).insert();
        store.source("+dup.txt", "duplicate").set("article_key", "a:1").set("duplicate_of", "=src.txt")
                .set("reason", "-rule").set("similarity", 0.5).set("run_id", 1L).insert();
        store.source("@rej.txt", "rejected").set("reason", "=code").set("reason_text", "\tstarts with a tab")
                .set("run_id", 1L).insert();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void noCellOfAnyReportStartsLikeAFormula() {
        ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(out, 1));
        for (Report r : Report.values()) {
            for (List<String> record : CsvFiles.records(out.resolve(r.fileName()))) {
                for (String cell : record) {
                    assertThat(cell).as("a cell of %s", r.fileName()).doesNotStartWith("=").doesNotStartWith("+")
                            .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t")
                            .doesNotStartWith("\r");
                }
            }
        }
    }

    @Test
    void neutralizedWithALeadingApostropheAndOtherwiseUnchanged() {
        ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(out, 1));
        Map<String, String> a = CsvFiles.rows(out.resolve("articles.csv")).get(0);
        assertThat(a).containsEntry("headline", "'" + FORMULA_HEADLINE).containsEntry("provider", "'+Provider")
                .containsEntry("provider_key", "'-key").containsEntry("dateline_city", "'\tTAB CITY")
                .containsEntry("byline", "'\rBy CR").containsEntry("editor_initials", "'@ab")
                .containsEntry("canonical_source", "'=src.txt").containsEntry("body", "'" + BODY);
        Map<String, String> arabic = CsvFiles.rows(out.resolve("articles.csv")).get(1);
        assertThat(arabic).containsEntry("headline", ARABIC).containsEntry("body", ARABIC);
        assertThat(CsvFiles.rows(out.resolve("duplicates.csv")).get(0)).containsEntry("source", "'+dup.txt")
                .containsEntry("duplicate_of", "'=src.txt").containsEntry("rule", "'-rule")
                .containsEntry("canonical_headline", "'" + FORMULA_HEADLINE);
        assertThat(CsvFiles.rows(out.resolve("rejects.csv")).get(0)).containsEntry("source", "'@rej.txt")
                .containsEntry("reason", "'=code").containsEntry("reason_text", "'\tstarts with a tab");
        assertThat(CsvFiles.records(out.resolve("provider_daily.csv"))).contains(
                List.of("2025-01-02", "'-key", "'+Provider", "1", "1", "0"));
        assertThat(CsvFiles.rows(out.resolve("run_summary.csv")).get(0)).containsEntry("input", "'@inputs")
                .containsEntry("failure", "'=1+1").containsEntry("duplicates_by_rule", "'-rule=1");
    }

    @Test
    void quotesAndLineBreaksAreQuotedPerRfc4180() throws Exception {
        ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(out, 1));
        String text = Files.readString(out.resolve("articles.csv"), StandardCharsets.UTF_8);
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"click\"\")\"");
        assertThat(text).contains("\"'-2+3 opened the \"\"session\"\", said the minister.\r\nSecond line\nThird");
    }

    @ParameterizedTest
    @ValueSource(ints = {100_000, 900_000})
    void veryLongBodiesRoundTrip(int length) {
        StringBuilder b = new StringBuilder(length);
        String[] pieces = {"Paragraph \"quoted\", with commas; ", "الكويت، ", "line\n", "crlf\r\n", "é ü ß — ", "😀 "};
        for (int i = 0; b.length() < length; i++) {
            b.append(pieces[i % pieces.length]);
        }
        String body = b.substring(0, length);
        store.article("a:3").set("body", body).set("body_length", body.length()).insert();
        ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(out, 1).withExcelBom(true));
        Map<String, String> row = CsvFiles.rows(out.resolve("articles.csv")).get(2);
        assertThat(row.get("article_key")).isEqualTo("a:3");
        assertThat(row.get("body")).isEqualTo(body);
    }

    @Test
    void excelOptionAddsAUtf8ByteOrderMarkToEveryCsvOnly() throws Exception {
        ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(out, 1).withExcelBom(true));
        for (Report r : Report.values()) {
            byte[] bytes = Files.readAllBytes(out.resolve(r.fileName()));
            assertThat(bytes).as(r.fileName()).startsWith(0xEF, 0xBB, 0xBF);
            assertThat(new String(bytes, 3, r.header().get(0).length(), StandardCharsets.UTF_8))
                    .isEqualTo(r.header().get(0));
        }
        assertThat(Files.readAllBytes(out.resolve("report.html"))).startsWith("<!DOCTYPE html>".getBytes(
                StandardCharsets.US_ASCII));
        assertThat(CsvFiles.rows(out.resolve("articles.csv")).get(1).get("headline")).isEqualTo(ARABIC);
    }

    @Test
    void withoutTheOptionThereIsNoByteOrderMark() throws Exception {
        ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(out, 1));
        assertThat(Files.readAllBytes(out.resolve("articles.csv"))).startsWith("article_key,".getBytes(
                StandardCharsets.US_ASCII));
    }
}
