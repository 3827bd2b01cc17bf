package org.wirearchive.store.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The report queries' typed rows on a real H2 database with the whole production schema. */
class ReportSessionTests {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private JdbcDataSource ds;
    private JdbcTemplate jdbc;

    @BeforeEach
    void schema() {
        ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:report-session-" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
    }

    @AfterEach
    void drop() throws java.sql.SQLException {
        try (java.sql.Connection c = ds.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        }
    }

    @Test
    @DisplayName("an empty store: no run, no version, zero totals, no rows")
    void empty() {
        try (ReportSession s = ReportSession.open(ds)) {
            assertThat(s.latestRun()).isNull();
            assertThat(s.run(1)).isNull();
            assertThat(s.storeVersion()).isNull();
            assertThat(s.totals(Selection.wholeStore())).isEqualTo(new ReportRows.Totals(0, null, null, 0));
            assertThat(s.articles(Selection.wholeStore(), a -> { })).isZero();
            assertThat(s.completedOutDirs(null, 3)).isEmpty();
        }
    }

    @Test
    @DisplayName("typed rows: numbers, dates, similarities and instants as stored, SQL NULL as null")
    void typedRows() {
        jdbc.update("INSERT INTO articles (article_key, menafn_article_no, published_date, body, body_sha256, "
                + "body_length, canonical_source, source_count, first_seen_run) VALUES ('menafn:7', 7, DATE "
                + "'2026-03-09', 'Body.', ?, 5, '/in/a', 2, 1)", "a".repeat(64));
        jdbc.update("INSERT INTO sources (source, status, article_key, run_id) VALUES ('/in/a', 'accepted', "
                + "'menafn:7', 1)");
        jdbc.update("INSERT INTO sources (source, status, article_key, duplicate_of, reason, similarity, run_id) "
                + "VALUES ('/in/b', 'duplicate', 'menafn:7', '/in/a', 'near-duplicate', 0.91234, 1)");
        jdbc.update("INSERT INTO sources (source, status, reason, reason_text, run_id) VALUES ('/in/c', 'rejected', "
                + "'empty', 'no text', 1)");
        Instant started = Instant.parse("2026-03-09T02:30:00.123456Z");
        jdbc.update("INSERT INTO runs (run_id, last_execution_id, run_date, attempt, status, started, finished, "
                + "out_dir, files_new) VALUES (1, 10, DATE '2026-03-09', 0, 'COMPLETED', ?, ?, '/out/1', 3)",
                Timestamp.from(started), Timestamp.from(started.plusSeconds(60)));
        jdbc.update("UPDATE store_state SET store_id = 'id-1', version = 4");

        try (ReportSession s = ReportSession.open(ds)) {
            List<ReportRows.Article> articles = new ArrayList<>();
            s.articles(Selection.wholeStore(), articles::add);
            assertThat(articles).singleElement().satisfies(a -> {
                assertThat(a.menafnArticleNo()).isEqualTo(7L);
                assertThat(a.kunaId()).isNull();
                assertThat(a.publishedDate()).isEqualTo(LocalDate.of(2026, 3, 9));
                assertThat(a.bodyLength()).isEqualTo(5L);
                assertThat(a.updatedRun()).isNull();
                assertThat(a.body()).isEqualTo("Body.");
            });
            List<ReportRows.Duplicate> dups = new ArrayList<>();
            s.duplicates(Selection.wholeStore(), dups::add);
            assertThat(dups).singleElement().satisfies(d -> {
                assertThat(d.similarity()).isEqualTo(0.91234);
                assertThat(d.publishedDate()).as("its article's").isEqualTo(LocalDate.of(2026, 3, 9));
            });
            assertThat(s.rejects(Selection.wholeStore(), 0, r -> { })).isEqualTo(1);
            assertThat(s.totals(Selection.wholeStore())).isEqualTo(new ReportRows.Totals(1, LocalDate.of(2026, 3, 9),
                    LocalDate.of(2026, 3, 9), 3));
            assertThat(s.duplicatesByRule(Selection.wholeStore()))
                    .containsExactly(new ReportRows.RuleCount("near-duplicate", 1, 0.91234));
            assertThat(s.rejectsByReason(Selection.wholeStore())).containsExactly(new ReportRows.ReasonCount("empty", 1));

            ReportRows.Run run = s.run(1);
            assertThat(run.started()).isEqualTo(started);
            assertThat(run.finished()).isEqualTo(started.plusSeconds(60));
            assertThat(run.filesNew()).isEqualTo(3L);
            assertThat(run.filesChanged()).isNull();
            assertThat(run.duplicatesByRule()).isEqualTo(Map.of("near-duplicate", 1L));
            assertThat(run.rejectsByReason()).isEqualTo(Map.of("empty", 1L));
            assertThat(s.latestRun()).isEqualTo(1L);
            assertThat(s.storeVersion()).isEqualTo(new ReportRows.StoreVersion("id-1", 4));
            assertThat(s.completedOutDirs(null, 3)).containsExactly("/out/1");
            assertThat(s.completedOutDirs(1L, 3)).isEmpty();
        }
    }

    @Test
    @DisplayName("a store without the tables: StoreReadException with the database's SQL state")
    void missingTables() {
        jdbc.execute("DROP TABLE sources CASCADE");
        try (ReportSession s = ReportSession.open(ds)) {
            assertThatThrownBy(() -> s.sources(Selection.wholeStore(), r -> { }))
                    .isInstanceOf(StoreReadException.class)
                    .satisfies(e -> assertThat(((StoreReadException) e).sqlState()).isNotBlank());
        }
    }
}
