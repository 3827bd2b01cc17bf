package org.wirearchive.batch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.wirearchive.core.generate.ArchiveGenerator;
import org.wirearchive.core.generate.GeneratorSpec;

/**
 * Crash recovery with a real child process: an ingest of a few thousand generated files is killed with SIGKILL at
 * several points, the operator reruns it (told to recover), reruns with --recover, and the database and every report
 * are identical to those of a clean, uninterrupted run.
 */
class CrashRecoveryIT {

    static final String DATE = "2026-11-27";
    static final Map<String, String> SMALL_CHUNKS = Map.of("WIREARCHIVE_JAVA_OPTS",
            "-Xmx512m -XX:TieredStopAtLevel=1 -Dwirearchive.chunk-size=10");
    /**
     * The environment of the crashed process and of the operator's reruns, per kill point: another time zone and
     * locale each time, so that a crash is recovered from any zone, with {@code LANG} unset (cron) or UTF-8.
     */
    static final Map<String, List<Launcher.ChildEnv>> ENVIRONMENTS = Map.of(
            "while reading the first chunks", List.of(new Launcher.ChildEnv("UTC", null),
                    new Launcher.ChildEnv("Asia/Kuwait", "C.UTF-8")),
            "in the middle of the files", List.of(new Launcher.ChildEnv("Asia/Kuwait", "C.UTF-8"),
                    new Launcher.ChildEnv("America/Los_Angeles", null)),
            "while writing the reports", List.of(new Launcher.ChildEnv("America/Los_Angeles", "C.UTF-8"),
                    new Launcher.ChildEnv("UTC", null)));
    static final List<String> COMPARED = List.of("articles.csv", "sources.csv", "duplicates.csv", "rejects.csv",
            "provider_daily.csv");

    @TempDir
    static Path shared;

    static Path archive;
    static Map<String, String> cleanDb;
    static int cleanSources;

    @BeforeAll
    static void generateAndRunClean() throws Exception {
        new ArchiveGenerator().generate(GeneratorSpec.of(3000, shared.resolve("gen"), 42));
        archive = shared.resolve("gen/archive");
        Path clean = shared.resolve("clean");
        Files.createDirectories(clean);
        Launcher.Result r = Launcher.run(clean, SMALL_CHUNKS, "ingest", "--input", archive.toString(), "--run-date", DATE);
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        try (Connection c = connect(clean)) {
            cleanDb = dump(c);
            cleanSources = count(c, "SELECT COUNT(*) FROM sources");
        }
        assertThat(cleanSources).isGreaterThanOrEqualTo(3000);
    }

    @ParameterizedTest(name = "killed {0}")
    @ValueSource(strings = {"while reading the first chunks", "in the middle of the files", "while writing the reports"})
    @DisplayName("kill -9, recover, rerun: the same database and reports as a clean run")
    void killRecoverRerun(String point, @TempDir Path work) throws Exception {
        Map<String, String> crashEnv = ENVIRONMENTS.get(point).get(0).with(SMALL_CHUNKS);
        Map<String, String> rerunEnv = ENVIRONMENTS.get(point).get(1).with(SMALL_CHUNKS);
        Process p = Launcher.builder(work, crashEnv, "ingest", "--input", archive.toString(), "--run-date", DATE)
                .redirectOutput(work.resolve("crashed.out").toFile()).redirectError(work.resolve("crashed.err").toFile())
                .start();
        boolean killed = false;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!killed && p.isAlive() && System.nanoTime() < deadline) {
            if (Files.exists(work.resolve("data/wirearchive.mv.db"))) {
                try (Connection c = connect(work)) {
                    if (reached(c, point)) {
                        p.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
                        killed = true;
                    }
                } catch (SQLException notYet) {
                    // the schema is still being created
                }
            }
            Thread.sleep(point.contains("reports") ? 2 : 20);
        }
        p.waitFor(1, TimeUnit.MINUTES);
        assertThat(killed).as("the child was killed " + point + " (it exited with " + p.exitValue() + " first)").isTrue();

        try (Connection c = connect(work)) {
            assertThat(query(c, "SELECT STATUS FROM BATCH_JOB_EXECUTION")).containsExactly("STARTED");
        }
        // the operator reruns: told what happened and what to type, nothing touched
        Launcher.Result told = Launcher.run(work, rerunEnv, "ingest", "--input", archive.toString(), "--run-date", DATE);
        assertThat(told.exit()).as(told.out() + told.err()).isEqualTo(6);
        assertThat(told.err()).contains("jobs recover").contains("--recover").doesNotContain("Exception");

        Launcher.Result rerun = Launcher.run(work, rerunEnv, "ingest", "--input", archive.toString(), "--run-date",
                DATE, "--recover");
        assertThat(rerun.exit()).as(rerun.out() + rerun.err()).isZero();
        assertThat(rerun.out()).contains("COMPLETED (restarted)");

        try (Connection c = connect(work)) {
            assertThat(dump(c)).isEqualTo(cleanDb);
            assertThat(query(c, "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID"))
                    .containsExactly("FAILED", "COMPLETED");
        }
        Path cleanOut = shared.resolve("clean/out/" + DATE);
        Path out = work.resolve("out/" + DATE);
        for (String f : COMPARED) {
            assertThat(Files.mismatch(out.resolve(f), cleanOut.resolve(f))).as(f + " differs from the clean run's").isEqualTo(-1L);
        }
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted())
                    .containsExactly("articles.csv", "duplicates.csv", "provider_daily.csv", "rejects.csv",
                            "report.html", "run_summary.csv", "sources.csv", "summary.json");
        }
    }

    @org.junit.jupiter.api.Test
    @DisplayName("a second ingest while one runs exits 4 at once, naming the running execution, and touches nothing")
    void overlappingIngestRefuses(@TempDir Path work) throws Exception {
        // the first run pauses 60 ms after each of its 300 chunks, so it lasts long enough however fast ingest gets
        Process first = Launcher.builder(work, Map.of("WIREARCHIVE_JAVA_OPTS", SMALL_CHUNKS.get("WIREARCHIVE_JAVA_OPTS")
                        + " -Dwirearchive.chunk-pause-ms=60"), "ingest", "--input", archive.toString(), "--run-date", DATE)
                .redirectOutput(work.resolve("first.out").toFile()).redirectError(work.resolve("first.err").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        boolean running = false;
        while (!running && first.isAlive() && System.nanoTime() < deadline) {
            if (Files.exists(work.resolve("data/wirearchive.mv.db"))) {
                try (Connection c = connect(work)) {
                    running = count(c, "SELECT COUNT(*) FROM sources") >= 50;
                } catch (SQLException notYet) {
                    // schema being created
                }
            }
            Thread.sleep(20);
        }
        assertThat(running).as("the first ingest is running").isTrue();

        // the same date (cron overlap) and another date (an operator's rerun), started together: both refused, at once
        long t0 = System.nanoTime();
        Map<String, CompletableFuture<Launcher.Result>> seconds = new TreeMap<>();
        for (String date : List.of(DATE, "2026-11-26")) {
            seconds.put(date, CompletableFuture.supplyAsync(() -> {
                try {
                    // from another zone, with LANG unset: still refused
                    return Launcher.run(work, new Launcher.ChildEnv("Asia/Kuwait", null).with(SMALL_CHUNKS), "ingest",
                            "--input", archive.toString(), "--run-date", date);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (CompletableFuture<Launcher.Result> f : seconds.values()) {
            Launcher.Result second = f.get(3, TimeUnit.MINUTES);
            assertThat(second.exit()).as(second.out() + second.err()).isEqualTo(4);
            assertThat(second.err()).contains("Another ingest is running").contains("execution 1")
                    .contains("Nothing was touched").doesNotContain("Exception");
        }
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).as("refused without waiting").isLessThan(60);
        assertThat(first.isAlive()).as("the first ingest was still running when both were refused").isTrue();
        assertThat(first.waitFor(4, TimeUnit.MINUTES)).isTrue();
        assertThat(first.exitValue()).as(read(work.resolve("first.out")) + read(work.resolve("first.err"))).isZero();
        try (Connection c = connect(work)) {
            assertThat(query(c, "SELECT JOB_EXECUTION_ID, STATUS FROM BATCH_JOB_EXECUTION")).containsExactly("1|COMPLETED");
            assertThat(query(c, "SELECT COUNT(*) FROM ingest_lock")).containsExactly("0");
            assertThat(dump(c)).isEqualTo(cleanDb);
        }
    }

    private static boolean reached(Connection c, String point) throws SQLException {
        if (point.contains("reports")) {
            return count(c, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'writeReports'") > 0;
        }
        int sources = count(c, "SELECT COUNT(*) FROM sources");
        return point.contains("first") ? sources >= 50 : sources >= cleanSources / 2;
    }

    /** Waits (up to 2 minutes) until the ingest {@code p} has stored {@code sources} inputs; false if it ended first. */
    static boolean awaitStored(Path work, Process p, int sources) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (p.isAlive() && System.nanoTime() < deadline) {
            if (Files.exists(work.resolve("data/wirearchive.mv.db"))) {
                try (Connection c = connect(work)) {
                    if (count(c, "SELECT COUNT(*) FROM sources") >= sources) {
                        return true;
                    }
                } catch (SQLException notYet) {
                    // the schema is being created
                }
            }
            Thread.sleep(50);
        }
        return false;
    }

    static Connection connect(Path work) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + work.resolve("data/wirearchive") + ";AUTO_SERVER=TRUE",
                "sa", "");
    }

    static int count(Connection c, String sql) throws SQLException {
        return Integer.parseInt(query(c, sql).get(0));
    }

    static List<String> query(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(sb.toString());
            }
        }
        return rows;
    }

    /** The application tables, row by row (paths are absolute and the same in both runs). */
    static Map<String, String> dump(Connection c) throws SQLException {
        Map<String, String> m = new TreeMap<>();
        for (String r : query(c, "SELECT * FROM articles ORDER BY article_key")) {
            m.put("articles " + r.substring(0, r.indexOf('|')), r);
        }
        for (String r : query(c, "SELECT * FROM sources ORDER BY source")) {
            m.put("sources " + r.substring(0, r.indexOf('|')), r);
        }
        for (String r : query(c, "SELECT path, size_bytes, modified, content_sha256, run_id, outcomes FROM manifest ORDER BY path")) {
            m.put("manifest " + r.substring(0, r.indexOf('|')), r);
        }
        m.put("runs", String.join("\n", query(c, "SELECT run_id, run_date, status, files_new, inputs_read, "
                + "articles_new, duplicates, rejects FROM runs")));
        return m;
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
