package org.wirearchive.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code articles.csv} and {@code provider_daily.csv} are written on a thread and a database session of their own
 * while the caller's thread writes the other files: a failure on either side fails the reports with that side's own
 * error and leaves the previous files whole; a chunk committed while they are written makes them be written again in
 * one transaction, so that the files and their stamp still show one state of the store.
 */
class ParallelWriteTest {

    @TempDir
    Path tmp;

    /** Every file of the directory with its bytes, hidden ones included. */
    static Map<String, byte[]> contents(Path dir) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        for (String name : AtomicWriteTest.names(dir)) {
            files.put(name, Files.readAllBytes(dir.resolve(name)));
        }
        return files;
    }

    static void assertUnchanged(Path out, Map<String, byte[]> before) throws Exception {
        Map<String, byte[]> after = contents(out);
        assertThat(after.keySet()).as("no temporary file is left").isEqualTo(before.keySet());
        for (String name : before.keySet()) {
            assertThat(after.get(name)).as(name).isEqualTo(before.get(name));
        }
    }

    static boolean articleThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("reports-articles") && t.isAlive());
    }

    @Test
    @DisplayName("the article side failing fails the reports with its own error; the old files stay whole")
    void articleSideFails() throws Exception {
        try (TestStore store = SampleStore.create()) {
            Path out = tmp.resolve("out");
            ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(out, 2));
            Map<String, byte[]> before = contents(out);
            store.article("menafn:2").insert();
            // only articles.csv reads this column: the other thread's files all succeed
            store.execute("ALTER TABLE articles DROP COLUMN warnings");
            assertThatThrownBy(() -> ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(out, 2)))
                    .isInstanceOf(ReportQueryException.class).hasMessageContaining("WARNINGS");
            assertUnchanged(out, before);
        }
    }

    @Test
    @DisplayName("the other files failing stops the article thread before their temporaries are deleted")
    void otherSideFails() throws Exception {
        try (TestStore store = new TestStore()) {
            store.run(1, LocalDate.of(2026, 1, 1)).insert();
            store.bulkArticles(20000, "'kuna'", "DATEADD(DAY, MOD(X, 40), DATE '2025-01-01')",
                    "REPEAT('A long body line, ', 100) || X", 1800);
            Path out = tmp.resolve("out");
            ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(out, 1));
            Map<String, byte[]> before = contents(out);
            store.execute("DROP VIEW provider_daily");
            store.execute("DROP VIEW run_history");
            store.execute("DROP VIEW duplicates_by_rule");
            store.execute("DROP VIEW rejects_by_reason");
            store.execute("ALTER TABLE sources RENAME TO sources_gone");
            assertThatThrownBy(() -> ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(out, 1)))
                    .isInstanceOf(ReportQueryException.class).hasMessageContaining("SOURCES");
            assertThat(articleThreadAlive()).as("the article thread ended with the call").isFalse();
            assertUnchanged(out, before);
        }
    }

    @Test
    @DisplayName("a chunk committed while the reports are written: all written again in one transaction")
    void storeChangesMeanwhile() throws Exception {
        try (TestStore store = SampleStore.create()) {
            store.execute("UPDATE store_state SET store_id = 'store-1', version = 4");
            AtomicInteger connections = new AtomicInteger();
            // an ingest chunk commits just as the article thread opens its session: the caller's session has read
            // the store's version already
            DataSource racing = new Delegating(store.dataSource()) {
                @Override
                public Connection getConnection() throws SQLException {
                    if (connections.incrementAndGet() == 2) {
                        try (Connection chunk = super.getConnection(); Statement st = chunk.createStatement()) {
                            st.execute("UPDATE store_state SET version = version + 1");
                            st.execute("INSERT INTO articles (article_key, provider_key, published_date, body,"
                                    + " body_sha256, body_length, canonical_source, source_count, first_seen_run)"
                                    + " VALUES ('menafn:late', 'kuna', DATE '2025-06-26', 'Late body.', 'h', 10,"
                                    + " 'archive/late.txt', 1, 2)");
                            st.execute("INSERT INTO sources (source, status, article_key, run_id) VALUES"
                                    + " ('archive/late.txt', 'accepted', 'menafn:late', 2)");
                        }
                    }
                    return super.getConnection();
                }
            };
            Path out = tmp.resolve("out");
            ReportWriter.writeRunReports(racing, RunReportRequest.of(out, 2));
            assertThat(connections.get()).as("a first, concurrent pass and a second one").isGreaterThan(3);

            assertThat(Files.readString(out.resolve(".store-version"), StandardCharsets.UTF_8))
                    .as("the stamp names the version the files show").contains("\nversion 5\n");
            assertThat(CsvFiles.column(out.resolve("articles.csv"), "article_key")).contains("menafn:late")
                    .hasSize(5);
            assertThat(CsvFiles.column(out.resolve("sources.csv"), "source")).contains("archive/late.txt");
            long dailyArticles = CsvFiles.column(out.resolve("provider_daily.csv"), "articles").stream()
                    .mapToLong(Long::parseLong).sum();
            assertThat(dailyArticles).isEqualTo(5);

            // the same state written by a plain call: byte for byte the same files
            Path again = tmp.resolve("again");
            ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(again, 2));
            for (String name : List.of("articles.csv", "sources.csv", "duplicates.csv", "rejects.csv",
                    "provider_daily.csv", "report.html")) {
                assertThat(Files.readAllBytes(out.resolve(name))).as(name)
                        .isEqualTo(Files.readAllBytes(again.resolve(name)));
            }
        }
    }

    /** A data source handing out the connections of another. */
    private static class Delegating implements DataSource {

        private final DataSource ds;

        Delegating(DataSource ds) {
            this.ds = ds;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return ds.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return ds.getConnection(user, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return ds.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            ds.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            ds.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return ds.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return ds.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return ds.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return ds.isWrapperFor(iface);
        }
    }
}
