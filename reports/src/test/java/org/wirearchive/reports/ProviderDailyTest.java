package org.wirearchive.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.wirearchive.reports.internal.RowCells;
import org.wirearchive.store.report.ReportSession;
import org.wirearchive.store.report.Selection;

/**
 * {@code provider_daily.csv} is added up in Java from the article rows {@code articles.csv} is written from; its rows
 * and their order must be exactly those of the SQL of the {@code provider_daily} view ({@code
 * ReportSession.providerDaily}), on every database, whatever the provider keys and names: upper and lower case,
 * Arabic, a character outside the BMP against one above the surrogates (H2 sorts by UTF-16 units, PostgreSQL's C
 * collation by code points), several names in one group, groups without a date or a key, groups that only inputs
 * have, inputs that take their article's date and key.
 */
class ProviderDailyTest {

    @TempDir
    Path tmp;

    static final LocalDate D1 = LocalDate.of(2025, 6, 1);
    static final LocalDate D2 = LocalDate.of(2025, 6, 2);

    static TestStore fill(TestStore s) {
        s.run(1, LocalDate.of(2026, 1, 1)).insert();
        String[][] articles = {
            // key, provider_key, provider, date (null: none)
            {"a1", "kuna", "Kuwait News Agency", "2025-06-01"},
            {"a2", "kuna", "KUNA", "2025-06-01"},
            {"a3", "Kuna", "kuna agency", "2025-06-01"},
            {"a4", "\u0643\u0648\u0646\u0627", "\u0643\u0648\u0646\u0627", "2025-06-01"},
            {"a5", "\uD835\uDC9Clpha", "Script Alpha", "2025-06-01"},
            {"a6", "\uFB01nance", "\uFB01nance wire", "2025-06-01"},
            {"a7", null, "Unknown wire", "2025-06-01"},
            {"a8", "zeta", null, "2025-06-02"},
            {"a9", "zeta", "Zeta", null},
            {"a10", null, null, null},
            {"a11", "alpha", "alpha", "2025-06-02"},
            {"a12", "alpha", "Alpha", "2025-06-02"},
            {"a13", "alpha", "\u00c1lpha", "2025-06-02"},
        };
        for (String[] a : articles) {
            s.article(a[0]).set("provider_key", a[1]).set("provider", a[2])
                    .set("published_date", a[3] == null ? null : LocalDate.parse(a[3])).set("first_seen_run", 1L)
                    .insert();
        }
        // duplicates with their own date and key, without (their article's), and of a group no article has
        s.source("in/d1", "duplicate").set("article_key", "a1").set("published_date", D1).set("provider_key", "kuna")
                .set("run_id", 1L).insert();
        s.source("in/d2", "duplicate").set("article_key", "a5").set("run_id", 1L).insert();
        s.source("in/d3", "duplicate").set("article_key", "a9").set("run_id", 1L).insert();
        s.source("in/d4", "duplicate").set("article_key", "a1").set("published_date", D2)
                .set("provider_key", "only-inputs").set("run_id", 1L).insert();
        s.source("in/d5", "duplicate").set("article_key", "a10").set("run_id", 1L).insert();
        // rejects: no article; one with a date and key of its own
        s.source("in/r1", "rejected").set("reason", "empty").set("run_id", 1L).insert();
        s.source("in/r2", "rejected").set("reason", "binary").set("published_date", D2).set("provider_key", "Zeta")
                .set("run_id", 1L).insert();
        s.source("in/ok", "accepted").set("article_key", "a1").set("run_id", 1L).insert();
        return s;
    }

    void sameAsTheSql(TestStore store, String name) {
        Path out = tmp.resolve(name);
        ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(out, 1));
        Path range = tmp.resolve(name + "-range");
        ReportWriter.writeRangeReports(store.dataSource(), RangeReportRequest.of(range, D2, D2));
        List<List<String>> sql = new ArrayList<>();
        List<List<String>> sqlRange = new ArrayList<>();
        try (ReportSession s = ReportSession.open(store.dataSource())) {
            s.providerDaily(Selection.wholeStore(), d -> sql.add(cells(RowCells.of(d))));
            s.providerDaily(new Selection(null, D2, D2, true), d -> sqlRange.add(cells(RowCells.of(d))));
        }
        List<List<String>> csv = CsvFiles.records(out.resolve("provider_daily.csv"));
        assertThat(csv.subList(1, csv.size())).isEqualTo(sql).hasSize(12);
        List<List<String>> csvRange = CsvFiles.records(range.resolve("provider_daily.csv"));
        assertThat(csvRange.subList(1, csvRange.size())).isEqualTo(sqlRange).hasSize(6);
    }

    /** The cells as the CSV reads them back: an empty cell for null. */
    static List<String> cells(String[] row) {
        return Arrays.stream(row).map(c -> c == null ? "" : c).toList();
    }

    @Test
    void h2() {
        try (TestStore store = fill(new TestStore())) {
            sameAsTheSql(store, "h2");
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "WA_TEST_PG_URL", matches = "jdbc:postgresql:.+")
    void postgres() {
        try (TestStore store = fill(TestStore.postgres(System.getenv("WA_TEST_PG_URL")))) {
            sameAsTheSql(store, "pg");
        }
    }
}
