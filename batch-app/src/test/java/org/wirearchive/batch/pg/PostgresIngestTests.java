package org.wirearchive.batch.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirearchive.batch.ExitCodes;
import org.wirearchive.batch.Pages;
import org.wirearchive.batch.cli.WirearchiveCli;

/**
 * The real ingest, in-process, on PostgreSQL (a fresh database per test, see {@link PgDatabase}) and on H2 over the
 * same archive: the same reports come out, a failed run restarts from its last commit, the operator commands work.
 * Skipped without {@code WA_TEST_PG_URL}.
 */
class PostgresIngestTests {

    /** The reports that must be byte-identical on both databases (run_summary and report.html carry times). */
    static final List<String> SAME_REPORTS = List.of("articles.csv", "sources.csv", "duplicates.csv", "rejects.csv",
            "provider_daily.csv");

    static final String CHUNK_SIZE = "wirearchive.chunk-size";

    @TempDir
    Path tmp;

    Path archive;
    PgDatabase pg;

    @BeforeEach
    void setUp() throws Exception {
        PgDatabase.serverUrl(); // skip before doing any work when there is no server
        archive = tmp.resolve("archive");
        pg = PgDatabase.create();
    }

    @AfterEach
    void tearDown() throws SQLException {
        System.clearProperty(CHUNK_SIZE);
        if (pg != null) {
            pg.close();
        }
    }

    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    static Run cli(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = WirearchiveCli.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
        return new Run(code, o.toString(), e.toString());
    }

    /** An ingest of {@link #archive} into {@code out/<side>}; {@code db} is "--db-url URL" or nothing (H2). */
    Run ingest(String side, String runDate, String... db) {
        List<String> args = new ArrayList<>(List.of("ingest", "--input", archive.toString(),
                "--data", tmp.resolve("data-" + side).toString(), "--out", tmp.resolve("out-" + side).toString(),
                "--run-date", runDate));
        args.addAll(List.of(db));
        return cli(args.toArray(String[]::new));
    }

    Run ingestPg(String runDate) {
        return ingest("pg", runDate, "--db-url", pg.url());
    }

    Run jobsPg(String... args) {
        List<String> all = new ArrayList<>(List.of("jobs"));
        all.addAll(List.of(args));
        all.addAll(List.of("--data", tmp.resolve("data-pg").toString(), "--db-url", pg.url()));
        return cli(all.toArray(String[]::new));
    }

    List<String> h2Rows(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + tmp.resolve("data-h2").toAbsolutePath()
                + "/wirearchive;AUTO_SERVER=TRUE", "sa", "");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            return PgDatabase.Rows.of(rs);
        }
    }

    void assertSameReports(String runDate) throws IOException {
        for (String name : SAME_REPORTS) {
            String h2 = Files.readString(tmp.resolve("out-h2").resolve(runDate).resolve(name), StandardCharsets.UTF_8);
            String onPg = Files.readString(tmp.resolve("out-pg").resolve(runDate).resolve(name), StandardCharsets.UTF_8);
            assertThat(onPg).as(runDate + "/" + name).isEqualTo(h2);
        }
    }

    /** The bundled sample archive plus a generated one with every layout (zip, WARC, HTML, KUNA, bad files). */
    void fullArchive() throws IOException {
        Path samples = Path.of("..", "samples", "archive").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(samples)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = archive.resolve("samples").resolve(samples.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Run gen = cli("generate", "--articles", "120", "--out", tmp.resolve("gen").toString(), "--seed", "11",
                "--bad-every", "25");
        assertThat(gen.exit()).as(gen.toString()).isEqualTo(ExitCodes.OK);
        Files.move(tmp.resolve("gen/archive"), archive.resolve("generated"));
    }

    static final String DUMP_ARTICLES = "SELECT article_key, menafn_doc_id, menafn_article_no, kuna_id, provider_key, "
            + "headline, published, published_date, crawl_date, language, format, body_sha256, body_length, "
            + "canonical_source, source_count, first_seen_run, first_seen_date, updated_run FROM articles "
            + "ORDER BY article_key";
    static final String DUMP_SOURCES = "SELECT source, status, article_key, duplicate_of, reason, body_sha256, "
            + "published_date, provider_key, run_id, run_date, first_seen_run FROM sources ORDER BY source";
    static final String DUMP_RUNS = "SELECT run_id, last_execution_id, run_date, attempt, status, files_seen, "
            + "inputs_read, articles_new, articles_updated, duplicates, rejects, files_new, files_changed, "
            + "files_unchanged, CASE WHEN full_run THEN 'full' ELSE 'incremental' END FROM runs ORDER BY run_id";

    @Test
    @DisplayName("the same archive over two nights gives the same rows and byte-identical reports on H2 and PostgreSQL")
    void sameReportsAsH2() throws Exception {
        fullArchive();
        for (String side : List.of("h2", "pg")) {
            Run night1 = side.equals("pg") ? ingestPg("2025-06-28") : ingest("h2", "2025-06-28");
            assertThat(night1.exit()).as(side + " " + night1).isEqualTo(ExitCodes.OK);
        }
        assertSameReports("2025-06-28");

        // night 2: a new page and a page rewritten with a corrected body
        Pages.write(archive.resolve("night2/b1.txt"), Pages.menafn("2025-06-29", "Port Opens New Container Berth",
                "2025-06-29 10:00:00", "KUWAIT", "June 29",
                "The port authority opened a new container berth on Sunday.\nIt doubles the port's capacity.", "ms",
                "MENAFN29062025000071011013ID1109726500"));
        Pages.write(archive.resolve("night2/b2.txt"), Pages.menafn("2025-06-29", "Port Opens New Container Berth",
                "2025-06-29 10:00:00", "KUWAIT", "June 29",
                "The port authority opened a new container berth on Sunday.\nIt doubles the port's capacity.", "ms",
                "MENAFN29062025000071011013ID1109726500"));
        for (String side : List.of("h2", "pg")) {
            Run night2 = side.equals("pg") ? ingestPg("2025-06-29") : ingest("h2", "2025-06-29");
            assertThat(night2.exit()).as(side + " " + night2).isEqualTo(ExitCodes.OK);
            assertThat(night2.out()).contains("2 new, 0 changed");
        }
        assertSameReports("2025-06-29");

        assertThat(pg.rows(DUMP_ARTICLES)).hasSizeGreaterThan(50).isEqualTo(h2Rows(DUMP_ARTICLES));
        assertThat(pg.rows(DUMP_SOURCES)).isEqualTo(h2Rows(DUMP_SOURCES));
        assertThat(pg.rows(DUMP_RUNS)).isEqualTo(h2Rows(DUMP_RUNS)).hasSize(2);
        assertThat(pg.rows("SELECT COUNT(*) FROM sources WHERE status = 'rejected'")).doesNotContain("0");
        assertThat(pg.rows("SELECT COUNT(*) FROM manifest")).isEqualTo(h2Rows("SELECT COUNT(*) FROM manifest"));
        // the application tables are Flyway's, Spring Batch's are Boot's: all in the one PostgreSQL database
        assertThat(pg.rows("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
                + "ORDER BY installed_rank")).startsWith("1", "2");
        assertThat(pg.rows("SELECT COUNT(*) FROM batch_job_execution WHERE status = 'COMPLETED'")).containsExactly("2");

        // night 3 lists what night 2 did, whose every file is in the manifest: no comparison on either database
        assertThat(pg.rows("SELECT files, run_id FROM known_listing")).isEqualTo(h2Rows("SELECT files, run_id FROM "
                + "known_listing")).hasSize(1);
        for (String side : List.of("h2", "pg")) {
            Run night3 = side.equals("pg") ? ingestPg("2025-06-30") : ingest("h2", "2025-06-30");
            assertThat(night3.exit()).as(side + " " + night3).isEqualTo(ExitCodes.OK);
            assertThat(night3.out()).contains(" 0 new, 0 changed, ");
        }
        assertThat(pg.rows(DUMP_RUNS)).isEqualTo(h2Rows(DUMP_RUNS)).hasSize(3);
    }

    @Test
    @DisplayName("a run that fails mid-way on PostgreSQL restarts from its last commit and ends like a clean run")
    void restartAfterFailure() throws Exception {
        Pages.smallArchive(archive);
        Pages.write(archive.resolve("2025-06-28/poison.txt"), "poison");
        // a clean run on H2, for the expected reports
        Run clean = ingest("h2", "2025-06-28");
        assertThat(clean.exit()).as(clean.toString()).isEqualTo(ExitCodes.OK);

        installPoisonTrigger();

        Run failed = ingestPg("2025-06-28");
        assertThat(failed.exit()).as(failed.toString()).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(failed.out()).contains("FAILED");
        assertThat(pg.rows("SELECT status FROM batch_job_execution")).containsExactly("FAILED");
        assertThat(pg.rows("SELECT status FROM runs")).containsExactly("FAILED");
        assertThat(pg.rows("SELECT COUNT(*) FROM sources")).containsExactly("6");

        Run listed = jobsPg("list");
        assertThat(listed.exit()).as(listed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(listed.out()).contains("FAILED").contains("2025-06-28").contains("poisoned input");

        pg.sql("DROP TRIGGER poison ON sources");
        Run restarted = ingestPg("2025-06-28");
        assertThat(restarted.exit()).as(restarted.toString()).isEqualTo(ExitCodes.OK);
        assertThat(restarted.out()).contains("COMPLETED");

        // one run, two executions; the restart read only the file that was not committed
        assertThat(pg.rows("SELECT COUNT(*) FROM batch_job_instance")).containsExactly("1");
        assertThat(pg.rows("SELECT job_execution_id, status FROM batch_job_execution ORDER BY job_execution_id"))
                .containsExactly("1|FAILED", "2|COMPLETED");
        assertThat(pg.rows("SELECT read_count FROM batch_step_execution WHERE step_name = 'ingestFiles' "
                + "AND job_execution_id = 2")).containsExactly("1");
        assertThat(pg.rows("SELECT COUNT(*), COUNT(DISTINCT source) FROM sources")).containsExactly("7|7");
        assertThat(pg.rows("SELECT status, last_execution_id FROM runs")).containsExactly("COMPLETED|2");
        assertThat(pg.rows(DUMP_ARTICLES)).isEqualTo(h2Rows(DUMP_ARTICLES));
        assertSameReports("2025-06-28");

        Run list = jobsPg("list");
        assertThat(list.exit()).as(list.toString()).isEqualTo(ExitCodes.OK);
        assertThat(list.out().lines().filter(l -> l.contains("2025-06-28")).toList()).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("COMPLETED"))
                .anySatisfy(l -> assertThat(l).contains("FAILED"));
        Run show = jobsPg("show", "2");
        assertThat(show.exit()).as(show.toString()).isEqualTo(ExitCodes.OK);
        assertThat(show.out()).contains("ingestFiles").contains("COMPLETED");
    }

    /**
     * Small chunks (commits before the failure) and a trigger that fails the store on an input whose path contains
     * "poison": a database error in the middle of the file step.
     */
    void installPoisonTrigger() throws SQLException {
        System.setProperty(CHUNK_SIZE, "2");
        assertThat(jobsPg("list").exit()).isEqualTo(ExitCodes.OK); // creates the schema
        pg.sql("""
                CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.source LIKE '%poison%' THEN
                    RAISE EXCEPTION 'poisoned input: %', NEW.source;
                  END IF;
                  RETURN NEW;
                END $$""");
        pg.sql("CREATE TRIGGER poison BEFORE INSERT OR UPDATE ON sources FOR EACH ROW EXECUTE FUNCTION poison()");
    }

    @Test
    @DisplayName("after a crash on PostgreSQL: jobs list shows it, recover marks it FAILED, jobs restart completes it")
    void crashRecoverRestart() throws Exception {
        Pages.smallArchive(archive);
        Pages.write(archive.resolve("2025-06-28/poison.txt"), "poison");
        installPoisonTrigger();
        Run failed = ingestPg("2025-06-28");
        assertThat(failed.exit()).as(failed.toString()).isEqualTo(ExitCodes.JOB_FAILED);
        // leave it as kill -9 does: STARTED, no end time
        pg.sql("UPDATE batch_job_execution SET status = 'STARTED', end_time = NULL, exit_code = 'UNKNOWN', "
                + "exit_message = '' WHERE job_execution_id = 1");
        pg.sql("UPDATE batch_step_execution SET status = 'STARTED', end_time = NULL, exit_code = 'EXECUTING', "
                + "exit_message = '' WHERE job_execution_id = 1 AND status = 'FAILED'");
        pg.sql("UPDATE runs SET status = 'STARTED', finished = NULL");

        Run listed = jobsPg("list");
        assertThat(listed.exit()).as(listed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(listed.out()).contains("STARTED").contains("jobs recover 1");
        Run rerun = ingestPg("2025-06-28");
        assertThat(rerun.exit()).as(rerun.toString()).isEqualTo(ExitCodes.RECOVERY_NEEDED);

        Run recovered = jobsPg("recover", "1");
        assertThat(recovered.exit()).as(recovered.toString()).isEqualTo(ExitCodes.OK);
        assertThat(recovered.out()).contains("now FAILED");
        assertThat(pg.rows("SELECT status FROM runs")).containsExactly("FAILED");
        assertThat(pg.rows("SELECT status FROM batch_step_execution WHERE job_execution_id = 1 "
                + "ORDER BY step_execution_id")).containsExactly("COMPLETED", "FAILED");

        pg.sql("DROP TRIGGER poison ON sources");
        Run restarted = jobsPg("restart", "1");
        assertThat(restarted.exit()).as(restarted.toString()).isEqualTo(ExitCodes.OK);
        assertThat(restarted.out()).contains("COMPLETED");
        assertThat(pg.rows("SELECT COUNT(*), COUNT(DISTINCT source) FROM sources")).containsExactly("7|7");
        assertThat(pg.rows("SELECT status, last_execution_id FROM runs")).containsExactly("COMPLETED|2");

        // a COMPLETED date: refused without --force, a new attempt with it
        assertThat(ingestPg("2025-06-28").exit()).isEqualTo(ExitCodes.ALREADY_COMPLETED);
        Run forced = ingest("pg", "2025-06-28", "--db-url", pg.url(), "--force", "--full");
        assertThat(forced.exit()).as(forced.toString()).isEqualTo(ExitCodes.OK);
        assertThat(pg.rows("SELECT attempt, status, articles_new, duplicates FROM runs ORDER BY run_id"))
                .containsExactly("0|COMPLETED|3|2", "1|COMPLETED|0|2");
    }

    @Test
    @DisplayName("credentials: inside the URL alone, or as --db-user/--db-password; a wrong password is exit 3 and never shown")
    void credentials() throws Exception {
        Pages.smallArchive(archive);
        String[] user = credentialsOf(pg.url());
        Run withOptions = ingest("pg", "2025-06-28", "--db-url", pg.urlWithoutCredentials(),
                "--db-user", user[0], "--db-password", user[1]);
        assertThat(withOptions.exit()).as(withOptions.toString()).isEqualTo(ExitCodes.OK);

        Run wrong = ingest("pg", "2025-06-29", "--db-url", pg.urlWithoutCredentials(),
                "--db-user", user[0], "--db-password", "not-" + user[1]);
        assertThat(wrong.exit()).as(wrong.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(wrong.err().strip()).startsWith("wirearchive: cannot open the database").doesNotContain("\n")
                .doesNotContain("not-" + user[1]);

        // a wrong password inside the URL: the message names the database but never shows the password
        String badUrl = pg.urlWithoutCredentials() + "?user=" + user[0] + "&password=Wrong-Secret";
        Run wrongInUrl = ingest("pg", "2025-06-29", "--db-url", badUrl);
        assertThat(wrongInUrl.exit()).as(wrongInUrl.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(wrongInUrl.err().strip()).startsWith("wirearchive: cannot open the database")
                .contains(pg.urlWithoutCredentials() + "?user=" + user[0] + "&password=***")
                .doesNotContain("Wrong-Secret").doesNotContain("\n");

        Run inUrl = ingestPg("2025-06-29");
        assertThat(inUrl.exit()).as(inUrl.toString()).isEqualTo(ExitCodes.OK);
        assertThat(pg.rows("SELECT run_date, status FROM runs ORDER BY run_id"))
                .containsExactly("2025-06-28|COMPLETED", "2025-06-29|COMPLETED");
    }

    /** user and password from the URL's query (the server URL must carry both, as scripts/pg.sh's does). */
    static String[] credentialsOf(String url) {
        String user = null;
        String password = "";
        for (String kv : url.substring(url.indexOf('?') + 1).split("&")) {
            if (kv.startsWith("user=")) {
                user = kv.substring(5);
            } else if (kv.startsWith("password=")) {
                password = kv.substring(9);
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(user != null, "the server URL carries no user=");
        return new String[] {user, password};
    }

    @Test
    @DisplayName("the ingest lock on PostgreSQL: a live holder elsewhere refuses (exit 4), a silent one is taken over")
    void ingestLock() throws Exception {
        Pages.smallArchive(archive);
        assertThat(jobsPg("list").exit()).isEqualTo(ExitCodes.OK); // creates the schema
        pg.sql("INSERT INTO ingest_lock (lock_name, holder, host, pid, run_date, acquired, heartbeat) "
                + "VALUES ('ingest', '1@elsewhere', 'elsewhere', 1, DATE '2025-06-27', LOCALTIMESTAMP, LOCALTIMESTAMP)");
        Run busy = ingestPg("2025-06-28");
        assertThat(busy.exit()).as(busy.toString()).isEqualTo(ExitCodes.ALREADY_RUNNING);
        assertThat(busy.err()).contains("elsewhere");
        assertThat(pg.rows("SELECT COUNT(*) FROM batch_job_execution")).containsExactly("0");

        pg.sql("UPDATE ingest_lock SET heartbeat = LOCALTIMESTAMP - INTERVAL '1' DAY");
        Run taken = ingestPg("2025-06-28");
        assertThat(taken.exit()).as(taken.toString()).isEqualTo(ExitCodes.OK);
        assertThat(pg.rows("SELECT COUNT(*) FROM ingest_lock")).containsExactly("0");
    }
}
