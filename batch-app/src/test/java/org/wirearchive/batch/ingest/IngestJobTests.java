package org.wirearchive.batch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirearchive.batch.ExitCodes;
import org.wirearchive.batch.Pages;
import org.wirearchive.batch.cli.WirearchiveCli;

/** The ingest job end to end, in-process, against a real H2 file database in a temporary directory. */
class IngestJobTests {

    @TempDir
    Path tmp;

    Path archive;
    Path data;
    Path out;

    @BeforeEach
    void setUp() throws IOException {
        archive = tmp.resolve("archive");
        data = tmp.resolve("data");
        out = tmp.resolve("out");
        Pages.smallArchive(archive);
    }

    record Run(int exit, String out, String err) {
    }

    Run cli(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = WirearchiveCli.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
        return new Run(code, o.toString(), e.toString());
    }

    Run ingest(String... extra) {
        List<String> args = new ArrayList<>(List.of("ingest", "--input", archive.toString(), "--data", data.toString(),
                "--out", out.toString(), "--run-date", "2025-06-28"));
        args.addAll(List.of(extra));
        return cli(args.toArray(String[]::new));
    }

    @Test
    @DisplayName("stores each distinct article once, records every source with its status, writes the reports")
    void ingestsTheArchive() throws Exception {
        Run run = ingest();
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("COMPLETED").contains("6 seen");

        try (Connection c = connect()) {
            assertThat(rows(c, "SELECT article_key, menafn_article_no, headline, source_count FROM articles ORDER BY article_key"))
                    .containsExactly(
                            "M1109726370|1109726370|Ministries Review Coastal Parks Plan|2",
                            "M1109726371|1109726371|Central Bank Holds Rate Steady|2",
                            "M1109726400|1109726400|Engineers Visit Desalination Plant|1");
            Map<String, String> status = sourceStatus(c);
            assertThat(status).hasSize(6);
            assertThat(status.get("2025-06-26/a1.txt")).isEqualTo("accepted|M1109726370|");
            assertThat(status.get("2025-06-27/a1-recrawl.txt"))
                    .isEqualTo("duplicate|M1109726370|same-menafn-id");
            assertThat(status.get("2025-06-28/a2-copy.txt.gz"))
                    .isEqualTo("duplicate|M1109726371|same-menafn-id");
            assertThat(status.get("2025-06-28/empty.txt")).isEqualTo("rejected||empty");
            assertThat(rows(c, "SELECT status, files_seen, articles_new, duplicates, rejects FROM runs"))
                    .containsExactly("COMPLETED|6|3|2|1");
        }

        Path reports = out.resolve("2025-06-28");
        List<CSVRecord> articles = csv(reports.resolve("articles.csv"));
        assertThat(articles).extracting(r -> r.get("article_key"))
                .containsExactly("M1109726370", "M1109726371", "M1109726400");
        List<CSVRecord> sources = csv(reports.resolve("sources.csv"));
        assertThat(sources).hasSize(6);
        List<CSVRecord> rejects = csv(reports.resolve("rejects.csv"));
        assertThat(rejects).hasSize(1);
        assertThat(rejects.get(0).get("source")).endsWith("empty.txt");
        // the run summary was committed before the reports read it
        List<CSVRecord> summary = csv(reports.resolve("run_summary.csv"));
        assertThat(summary).hasSize(1);
        assertThat(summary.get(0).get("status")).isEqualTo("COMPLETED");
        assertThat(summary.get(0).get("files_seen")).isEqualTo("6");
        assertThat(summary.get(0).get("duplicates")).isEqualTo("2");
        assertThat(summary.get(0).get("rejects_by_reason")).isEqualTo("empty=1");
        assertThat(summary.get(0).get("finished")).isNotEmpty();
    }

    @Test
    @DisplayName("a rerun with --force leaves the same rows and byte-identical reports; without it, it refuses")
    void rerunIsIdempotent() throws Exception {
        assertThat(ingest().exit()).isEqualTo(ExitCodes.OK);
        Map<String, String> before;
        String articlesBefore;
        try (Connection c = connect()) {
            before = dump(c);
        }
        articlesBefore = Files.readString(out.resolve("2025-06-28/articles.csv"), StandardCharsets.UTF_8);

        Run again = ingest();
        assertThat(again.exit()).isEqualTo(ExitCodes.ALREADY_COMPLETED);
        assertThat(again.err()).contains("already completed").contains("--force").doesNotContain("Exception");

        Run forced = ingest("--force", "--full");
        assertThat(forced.exit()).as(forced.err()).isEqualTo(ExitCodes.OK);
        try (Connection c = connect()) {
            assertThat(dump(c)).isEqualTo(before);
            assertThat(rows(c, "SELECT run_id, attempt, status, articles_new, duplicates FROM runs ORDER BY run_id"))
                    .hasSize(2).last().asString().endsWith("|1|COMPLETED|0|2");
        }
        assertThat(Files.readString(out.resolve("2025-06-28/articles.csv"), StandardCharsets.UTF_8))
                .isEqualTo(articlesBefore);
    }

    @Test
    @DisplayName("a night that changes nothing links the previous night's whole-store CSVs; a change writes them anew")
    void unchangedNightReusesTheReports() throws Exception {
        assertThat(ingest().exit()).isEqualTo(ExitCodes.OK);
        Run night2 = cli("ingest", "--input", archive.toString(), "--data", data.toString(), "--out", out.toString(),
                "--run-date", "2025-06-29");
        assertThat(night2.exit()).as(night2.err()).isEqualTo(ExitCodes.OK);
        Path n1 = out.resolve("2025-06-28");
        Path n2 = out.resolve("2025-06-29");
        for (String f : List.of("articles.csv", "sources.csv", "duplicates.csv", "rejects.csv", "provider_daily.csv")) {
            assertThat(Files.isSameFile(n1.resolve(f), n2.resolve(f))).as(f + " is the same file").isTrue();
        }
        assertThat(Files.readString(n2.resolve(".store-version"))).isEqualTo(Files.readString(n1.resolve(".store-version")));
        assertThat(csv(n2.resolve("run_summary.csv")).get(0).get("run_date")).isEqualTo("2025-06-29");
        assertThat(csv(n2.resolve("articles.csv"))).hasSize(3);

        // night 3: a new page: the store changed, so every report is written anew and shows it
        Pages.write(archive.resolve("2025-06-30/c1.txt"), Pages.menafn("2025-06-30", "Library Extends Opening Hours",
                "2025-06-30 09:00:00", "KUWAIT", "June 30",
                "The central library will open until midnight from July.\nStudents asked for longer hours.", "ms",
                "MENAFN30062025000071011013ID1109726600"));
        Run night3 = cli("ingest", "--input", archive.toString(), "--data", data.toString(), "--out", out.toString(),
                "--run-date", "2025-06-30");
        assertThat(night3.exit()).as(night3.err()).isEqualTo(ExitCodes.OK);
        Path n3 = out.resolve("2025-06-30");
        assertThat(Files.isSameFile(n2.resolve("articles.csv"), n3.resolve("articles.csv"))).isFalse();
        assertThat(csv(n3.resolve("articles.csv"))).hasSize(4);
        assertThat(csv(n2.resolve("articles.csv"))).as("the earlier night's file is untouched").hasSize(3);
        assertThat(Files.readString(n3.resolve(".store-version"))).isNotEqualTo(Files.readString(n2.resolve(".store-version")));

        // RUN-scope reports into a directory with whole-store reports remove its stamp: never reused as the store
        Run rerun = cli("ingest", "--input", archive.toString(), "--data", data.toString(), "--out", out.toString(),
                "--run-date", "2025-06-30", "--force", "--report-scope", "RUN");
        assertThat(rerun.exit()).as(rerun.err()).isEqualTo(ExitCodes.OK);
        assertThat(n3.resolve(".store-version")).doesNotExist();
        assertThat(csv(n3.resolve("articles.csv"))).isEmpty();
        Run night4 = cli("ingest", "--input", archive.toString(), "--data", data.toString(), "--out", out.toString(),
                "--run-date", "2025-07-01");
        assertThat(night4.exit()).as(night4.err()).isEqualTo(ExitCodes.OK);
        assertThat(csv(out.resolve("2025-07-01/articles.csv"))).hasSize(4);
    }

    @Test
    @DisplayName("incremental nights: only new and changed files are processed; an unchanged night reads no file")
    void incrementalNights() throws Exception {
        Run night1 = cli("ingest", "--input", archive.toString(), "--data", data.toString(), "--out", out.toString(),
                "--run-date", "2025-06-28");
        assertThat(night1.exit()).as(night1.err()).isEqualTo(ExitCodes.OK);

        // night 2: one new page, one page rewritten with a corrected body (same article number)
        Pages.write(archive.resolve("2025-06-29/b1.txt"), Pages.menafn("2025-06-29", "Port Opens New Container Berth",
                "2025-06-29 10:00:00", "KUWAIT", "June 29",
                "The port authority opened a new container berth on Sunday.\nIt doubles the port's capacity.", "ms",
                "MENAFN29062025000071011013ID1109726500"));
        Path changed = archive.resolve("2025-06-27/a3.txt");
        Files.writeString(changed, Files.readString(changed, StandardCharsets.UTF_8)
                .replace("twenty thousand homes", "thirty thousand homes"), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(changed, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(changed).toMillis() + 60_000));
        Run night2 = cli("ingest", "--input", archive.toString(), "--data", data.toString(), "--out", out.toString(),
                "--run-date", "2025-06-29");
        assertThat(night2.exit()).as(night2.err()).isEqualTo(ExitCodes.OK);

        // night 3: nothing new; its reports hold only what the run touched (nothing)
        Run night3 = cli("ingest", "--input", archive.toString(), "--data", data.toString(), "--out", out.toString(),
                "--run-date", "2025-06-30", "--report-scope", "RUN");
        assertThat(night3.exit()).as(night3.err()).isEqualTo(ExitCodes.OK);
        assertThat(csv(out.resolve("2025-06-30/articles.csv"))).isEmpty();
        assertThat(csv(out.resolve("2025-06-30/sources.csv"))).isEmpty();
        assertThat(csv(out.resolve("2025-06-29/articles.csv"))).hasSize(4); // night 2: the whole store

        try (Connection c = connect()) {
            assertThat(rows(c, "SELECT run_date, files_new, files_changed, files_unchanged, inputs_read, articles_new, "
                    + "articles_updated FROM runs ORDER BY run_date")).containsExactly(
                    "2025-06-28|6|0|0|6|3|0",
                    "2025-06-29|1|1|5|2|1|1",
                    "2025-06-30|0|0|7|0|0|0");
            // the unchanged night froze an empty work list: its ingest step read no file at all
            assertThat(rows(c, "SELECT COUNT(*) FROM run_inputs i JOIN runs r ON r.run_id = i.job_instance_id "
                    + "WHERE r.run_date = DATE '2025-06-30'")).containsExactly("0");
            assertThat(rows(c, "SELECT s.READ_COUNT FROM BATCH_STEP_EXECUTION s JOIN BATCH_JOB_EXECUTION e "
                    + "ON e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID JOIN runs r ON r.last_execution_id = e.JOB_EXECUTION_ID "
                    + "WHERE r.run_date = DATE '2025-06-30' AND s.STEP_NAME = 'ingestFiles'")).containsExactly("0");
            assertThat(rows(c, "SELECT body FROM articles WHERE article_key = 'M1109726400'"))
                    .singleElement().asString().contains("thirty thousand homes");
            assertThat(rows(c, "SELECT COUNT(*) FROM manifest")).containsExactly("7");
        }
    }

    @Test
    @DisplayName("a night that lists the same files, sizes and times as a completed run, the store unchanged since, "
            + "takes every file as unchanged without comparing; any change to the listing or the store compares again")
    void knownListing() throws Exception {
        Run night1 = cli("ingest", "--input", archive.toString(), "--data", data.toString(), "--out", out.toString(),
                "--run-date", "2025-06-28");
        assertThat(night1.exit()).as(night1.err()).isEqualTo(ExitCodes.OK);
        try (Connection c = connect()) {
            assertThat(rows(c, "SELECT k.files, k.run_id, k.store_version = s.version FROM known_listing k "
                    + "JOIN store_state s ON s.id = 1")).containsExactly("6|1|TRUE");
        }

        // the same listing: nothing compared, the same counts the comparison gives (incrementalNights)
        Run night2 = cli("ingest", "--input", archive.toString(), "--data", data.toString(), "--out", out.toString(),
                "--run-date", "2025-06-29");
        assertThat(night2.exit()).as(night2.err()).isEqualTo(ExitCodes.OK);
        assertThat(log()).contains("Input: 6 files under " + archive.toAbsolutePath().normalize() + ": 0 new, 0 changed, "
                + "6 unchanged; to process: 0 (the same files, sizes and times as run 1 listed");

        // one file touched (its time only): another listing, compared file by file, the file processed again
        Path touched = archive.resolve("2025-06-27/a3.txt");
        Files.setLastModifiedTime(touched, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(touched).toMillis() + 1));
        Run night3 = cli("ingest", "--input", archive.toString(), "--data", data.toString(), "--out", out.toString(),
                "--run-date", "2025-06-30");
        assertThat(night3.exit()).as(night3.err()).isEqualTo(ExitCodes.OK);

        // the same listing as night 3, but the store changed since (another version): compared again
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE store_state SET version = version + 1 WHERE id = 1");
        }
        Run night4 = cli("ingest", "--input", archive.toString(), "--data", data.toString(), "--out", out.toString(),
                "--run-date", "2025-07-01");
        assertThat(night4.exit()).as(night4.err()).isEqualTo(ExitCodes.OK);
        // night 4 compared and found everything unchanged: it recorded the listing, night 5 takes it
        Run night5 = cli("ingest", "--input", archive.toString(), "--data", data.toString(), "--out", out.toString(),
                "--run-date", "2025-07-02");
        assertThat(night5.exit()).as(night5.err()).isEqualTo(ExitCodes.OK);

        try (Connection c = connect()) {
            assertThat(rows(c, "SELECT run_date, files_new, files_changed, files_unchanged FROM runs ORDER BY run_date"))
                    .containsExactly("2025-06-28|6|0|0", "2025-06-29|0|0|6", "2025-06-30|0|1|5", "2025-07-01|0|0|6",
                            "2025-07-02|0|0|6");
            assertThat(rows(c, "SELECT files, run_id FROM known_listing")).containsExactly("6|4");
        }
        List<String> inputLines = log().lines().filter(l -> l.contains("Input: ")).toList();
        assertThat(inputLines).hasSize(5);
        assertThat(inputLines.get(0)).doesNotContain("not compared");
        assertThat(inputLines.get(1)).contains("as run 1 listed");
        assertThat(inputLines.get(2)).doesNotContain("not compared");
        assertThat(inputLines.get(3)).doesNotContain("not compared");
        assertThat(inputLines.get(4)).contains("as run 4 listed");
    }

    private String log() throws IOException {
        return Files.readString(data.resolve("logs/wirearchive.log"), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a listed file that cannot be read fails the run after the committed chunks; fixed, the rerun "
            + "restarts there and ends with exactly the rows of a clean run")
    void unreadableInputFailsThenRestarts() throws Exception {
        // sorts after the other pages: 2025-06-28/zz-broken.txt; reading /proc/self/mem fails with an I/O error
        Path broken = archive.resolve("2025-06-28/zz-broken.txt");
        Files.createSymbolicLink(broken, Path.of("/proc/self/mem"));
        System.setProperty("wirearchive.chunk-size", "2");
        try {
            Run failed = ingest();
            assertThat(failed.exit()).as(failed.out() + failed.err()).isEqualTo(ExitCodes.JOB_FAILED);
            assertThat(failed.out()).contains("FAILED").contains("cannot read input file " + broken.toAbsolutePath())
                    .contains("rerun the same command");
            try (Connection c = connect()) {
                // three chunks of two files were committed before the broken seventh file
                assertThat(rows(c, "SELECT COUNT(*) FROM sources")).containsExactly("6");
                assertThat(rows(c, "SELECT status FROM runs")).containsExactly("FAILED");
            }

            Files.delete(broken);
            Pages.write(broken, Pages.menafn("2025-06-28", "Museum Reopens After Renovation", "2025-06-28 11:00:00",
                    "KUWAIT", "June 28", "The national museum reopened its doors on Saturday after two years of work.\n"
                            + "Visitors can see four new galleries, the museum said.", "hm",
                    "MENAFN28062025000071011013ID1109726600"));
            Run rerun = ingest();
            assertThat(rerun.exit()).as(rerun.out() + rerun.err()).isEqualTo(ExitCodes.OK);
            assertThat(rerun.out()).contains("COMPLETED (restarted)");
        } finally {
            System.clearProperty("wirearchive.chunk-size");
        }
        Map<String, String> restarted;
        try (Connection c = connect()) {
            restarted = dump(c);
            assertThat(rows(c, "SELECT COUNT(*) FROM sources")).containsExactly("7");
            assertThat(rows(c, "SELECT s.STEP_NAME, s.WRITE_COUNT FROM BATCH_STEP_EXECUTION s WHERE s.STEP_NAME = "
                    + "'ingestFiles' ORDER BY s.STEP_EXECUTION_ID")).containsExactly("ingestFiles|6", "ingestFiles|1");
        }
        // a clean run over the fixed archive, in another database, stores exactly the same rows
        data = tmp.resolve("clean-data");
        assertThat(ingest().exit()).isEqualTo(ExitCodes.OK);
        try (Connection c = connect()) {
            assertThat(dump(c)).isEqualTo(restarted);
        }
    }

    @Test
    @DisplayName("report --from --to regenerates, from the database alone, the files the ingest wrote")
    void reportRegeneratesTheIngestFiles() throws IOException {
        assertThat(ingest().exit()).isEqualTo(ExitCodes.OK);
        Path again = tmp.resolve("regenerated");
        Run report = cli("report", "--from", "2025-06-01", "--to", "2025-06-30", "--out", again.toString(), "--data",
                data.toString());
        assertThat(report.exit()).as(report.err()).isEqualTo(ExitCodes.OK);
        assertThat(report.out()).contains("Wrote 7 reports");
        for (String f : List.of("articles.csv", "sources.csv", "duplicates.csv", "rejects.csv", "provider_daily.csv",
                "run_summary.csv")) {
            assertThat(Files.mismatch(again.resolve(f), out.resolve("2025-06-28").resolve(f))).as(f).isEqualTo(-1L);
        }
        Run narrower = cli("report", "--from", "2025-06-27", "--to", "2025-06-27", "--out", tmp.resolve("one-day")
                .toString(), "--data", data.toString(), "--dated-only");
        assertThat(narrower.exit()).isEqualTo(ExitCodes.OK);
        assertThat(csv(tmp.resolve("one-day/articles.csv"))).extracting(r -> r.get("article_key"))
                .containsExactly("M1109726400");
        Run backwards = cli("report", "--from", "2025-06-30", "--to", "2025-06-01", "--data", data.toString());
        assertThat(backwards.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(backwards.err().strip()).isEqualTo("wirearchive: --to 2025-06-01 is before --from 2025-06-30");
    }

    @Test
    @DisplayName("the input size limit is configurable: over it, an input is rejected as too-large")
    void inputSizeLimit() throws IOException {
        Path big = Files.writeString(tmp.resolve("big.txt"), Pages.menafn("2025-06-26", "A Long Page", "2025-06-26 05:05:38",
                "KUWAIT", "June 26", "word ".repeat(300_000).strip() + ".\nThe end of a long page.", "mk",
                "MENAFN26062025000071011013ID1109726999"), StandardCharsets.UTF_8);
        Run limited = cli("parse", "--max-input-mb", "1", big.toString());
        assertThat(limited.exit()).isEqualTo(ExitCodes.OK);
        assertThat(limited.out()).contains("\"status\":\"rejected\"").contains("\"reason\":\"too-large\"");
        Run unlimited = cli("parse", big.toString());
        assertThat(unlimited.out()).contains("\"status\":\"ok\"");
        Run bad = cli("parse", "--max-input-mb", "0", big.toString());
        assertThat(bad.exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    @DisplayName("a missing input directory is a one-line error naming it, exit 3, nothing stored")
    void missingInput() {
        Run run = cli("ingest", "--input", tmp.resolve("nope").toString(), "--data", data.toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.err().strip()).startsWith("wirearchive: input path does not exist: ").endsWith("nope")
                .doesNotContain("\n");
        assertThat(data).doesNotExist();
    }

    @Test
    @DisplayName("an unwritable output directory is a one-line error naming it, exit 3")
    void unwritableOutput() throws IOException {
        Path blocker = Files.writeString(tmp.resolve("file-not-dir"), "x");
        Run run = cli("ingest", "--input", archive.toString(), "--data", data.toString(), "--out", blocker.toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.err().strip()).startsWith("wirearchive: cannot write to the output directory ")
                .contains("file-not-dir").doesNotContain("\n");
    }

    private Map<String, String> sourceStatus(Connection c) throws SQLException {
        Map<String, String> m = new TreeMap<>();
        String prefix = archive.toAbsolutePath().normalize() + "/";
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT source, status, article_key, reason FROM sources")) {
            while (rs.next()) {
                m.put(rs.getString(1).replace(prefix, ""), rs.getString(2) + "|" + nz(rs.getString(3)) + "|"
                        + nz(rs.getString(4)));
            }
        }
        return m;
    }

    /** Every row of the article and source tables, without run ids (which a --force rerun changes). */
    private Map<String, String> dump(Connection c) throws SQLException {
        Map<String, String> m = new TreeMap<>();
        for (String row : rows(c, "SELECT article_key, menafn_doc_id, provider, headline, published, dateline_city, "
                + "language, body_sha256, body, canonical_source, source_count FROM articles")) {
            m.put("A " + row.substring(0, row.indexOf('|')), row);
        }
        for (String row : rows(c, "SELECT source, status, article_key, duplicate_of, reason, body_sha256 FROM sources")) {
            m.put("S " + row.substring(0, row.indexOf('|')), row);
        }
        return m;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath().resolve("wirearchive")
                + ";AUTO_SERVER=TRUE", "sa", "");
    }

    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    if (i > 1) {
                        sb.append('|');
                    }
                    sb.append(nz(rs.getString(i)));
                }
                rows.add(sb.toString());
            }
        }
        return rows;
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                     .parse(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            return parser.getRecords();
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
