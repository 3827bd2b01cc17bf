package org.wirearchive.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole-store reports of an unchanged store version are reused: the CSVs are hard links, and the page shows exactly
 * what aggregating the store again would show.
 */
class StoreStampReuseTest {

    @TempDir
    Path tmp;

    TestStore store;

    @BeforeEach
    void setUp() throws Exception {
        store = SampleStore.create();
        sql("UPDATE store_state SET store_id = 'test-store', version = 7");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private void sql(String statement) throws Exception {
        try (Connection c = store.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }

    @Test
    void anUnchangedStoreReusesTheCsvsAndTheAggregates() throws Exception {
        Path out = tmp.resolve("out");
        ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(out, 2));
        Path keep = tmp.resolve("first");
        Files.createDirectories(keep);
        for (String f : AtomicWriteTest.REPORT_FILES) {
            Files.createLink(keep.resolve(f), out.resolve(f)); // the first write's files, whatever replaces them
        }
        assertThat(out.resolve(".store-aggregates")).isRegularFile();

        ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(out, 2));
        for (String f : new String[] {"articles.csv", "sources.csv", "duplicates.csv", "rejects.csv",
            "provider_daily.csv"}) {
            assertThat(Files.isSameFile(keep.resolve(f), out.resolve(f))).as(f + " reused").isTrue();
        }
        assertThat(Files.isSameFile(keep.resolve("report.html"), out.resolve("report.html"))).isFalse();
        assertThat(Files.readString(out.resolve("report.html"))).as("the page from the stored aggregates")
                .isEqualTo(Files.readString(keep.resolve("report.html")));
        assertThat(Files.readString(out.resolve("run_summary.csv"))).isEqualTo(Files.readString(keep.resolve("run_summary.csv")));

        // a new store version: everything is aggregated again, and the page shows the change
        sql("UPDATE store_state SET version = 8");
        sql("DELETE FROM sources WHERE status = 'rejected'");
        ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(out, 2));
        assertThat(Files.isSameFile(keep.resolve("provider_daily.csv"), out.resolve("provider_daily.csv"))).isFalse();
        assertThat(Files.readString(out.resolve("report.html"))).isNotEqualTo(Files.readString(keep.resolve("report.html")));

        // a stamp without its aggregates file is not reused
        sql("UPDATE store_state SET version = 9");
        ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(out, 2));
        Path daily = tmp.resolve("daily-9");
        Files.createLink(daily, out.resolve("provider_daily.csv"));
        Files.delete(out.resolve(".store-aggregates"));
        ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(out, 2));
        assertThat(Files.isSameFile(daily, out.resolve("provider_daily.csv"))).isFalse();
        assertThat(out.resolve(".store-aggregates")).isRegularFile();
    }
}
