package org.wirearchive.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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

/** The table classes of the store on a real H2 database with the whole production schema. */
class StoreTablesTests {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private JdbcTemplate jdbc;

    @BeforeEach
    void schema() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:store-tables-" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
    }

    @AfterEach
    void drop() throws java.sql.SQLException {
        try (java.sql.Connection c = jdbc.getDataSource().getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        }
    }

    @Test
    @DisplayName("run_inputs: a run's list in seq order, by page and by range, counted and cleared per run")
    void runInputs() {
        RunInputTable t = new RunInputTable(jdbc);
        Instant modified = Instant.parse("2026-03-09T11:02:51.207Z");
        List<RunInputTable.Entry> seven = new ArrayList<>();
        for (int seq = 0; seq < 5; seq++) {
            seven.add(new RunInputTable.Entry(seq, "/in/f" + seq + ".txt", 100 + seq, modified.plusSeconds(seq)));
        }
        t.insert(7, seven);
        t.insert(8, List.of(new RunInputTable.Entry(0, "/in/other.txt", 1, modified)));

        assertThat(t.page(7, 0, 2)).containsExactlyElementsOf(seven.subList(0, 2));
        assertThat(t.page(7, 2, 10)).containsExactlyElementsOf(seven.subList(2, 5));
        assertThat(t.page(7, 1, 3, 10)).containsExactlyElementsOf(seven.subList(1, 3));
        assertThat(t.page(7, 1, 5, 2)).containsExactlyElementsOf(seven.subList(1, 3));
        assertThat(t.count(7)).isEqualTo(5);
        assertThat(t.end(7)).isEqualTo(5);
        assertThat(t.end(9)).isZero();
        assertThat(t.pathAt(7, 3)).isEqualTo("/in/f3.txt");
        assertThat(t.pathAt(7, 5)).isNull();

        t.clear(7);
        assertThat(t.count(7)).isZero();
        assertThat(t.count(8)).isEqualTo(1);
    }

    @Test
    @DisplayName("known_listing: a listing recorded holds while the store keeps its version; a chunk written ends it")
    void knownListing() {
        KnownListingTable t = new KnownListingTable(jdbc);
        assertThat(t.unchangedSince("d1", 3)).isNull(); // nothing recorded yet

        t.record("d1", 3, 7);
        assertThat(t.unchangedSince("d1", 3)).isEqualTo(7L);
        assertThat(t.unchangedSince("d1", 4)).isNull();
        assertThat(t.unchangedSince("d2", 3)).isNull();

        // a chunk of an ingest raises the store's version (ArticleStore.Chunk.flush): the manifest may have changed
        ArticleStore.Chunk chunk = new ArticleStore(jdbc).chunk(8, LocalDate.parse("2026-03-09"));
        chunk.flush();
        assertThat(t.unchangedSince("d1", 3)).isNull();

        // one listing at a time: the next one replaces it, at the version of its own time
        t.record("d2", 5, 8);
        t.record("d3", 6, 9);
        assertThat(t.unchangedSince("d2", 5)).isNull();
        assertThat(t.unchangedSince("d3", 6)).isEqualTo(9L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM known_listing", Integer.class)).isEqualTo(1);

        t.forget();
        assertThat(t.unchangedSince("d3", 6)).isNull();
    }

    @Test
    @DisplayName("parsed_files: restaging a seq replaces its payload; a run's staging is deleted whole")
    void parsedFiles() {
        ParsedFileTable t = new ParsedFileTable(jdbc);
        t.replace(3, List.of(staged(0, "a"), staged(1, "b"), staged(2, "c")));
        t.replace(3, List.of(staged(1, "B")));
        t.replace(4, List.of(staged(0, "x")));

        assertThat(t.count(3)).isEqualTo(3);
        assertThat(t.page(3, 0, 3, 10)).extracting(s -> s.seq() + "=" + new String(s.payload(), StandardCharsets.UTF_8))
                .containsExactly("0=a", "1=B", "2=c");
        assertThat(t.page(3, 1, 3, 1)).extracting(ParsedFileTable.Staged::seq).containsExactly(1);

        t.deleteRun(3);
        assertThat(t.count(3)).isZero();
        assertThat(t.count(4)).isEqualTo(1);
    }

    @Test
    @DisplayName("manifest: an ordered scan in pages from a path on, and look-ups by path")
    void manifest() {
        for (String path : List.of("/a/1", "/a/2", "/a/3", "/b/1")) {
            jdbc.update("INSERT INTO manifest (path, size_bytes, modified, content_sha256, run_id, outcomes) "
                    + "VALUES (?, ?, ?, ?, ?, 1)", path, path.length(), Timestamp.from(Instant.ofEpochMilli(1_000)),
                    "0".repeat(64), path.startsWith("/a") ? 1 : 2);
        }
        ManifestTable t = new ManifestTable(jdbc);
        assertThat(t.ordersPathsAsJava()).isTrue();

        List<String> seen = new ArrayList<>();
        assertThat(t.scan("/a/1", true, "/a/3", 2, e -> seen.add(e.path()))).isEqualTo(2);
        assertThat(t.scan("/a/2", false, "/a/3", 2, e -> seen.add(e.path()))).isEqualTo(1);
        assertThat(seen).containsExactly("/a/1", "/a/2", "/a/3");

        Map<String, ManifestTable.Entry> found = t.lookup(List.of("/b/1", "/c/9"));
        assertThat(found).containsOnlyKeys("/b/1");
        assertThat(found.get("/b/1")).isEqualTo(new ManifestTable.Entry("/b/1", 4, 1_000));
        assertThat(t.lookup(List.of())).isEmpty();
        assertThat(t.countOfRun(1)).isEqualTo(3);
    }

    @Test
    @DisplayName("ingest_lock: one holder; a take-over only from the row as it was read; release by its holder only")
    void ingestLock() {
        IngestLockTable t = new IngestLockTable(jdbc);
        LocalDate night = LocalDate.of(2026, 11, 27);
        assertThat(t.current(120)).isNull();
        assertThat(t.insert("1@a#x", "a", 1, night)).isTrue();
        assertThat(t.insert("2@b#y", "b", 2, night)).isFalse();

        IngestLockTable.Row held = t.current(120);
        assertThat(held.holder()).isEqualTo("1@a#x");
        assertThat(held.runDate()).isEqualTo(night);
        assertThat(held.expired()).isFalse();
        t.executionStarted("1@a#x", 42);
        assertThat(t.current(120).executionId()).isEqualTo(42L);

        jdbc.update("UPDATE ingest_lock SET heartbeat = heartbeat - INTERVAL '1' DAY");
        IngestLockTable.Row stale = t.current(120);
        assertThat(stale.expired()).isTrue();
        assertThat(t.takeOver("2@b#y", "b", 2, night, held)).as("the heartbeat changed since").isFalse();
        assertThat(t.takeOver("2@b#y", "b", 2, night, stale)).isTrue();
        IngestLockTable.Row now = t.current(120);
        assertThat(now.holder()).isEqualTo("2@b#y");
        assertThat(now.executionId()).isNull();

        t.release("1@a#x");
        assertThat(t.current(120)).isNotNull();
        t.release("2@b#y");
        assertThat(t.current(120)).isNull();
    }

    @Test
    @DisplayName("runs: file counts, an operator's status on the latest execution only, the run list, inputs and rejects")
    void runs() {
        RunStore runs = new RunStore(jdbc);
        runs.started(5, 50, LocalDate.of(2026, 11, 27), 0, Instant.parse("2026-11-27T02:30:00Z"), "/in", "/out");
        runs.fileCounts(5, 3, 2, 1, true, 4);
        assertThat(jdbc.queryForList("SELECT files_new, files_changed, files_unchanged, full_run, files_skipped "
                + "FROM runs WHERE run_id = 5").get(0)).containsValues(3, 2, 1, true, 4);

        runs.markStatus(5, 49, "ABANDONED", Instant.parse("2026-11-27T03:00:00Z"), "old execution");
        assertThat(jdbc.queryForObject("SELECT status FROM runs WHERE run_id = 5", String.class)).isEqualTo("STARTED");
        runs.markStatus(5, 50, "FAILED", Instant.parse("2026-11-27T03:00:00Z"), "recovered");
        assertThat(runs.all().get(5L)).isEqualTo(new RunStore.RunRow(5, 50, null, null, null, null, null, "recovered"));
        assertThat(runs.lastExecutionId(5)).isEqualTo(50L);
        assertThat(runs.lastExecutionId(6)).isNull();
        assertThat(runs.latestAttempt(LocalDate.of(2026, 11, 27))).isZero();

        for (String source : List.of("/in/c", "/in/a", "/in/b")) {
            jdbc.update("INSERT INTO sources (source, status, reason, reason_text, run_id) VALUES (?, 'rejected', "
                    + "'empty', 'no text', 5)", source);
        }
        jdbc.update("INSERT INTO sources (source, status, run_id) VALUES ('/in/d', 'accepted', 5)");
        assertThat(runs.inputs(5)).isEqualTo(4);
        assertThat(runs.rejects(5, 2)).containsExactly(new RunStore.RejectedInput("/in/a", "empty", "no text"),
                new RunStore.RejectedInput("/in/b", "empty", "no text"));
    }

    private static ParsedFileTable.Staged staged(int seq, String payload) {
        return new ParsedFileTable.Staged(seq, payload.getBytes(StandardCharsets.UTF_8));
    }
}
