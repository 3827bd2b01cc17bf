package org.wirearchive.batch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirearchive.batch.pg.PgDatabase;
import org.wirearchive.core.generate.ArchiveGenerator;
import org.wirearchive.core.generate.GeneratorSpec;

/**
 * The scale-out test (docs/scale-out.md), with real processes on PostgreSQL: a manager ({@code ingest --workers remote}, with its
 * embedded Artemis broker on a free port) and two {@code worker} JVMs share a fresh database; one worker is killed
 * with SIGKILL in the middle of a partition; the run completes with the same reports and rows as a single-process
 * run of the same archive, the surviving worker took the partition over, and a SIGTERM stops it cleanly (exit 0).
 * And the manager killed mid-run: restarted with {@code --recover}, on the same workers, it gives the same result.
 *
 * <p>Needs {@code WA_TEST_PG_URL} (skipped without it, failed with {@code WA_TEST_PG_REQUIRED=true}).
 */
class RemotePartitioningIT {

    static final String DATE = "2026-11-27";
    static final String JAVA = "-Xmx512m -XX:TieredStopAtLevel=1 -Dwirearchive.chunk-size=10";
    static final List<String> COMPARED = List.of("articles.csv", "sources.csv", "duplicates.csv", "rejects.csv",
            "provider_daily.csv");
    static final Pattern STARTED = Pattern.compile("parsePartition:(partition\\d+) of run \\d+ \\(execution \\d+, "
            + "files (\\d+)\\.\\.(\\d+)\\): (started|taking over)");

    @TempDir
    static Path shared;

    static String server;
    static final List<String> databases = new ArrayList<>();
    static Path archive;
    static Map<String, String> reference;

    @BeforeAll
    static void generateAndRunSingleProcess() throws Exception {
        server = serverUrl();
        new ArchiveGenerator().generate(GeneratorSpec.of(3000, shared.resolve("gen"), 42));
        archive = shared.resolve("gen/archive");
        String db = createDatabase();
        Path work = Files.createDirectories(shared.resolve("single"));
        Launcher.Result r = Launcher.run(work, Map.of("WIREARCHIVE_JAVA_OPTS", JAVA), "ingest", "--input",
                archive.toString(), "--run-date", DATE, "--db-url", db);
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        try (Connection c = DriverManager.getConnection(db)) {
            reference = CrashRecoveryIT.dump(c);
        }
        assertThat(reference.keySet().stream().filter(k -> k.startsWith("sources ")).count()).isGreaterThanOrEqualTo(3000);
    }

    @AfterAll
    static void dropDatabases() throws SQLException {
        if (server == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(server); Statement st = c.createStatement()) {
            for (String name : databases) {
                PgDatabase.dropDatabase(st, name);
            }
        }
    }

    /** A broker URL on a loopback port that is free now. */
    private static String freeBrokerUrl() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return "tcp://127.0.0.1:" + free.getLocalPort();
        }
    }

    @Test
    @DisplayName("manager + broker + two workers, one killed mid-partition: the same reports and rows as one process")
    void workerKilledMidRun(@TempDir Path work) throws Exception {
        String db = createDatabase();
        String broker = freeBrokerUrl();
        Path managerDir = Files.createDirectories(work.resolve("manager"));
        Process manager = Launcher.builder(managerDir, Map.of("WIREARCHIVE_JAVA_OPTS", JAVA), "ingest", "--input",
                        archive.toString(), "--run-date", DATE, "--workers", "remote", "--broker-listen", broker,
                        "--partitions", "6", "--db-url", db)
                .redirectOutput(managerDir.resolve("out.txt").toFile())
                .redirectError(managerDir.resolve("err.txt").toFile()).start();
        // each worker pauses 100 ms after each 10-file chunk: ~15 s per 500-file partition, whatever the machine
        Map<String, String> workerEnv = Map.of("WIREARCHIVE_JAVA_OPTS", JAVA + " -Dwirearchive.chunk-pause-ms=100");
        Process[] workers = new Process[2];
        Path[] logs = new Path[2];
        for (int i = 0; i < 2; i++) {
            Path dir = Files.createDirectories(work.resolve("worker" + i));
            logs[i] = dir.resolve("out.txt");
            workers[i] = Launcher.builder(dir, workerEnv, "worker", "--broker", broker, "--db-url", db)
                    .redirectErrorStream(true).redirectOutput(logs[i].toFile()).start();
        }
        try {
            // kill worker 0 once it has committed part of a partition it has not finished
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            String killedPartition = null;
            while (killedPartition == null && manager.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
                String unfinished = unfinishedPartition(read(logs[0]));
                if (unfinished != null && stagedIn(db, read(logs[0]), unfinished) >= 20) {
                    workers[0].destroyForcibly(); // SIGKILL: no shutdown hook, no JMS acknowledgement, no rollback
                    killedPartition = unfinished;
                }
            }
            assertThat(killedPartition).as("worker 0 was killed mid-partition; manager:\n" + read(managerDir.resolve(
                    "out.txt")) + read(managerDir.resolve("err.txt")) + "\nworker 0:\n" + read(logs[0])).isNotNull();
            assertThat(workers[0].waitFor(1, TimeUnit.MINUTES)).isTrue();

            assertThat(manager.waitFor(4, TimeUnit.MINUTES)).as("the manager ends").isTrue();
            String managerOut = read(managerDir.resolve("out.txt")) + read(managerDir.resolve("err.txt"));
            assertThat(manager.exitValue()).as(managerOut).isZero();
            assertThat(managerOut).contains("Run 1 for " + DATE + " COMPLETED").contains("Parse step COMPLETED");

            // the survivor took the killed worker's partition over from its last commit, and did other work too
            String survivor = read(logs[1]);
            assertThat(survivor).as(survivor).containsPattern("parsePartition:" + killedPartition
                    + " of run 1 \\(execution 1, files \\d+\\.\\.\\d+\\): taking over after file \\d+");
            assertThat(survivor).containsPattern("parsePartition:partition\\d+ .*: COMPLETED, \\d+ files staged");

            try (Connection c = DriverManager.getConnection(db)) {
                assertThat(CrashRecoveryIT.dump(c)).isEqualTo(reference);
                assertThat(CrashRecoveryIT.query(c, "SELECT COUNT(*) FROM parsed_files")).containsExactly("0");
                assertThat(CrashRecoveryIT.query(c, "SELECT status FROM batch_job_execution")).containsExactly("COMPLETED");
                assertThat(CrashRecoveryIT.query(c, "SELECT DISTINCT status FROM batch_step_execution"))
                        .containsExactly("COMPLETED");
            }
            Path singleOut = shared.resolve("single/out/" + DATE);
            Path remoteOut = managerDir.resolve("out/" + DATE);
            for (String f : COMPARED) {
                assertThat(Files.mismatch(remoteOut.resolve(f), singleOut.resolve(f)))
                        .as(f + " differs from the single-process run's").isEqualTo(-1L);
            }

            // SIGTERM: the idle survivor stops cleanly
            workers[1].destroy();
            assertThat(workers[1].waitFor(1, TimeUnit.MINUTES)).as("the worker stops on SIGTERM").isTrue();
            assertThat(workers[1].exitValue()).as(read(logs[1])).isZero();
            assertThat(read(logs[1])).contains("Stop requested (SIGTERM)").contains("Worker stopped after")
                    .doesNotContain("Exception");
        } finally {
            manager.destroyForcibly();
            for (Process w : workers) {
                w.destroyForcibly();
            }
        }
    }

    @Test
    @DisplayName("manager killed mid-parse: a rerun names --recover, --recover restarts it on the same workers, same result")
    void managerKilledThenRecovered(@TempDir Path work) throws Exception {
        String db = createDatabase();
        String broker = freeBrokerUrl();
        Map<String, String> workerEnv = Map.of("WIREARCHIVE_JAVA_OPTS", JAVA + " -Dwirearchive.chunk-pause-ms=100");
        Process[] workers = new Process[2];
        Path[] logs = new Path[2];
        for (int i = 0; i < 2; i++) {
            Path dir = Files.createDirectories(work.resolve("worker" + i));
            logs[i] = dir.resolve("out.txt");
            workers[i] = Launcher.builder(dir, workerEnv, "worker", "--broker", broker, "--db-url", db)
                    .redirectErrorStream(true).redirectOutput(logs[i].toFile()).start();
        }
        Path managerDir = Files.createDirectories(work.resolve("manager"));
        String[] ingest = {"ingest", "--input", archive.toString(), "--run-date", DATE, "--workers", "remote",
            "--broker-listen", broker, "--partitions", "6", "--db-url", db};
        Map<String, String> env = Map.of("WIREARCHIVE_JAVA_OPTS", JAVA);
        try {
            Process manager = Launcher.builder(managerDir, env, ingest)
                    .redirectOutput(managerDir.resolve("killed.out").toFile())
                    .redirectError(managerDir.resolve("killed.err").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            boolean killed = false;
            while (!killed && manager.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
                try {
                    if (count(db, "SELECT COUNT(*) FROM batch_step_execution WHERE step_name LIKE 'parsePartition:%' "
                            + "AND status = 'COMPLETED'") >= 1 && count(db, "SELECT COUNT(*) FROM parsed_files") >= 1000) {
                        manager.destroyForcibly();
                        killed = true;
                    }
                } catch (SQLException notYet) {
                    // the schema is still being created
                }
            }
            assertThat(killed).as("the manager was killed mid-parse: " + read(managerDir.resolve("killed.out"))
                    + read(managerDir.resolve("killed.err"))).isTrue();
            manager.waitFor(1, TimeUnit.MINUTES);

            // a single-process rerun of a remote run is refused: it would run other steps
            Launcher.Result local = Launcher.run(managerDir, env, "ingest", "--input", archive.toString(), "--run-date",
                    DATE, "--db-url", db, "--recover");
            assertThat(local.exit()).as(local.out() + local.err()).isEqualTo(2);
            assertThat(local.err()).contains("was started with --workers remote").doesNotContain("Exception");
            // the usual crash rule: told to recover
            Launcher.Result told = Launcher.run(managerDir, env, ingest);
            assertThat(told.exit()).as(told.out() + told.err()).isEqualTo(6);
            assertThat(told.err()).contains("--recover").doesNotContain("Exception");

            String[] recover = java.util.Arrays.copyOf(ingest, ingest.length + 1);
            recover[ingest.length] = "--recover";
            Launcher.Result rerun = Launcher.run(managerDir, env, recover);
            assertThat(rerun.exit()).as(rerun.out() + rerun.err()).isZero();
            assertThat(rerun.out()).contains("COMPLETED (restarted)");

            try (Connection c = DriverManager.getConnection(db)) {
                assertThat(CrashRecoveryIT.dump(c)).isEqualTo(reference);
                assertThat(CrashRecoveryIT.query(c, "SELECT COUNT(*) FROM parsed_files")).containsExactly("0");
                assertThat(CrashRecoveryIT.query(c, "SELECT status FROM batch_job_execution ORDER BY job_execution_id"))
                        .containsExactly("FAILED", "COMPLETED");
            }
            for (String f : COMPARED) {
                assertThat(Files.mismatch(managerDir.resolve("out/" + DATE).resolve(f),
                        shared.resolve("single/out/" + DATE).resolve(f))).as(f).isEqualTo(-1L);
            }
            String both = read(logs[0]) + read(logs[1]);
            assertThat(both).contains("Lost the broker").contains("Reconnected to the broker")
                    .containsPattern("parsePartition:partition\\d+ of run 1 \\(execution 2, .*: COMPLETED");
            for (int i = 0; i < 2; i++) {
                workers[i].destroy();
                assertThat(workers[i].waitFor(1, TimeUnit.MINUTES)).isTrue();
                assertThat(workers[i].exitValue()).as(read(logs[i])).isZero();
            }
        } finally {
            for (Process w : workers) {
                w.destroyForcibly();
            }
        }
    }

    static int count(String db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db)) {
            return CrashRecoveryIT.count(c, sql);
        }
    }

    /** The last partition the worker's log shows started (or taken over) and not finished, or null. */
    static String unfinishedPartition(String log) {
        String last = null;
        Matcher m = STARTED.matcher(log);
        while (m.find()) {
            last = m.group(1);
        }
        if (last == null || Pattern.compile("parsePartition:" + last + " of run .*: (COMPLETED|FAILED|STOPPED)")
                .matcher(log).find()) {
            return null;
        }
        return last;
    }

    /** Staged files in the seq range the worker's log gives for that partition. */
    static int stagedIn(String db, String log, String partition) throws SQLException {
        Matcher m = STARTED.matcher(log);
        int from = -1;
        int to = -1;
        while (m.find()) {
            if (m.group(1).equals(partition)) {
                from = Integer.parseInt(m.group(2));
                to = Integer.parseInt(m.group(3));
            }
        }
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM parsed_files WHERE seq BETWEEN " + from + " AND "
                        + to)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The PostgreSQL server's URL from WA_TEST_PG_URL; skips (or, in CI, fails) without one. */
    static String serverUrl() {
        String url = System.getenv("WA_TEST_PG_URL");
        boolean set = url != null && url.startsWith("jdbc:postgresql:");
        if (!set && "true".equalsIgnoreCase(System.getenv("WA_TEST_PG_REQUIRED"))) {
            throw new IllegalStateException("WA_TEST_PG_URL is not a jdbc:postgresql: URL but WA_TEST_PG_REQUIRED=true");
        }
        assumeTrue(set, "remote partitioning test skipped: WA_TEST_PG_URL is not set (scripts/pg.sh start; "
                + "export WA_TEST_PG_URL=$(scripts/pg.sh url))");
        return url;
    }

    /** A fresh database (UTF8, C collation) on the server, dropped after the class; returns its URL. */
    static String createDatabase() throws SQLException {
        String name = "wa_remote_" + ProcessHandle.current().pid() + "_" + databases.size();
        try (Connection c = DriverManager.getConnection(server); Statement st = c.createStatement()) {
            PgDatabase.dropDatabase(st, name);
            st.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        }
        databases.add(name);
        return server.replaceFirst("^(jdbc:postgresql://[^/?]*)/[^/?]*", "$1/" + name);
    }

    static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }
}
