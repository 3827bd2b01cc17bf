package org.wirearchive.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Portability: the V1 schema and V10 views load on PostgreSQL, and the same rows give byte-identical reports on
 * PostgreSQL and H2. Runs when {@code WA_TEST_PG_URL} names a server (e.g.
 * {@code jdbc:postgresql://127.0.0.1:5433/postgres?user=postgres}) whose user may create databases.
 */
@EnabledIfEnvironmentVariable(named = "WA_TEST_PG_URL", matches = "jdbc:postgresql:.+")
class PostgresReportsTest {

    @TempDir
    Path tmp;

    void sameReportsOnBoth(UnaryOperator<TestStore> fill, long runId) throws Exception {
        try (TestStore pg = fill.apply(TestStore.postgres(System.getenv("WA_TEST_PG_URL")));
                TestStore h2 = fill.apply(new TestStore())) {
            ReportWriter.writeRunReports(pg.dataSource(), RunReportRequest.of(tmp.resolve("pg"), runId));
            ReportWriter.writeRunReports(h2.dataSource(), RunReportRequest.of(tmp.resolve("h2"), runId));
            ReportWriter.writeRangeReports(pg.dataSource(), RangeReportRequest.of(tmp.resolve("pg-range"),
                    LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30)));
            ReportWriter.writeRunReports(pg.dataSource(), new RunReportRequest(tmp.resolve("pg-run"), runId,
                    Scope.RUN, true));
            ReportWriter.writeRunReports(h2.dataSource(), new RunReportRequest(tmp.resolve("h2-run"), runId,
                    Scope.RUN, true));
            assertThat(pg.query("SELECT COUNT(*) FROM provider_daily")).isEqualTo(h2.query(
                    "SELECT COUNT(*) FROM provider_daily"));
            assertThat(pg.query("SELECT run_id, files_new, files_changed FROM run_history ORDER BY run_id"))
                    .isEqualTo(h2.query("SELECT run_id, files_new, files_changed FROM run_history ORDER BY run_id"));
        }
        for (String name : new java.util.TreeSet<>(AtomicWriteTest.REPORT_FILES)) {
            String h2 = text(tmp.resolve("h2").resolve(name));
            assertThat(text(tmp.resolve("pg").resolve(name))).as(name).isEqualTo(h2);
            assertThat(text(tmp.resolve("pg-range").resolve(name))).as("range " + name).isEqualTo(h2);
            assertThat(text(tmp.resolve("pg-run").resolve(name))).as("run scope " + name)
                    .isEqualTo(text(tmp.resolve("h2-run").resolve(name)));
        }
        assertThat(CsvFiles.rows(tmp.resolve("pg").resolve("articles.csv"))).isNotEmpty();
    }

    /** The bytes as UTF-8 text (the files are UTF-8; a mismatch then shows as a readable diff). */
    static String text(Path file) throws java.io.IOException {
        return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void sampleStore() throws Exception {
        sameReportsOnBoth(SampleStore::fill, 2);
        assertThat(CsvFiles.records(tmp.resolve("pg").resolve("run_summary.csv")).get(1))
                .isEqualTo(List.of("2", "20", "2026-01-11", "0", "COMPLETED", "2026-01-11T01:00:00.000Z",
                        "2026-01-11T01:00:04.000Z", "4.000", "samples/archive", "8", "3", "2", "1", "1", "1", "0", "",
                        "1", "binary=1", "0.75", ""));
    }

    @Test
    void demoStore() throws Exception {
        sameReportsOnBoth(DemoStore::fill, 1);
    }
}
