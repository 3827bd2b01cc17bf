package org.wirearchive.batch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirearchive.batch.it.CrashRecoveryIT.connect;
import static org.wirearchive.batch.it.CrashRecoveryIT.count;
import static org.wirearchive.batch.it.CrashRecoveryIT.dump;
import static org.wirearchive.batch.it.CrashRecoveryIT.query;
import static org.wirearchive.batch.it.CrashRecoveryIT.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wirearchive.core.generate.ArchiveGenerator;
import org.wirearchive.core.generate.GeneratorSpec;

/**
 * SIGTERM and SIGINT ({@code systemctl stop}, {@code kill}, Ctrl-C) sent to a real child process: the night stops at a
 * chunk boundary, ends STOPPED with its summary and metrics written, exits 1 without a stack trace, and a rerun of
 * the same command completes with exactly the articles of a clean run.
 */
class SignalStopIT {

    static final String DATE = "2026-11-27";
    static final String OPTS = "-Xmx512m -XX:TieredStopAtLevel=1 -Dwirearchive.chunk-size=10";
    /** Slowed down (a pause after each of its 40 chunks) so that the signal surely arrives in the middle. */
    static final Map<String, String> SLOW = Map.of("WIREARCHIVE_JAVA_OPTS", OPTS + " -Dwirearchive.chunk-pause-ms=400");

    @TempDir
    static Path shared;

    static Path archive;
    static Map<String, String> cleanDb;

    @BeforeAll
    static void generateAndRunClean() throws Exception {
        new ArchiveGenerator().generate(GeneratorSpec.of(400, shared.resolve("gen"), 7));
        archive = shared.resolve("gen/archive");
        Path clean = shared.resolve("clean");
        Files.createDirectories(clean);
        Launcher.Result r = Launcher.run(clean, Map.of("WIREARCHIVE_JAVA_OPTS", OPTS), "ingest", "--input",
                archive.toString(), "--run-date", DATE);
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        try (Connection c = connect(clean)) {
            cleanDb = dump(c);
        }
    }

    @ParameterizedTest(name = "SIG{0} (TZ {1}, LANG {2})")
    @CsvSource({"TERM, UTC, C.UTF-8", "INT, Asia/Kuwait, unset", "TERM, America/Los_Angeles, unset"})
    @DisplayName("a signal in the middle of a night: STOPPED, summary and metrics, exit 1, and the rerun matches a clean run")
    void signalStopsTheNightGracefully(String signal, String tz, String lang, @TempDir Path work) throws Exception {
        Path metrics = work.resolve("wirearchive.prom");
        ProcessBuilder pb = builder(work, SLOW, "ingest", "--input", archive.toString(), "--run-date", DATE,
                        "--metrics-file", metrics.toString())
                .redirectOutput(work.resolve("night.out").toFile()).redirectError(work.resolve("night.err").toFile());
        pb.environment().put("TZ", tz);
        pb.environment().remove("LC_ALL");
        if (lang.equals("unset")) {
            pb.environment().remove("LANG"); // as under a bare cron
        } else {
            pb.environment().put("LANG", lang);
        }
        Process p = pb.start();
        assertThat(waitForSources(p, work, 30)).as("the night has stored 30 sources").isTrue();

        signal(p, signal);
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("the process ended after SIG" + signal).isTrue();
        String out = read(work.resolve("night.out"));
        String err = read(work.resolve("night.err"));
        assertThat(p.exitValue()).as(out + err).isEqualTo(1);
        assertThat(err).as("stderr").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).contains("STOPPED").contains("rerun the same command");

        try (Connection c = connect(work)) {
            assertThat(query(c, "SELECT STATUS FROM BATCH_JOB_EXECUTION")).containsExactly("STOPPED");
            int stored = count(c, "SELECT COUNT(*) FROM sources");
            assertThat(stored).as("stopped in the middle").isBetween(30, 399);
            assertThat(query(c, "SELECT status FROM runs")).containsExactly("STOPPED");
        }
        Path summary = work.resolve("out/" + DATE + "/summary.json");
        assertThat(summary).exists();
        assertThat(read(summary)).contains("\"STOPPED\"");
        assertThat(metrics).exists();
        assertThat(read(metrics)).containsPattern("wirearchive_last_run_status\\{[^}]*status=\"STOPPED\"[^}]*\\} 1");
        Launcher.Result show = Launcher.run(work, Map.of("TZ", tz), "jobs", "show", "1");
        assertThat(show.out()).contains("STOPPED");
        assertThat(read(work.resolve("data/logs/wirearchive.log"))).contains("Stop requested");

        Launcher.Result rerun = Launcher.run(work, Map.of("WIREARCHIVE_JAVA_OPTS", OPTS, "TZ", tz), "ingest", "--input",
                archive.toString(), "--run-date", DATE);
        assertThat(rerun.exit()).as(rerun.out() + rerun.err()).isZero();
        assertThat(rerun.out()).contains("COMPLETED (restarted)");
        try (Connection c = connect(work)) {
            assertThat(dump(c)).as("nothing lost, nothing doubled").isEqualTo(cleanDb);
            assertThat(query(c, "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID"))
                    .containsExactly("STOPPED", "COMPLETED");
        }
    }

    @Test
    @DisplayName("jobs restart: SIGTERM stops the restarted run too (STOPPED, exit 1); the next restart completes it")
    void restartStopsGracefully(@TempDir Path work) throws Exception {
        Process p = builder(work, SLOW, "ingest", "--input", archive.toString(), "--run-date", DATE)
                .redirectOutput(work.resolve("night.out").toFile()).redirectError(work.resolve("night.err").toFile())
                .start();
        assertThat(waitForSources(p, work, 30)).isTrue();
        p.destroy();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(read(work.resolve("night.out")) + read(work.resolve("night.err"))).isEqualTo(1);
        int before;
        try (Connection c = connect(work)) {
            before = count(c, "SELECT COUNT(*) FROM sources");
        }

        Process restart = builder(work, SLOW, "jobs", "restart", "1")
                .redirectOutput(work.resolve("restart.out").toFile())
                .redirectError(work.resolve("restart.err").toFile()).start();
        // look into the database only once the restart has opened it: it then serves the file (AUTO_SERVER) and this
        // JVM's short connections never become the server that the night's connections pass through
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (restart.isAlive() && !read(work.resolve("restart.out")).contains("Restarting")
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(waitForSources(restart, work, before + 20)).as("the restart has stored 20 more sources: "
                + read(work.resolve("restart.out")) + read(work.resolve("restart.err"))).isTrue();
        restart.destroy();
        assertThat(restart.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String out = read(work.resolve("restart.out"));
        String err = read(work.resolve("restart.err"));
        assertThat(restart.exitValue()).as(out + err).isEqualTo(1);
        assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).contains("STOPPED");
        try (Connection c = connect(work)) {
            assertThat(query(c, "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID"))
                    .containsExactly("STOPPED", "STOPPED");
        }
        Launcher.Result last = Launcher.run(work, Map.of("WIREARCHIVE_JAVA_OPTS", OPTS), "jobs", "restart", "2");
        assertThat(last.exit()).as(last.out() + last.err()).isZero();
        try (Connection c = connect(work)) {
            assertThat(dump(c)).as("nothing lost, nothing doubled").isEqualTo(cleanDb);
        }
    }

    @Test
    @DisplayName("schedule: SIGTERM during a night stops it (STOPPED, exit 1); SIGTERM while idle exits 0")
    void scheduleStopsGracefully(@TempDir Path work) throws Exception {
        // every second: the first night starts at once
        Process p = builder(work, SLOW, "schedule", "--cron", "* * * * * *", "--input", archive.toString(),
                        "--max-runs", "1")
                .redirectOutput(work.resolve("schedule.out").toFile())
                .redirectError(work.resolve("schedule.err").toFile()).start();
        assertThat(waitForSources(p, work, 30)).as("the night has stored 30 sources").isTrue();
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String out = read(work.resolve("schedule.out"));
        String err = read(work.resolve("schedule.err"));
        assertThat(p.exitValue()).as(out + err).isEqualTo(1);
        assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).contains("STOPPED").contains("Schedule stopped");
        try (Connection c = connect(work)) {
            assertThat(query(c, "SELECT STATUS FROM BATCH_JOB_EXECUTION")).containsExactly("STOPPED");
        }
        String date;
        try (Connection c = connect(work)) {
            date = query(c, "SELECT CAST(run_date AS VARCHAR) FROM runs").get(0);
        }
        assertThat(read(work.resolve("out/" + date + "/summary.json"))).contains("\"STOPPED\"");

        // idle (the next night is a year away): a stop ends it with 0
        Path idle = work.resolve("idle");
        Files.createDirectories(idle);
        Process q = builder(idle, Map.of(), "schedule", "--cron", "0 0 3 1 1 *", "--input", archive.toString())
                .redirectOutput(idle.resolve("schedule.out").toFile())
                .redirectError(idle.resolve("schedule.err").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (q.isAlive() && !read(idle.resolve("schedule.out")).contains("first night at")
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        q.destroy();
        assertThat(q.waitFor(1, TimeUnit.MINUTES)).as("an idle schedule stops promptly").isTrue();
        assertThat(q.exitValue()).as(read(idle.resolve("schedule.out")) + read(idle.resolve("schedule.err"))).isZero();
        assertThat(read(idle.resolve("schedule.out"))).contains("Schedule stopped.");
        assertThat(read(idle.resolve("schedule.err"))).doesNotContain("Exception");
    }

    /**
     * The launcher's command with the signals it is sent at their default disposition, as in an operator's terminal
     * or under cron/systemd. A process started with SIGINT ignored (a background job of a non-interactive script, as a
     * CI runner may be) keeps ignoring it, as Unix wants and the JVM does: {@code env --default-signal} undoes that
     * inheritance so the test does not depend on how its own runner was started.
     */
    static ProcessBuilder builder(Path workDir, Map<String, String> env, String... args) {
        ProcessBuilder pb = Launcher.builder(workDir, env, args);
        pb.command().addAll(0, List.of("env", "--default-signal=INT,TERM,HUP"));
        return pb;
    }

    /** Sends SIGTERM ({@link Process#destroy()} on Linux) or SIGINT ({@code kill -INT}, as Ctrl-C does). */
    static void signal(Process p, String signal) throws Exception {
        if (signal.equals("TERM")) {
            p.destroy();
        } else {
            Process kill = new ProcessBuilder(List.of("kill", "-" + signal, Long.toString(p.pid()))).inheritIO().start();
            assertThat(kill.waitFor()).isZero();
        }
    }

    static boolean waitForSources(Process p, Path work, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (p.isAlive() && System.nanoTime() < deadline) {
            if (Files.exists(work.resolve("data/wirearchive.mv.db"))) {
                try (Connection c = connect(work)) {
                    if (count(c, "SELECT COUNT(*) FROM sources") >= n) {
                        return true;
                    }
                } catch (SQLException notYet) {
                    // the schema is still being created
                }
            }
            Thread.sleep(50);
        }
        return false;
    }
}
