package org.wirearchive.batch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.wirearchive.batch.ExitCodes;
import org.wirearchive.batch.Pages;

/** {@code jobs ...} end to end, in-process, against a real H2 file database: output, exit codes, resulting states. */
class JobsCommandTests extends OpsFixture {

    static final String DATE = "2025-06-28";

    /** A run that fails in the file step after three chunks committed (the 7th file of 7 poisons the store). */
    long failedRun() throws Exception {
        installPoisonTrigger();
        Pages.write(archive.resolve("2025-06-28/poison.txt"), "poison");
        Run run = ingest(DATE);
        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.JOB_FAILED);
        // the expected failure: one line on stderr, the database's multi-line message joined
        assertThat(run.err().strip()).startsWith("wirearchive: run 1 for " + DATE + " FAILED: poisoned input: ")
                .doesNotContain("\n");
        long id = lastExecutionId();
        assertThat(executionStatus(id)).isEqualTo("FAILED");
        return id;
    }

    void assertOneLineError(Run run, int exit, String... fragments) {
        assertThat(run.exit()).as(run.toString()).isEqualTo(exit);
        assertThat(run.err().strip()).startsWith("wirearchive: ").doesNotContain("\n").doesNotContain("Exception");
        for (String f : fragments) {
            assertThat(run.err()).contains(f);
        }
    }

    @Nested
    @DisplayName("jobs list")
    class ListJobs {

        @Test
        @DisplayName("on a new database says there is nothing, exit 0")
        void empty() throws Exception {
            connect().close(); // an empty database file (a missing one is refused: InputEnvironmentTests)
            Run run = jobs("list");
            assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.OK);
            assertThat(run.out().strip()).isEqualTo("No ingest executions.");
        }

        @Test
        @DisplayName("shows each execution with its run, date, status, counts and the failure reason, newest first")
        void failedAndCompleted() throws Exception {
            long failed = failedRun();
            dropPoisonTrigger();
            assertThat(ingest("2025-06-29").exit()).isEqualTo(ExitCodes.OK); // poison.txt passes now
            long completed = lastExecutionId();

            Run run = jobs("list");
            assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.OK);
            String[] lines = run.out().split("\n");
            assertThat(lines).hasSize(3);
            assertThat(lines[0]).matches(" *ID +RUN +RUN DATE +ATT +STATUS +START +END +FILES +NEW +UPD +DUPS +REJECTS +REASON");
            assertThat(lines[1]).matches(" *" + completed + " +\\d+ +2025-06-29 +0 +COMPLETED +\\d{4}-.*");
            assertThat(lines[2]).matches(" *" + failed + " +\\d+ +2025-06-28 +0 +FAILED .*")
                    .contains("poisoned input: ").contains("poison.txt");
            // aligned: every row's STATUS column starts where the header's does
            int col = lines[0].indexOf("STATUS");
            assertThat(lines[1].indexOf("COMPLETED")).isEqualTo(col);
            assertThat(lines[2].indexOf("FAILED")).isEqualTo(col);
            // files seen by the failed run: its frozen list of 7
            assertThat(lines[2]).matches(".*:\\d\\d +7 .*");

            Run onlyFailed = jobs("list", "--status", "failed", "--last", "5");
            assertThat(onlyFailed.out().split("\n")).hasSize(2);
            assertThat(onlyFailed.out()).contains("FAILED").doesNotContain("COMPLETED");

            Run lastOne = jobs("list", "--last", "1");
            assertThat(lastOne.out().split("\n")).hasSize(2);
            assertThat(lastOne.out()).contains("COMPLETED");

            assertThat(jobs("list", "--status", "STOPPED").out().strip())
                    .isEqualTo("No ingest executions with status STOPPED.");
        }

        @Test
        @DisplayName("bad options are usage errors, exit 2")
        void usage() {
            assertThat(jobs("list", "--last", "0").exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(jobs("list", "--status", "BOGUS").exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(cli("jobs").exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(jobs("restart", "abc").exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(jobs("show").exit()).isEqualTo(ExitCodes.USAGE);
        }
    }

    @Test
    @DisplayName("jobs show: the steps with their counts, the failure, and the file the ingest step stopped at")
    void show() throws Exception {
        long id = failedRun();
        Run run = jobs("show", Long.toString(id));
        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .contains("Execution " + id + " of run ")
                .contains("(2025-06-28, attempt 0): FAILED")
                .contains("stopped  at file 7 of 7: " + archive.toAbsolutePath().normalize().resolve("2025-06-28/poison.txt"))
                .contains("chunk of up to 2 files")
                .contains("poisoned input");
        String freeze = line(run.out(), "freezeInputs");
        assertThat(freeze).matches("freezeInputs +COMPLETED .*");
        // 3 chunks of 2 committed, the 4th rolled back
        String files = line(run.out(), "ingestFiles ");
        assertThat(files).matches("ingestFiles +FAILED +\\d+ +6 +0 +0 +3 +1 .* FAILED");
        assertThat(run.out()).doesNotContain("writeReports");
    }

    @Test
    @DisplayName("jobs show of an unknown id: one line, exit 3")
    void unknownId() throws Exception {
        connect().close(); // an existing database (a missing one is refused: InputEnvironmentTests)
        assertOneLineError(jobs("show", "999"), ExitCodes.ENVIRONMENT, "no ingest job execution with id 999");
        assertOneLineError(jobs("restart", "999"), ExitCodes.ENVIRONMENT, "999");
        assertOneLineError(jobs("recover", "999"), ExitCodes.ENVIRONMENT, "999");
    }

    @Test
    @DisplayName("jobs restart: a FAILED run resumes from its last commit; a COMPLETED one is refused, exit 1")
    void restart() throws Exception {
        long failed = failedRun();
        assertThat(rows("SELECT COUNT(*) FROM sources")).containsExactly("6");

        Run again = jobs("restart", Long.toString(failed));
        assertThat(again.exit()).as(again.toString()).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(again.out()).contains("FAILED").contains("poisoned input");
        assertThat(again.err().strip()).startsWith("wirearchive: run ").contains(" FAILED: poisoned input")
                .doesNotContain("\n");
        long second = lastExecutionId();
        assertThat(second).isGreaterThan(failed);

        dropPoisonTrigger();
        Run fixed = jobs("restart", Long.toString(failed)); // the old id: its run's latest execution restarts
        assertThat(fixed.exit()).as(fixed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(fixed.out().strip()).matches("Run \\d+ for 2025-06-28 restarted as execution \\d+: COMPLETED in .* s");
        long third = lastExecutionId();
        assertThat(executionStatus(third)).isEqualTo("COMPLETED");
        // one run, three executions; the restart read only the uncommitted file
        assertThat(rows("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).containsExactly("1");
        assertThat(rows("SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'ingestFiles' "
                + "AND JOB_EXECUTION_ID = " + third)).containsExactly("1");
        assertThat(rows("SELECT COUNT(*), COUNT(DISTINCT source) FROM sources")).containsExactly("7|7");
        assertThat(rows("SELECT status, last_execution_id FROM runs")).containsExactly("COMPLETED|" + third);

        assertOneLineError(jobs("restart", Long.toString(third)), ExitCodes.JOB_FAILED,
                "already COMPLETED", "--force");
    }

    @Test
    @DisplayName("after a crash: restart and abandon are refused, recover is refused while a live process holds the "
            + "lock, then marks it FAILED, and the run restarts")
    void crashRecoverRestart() throws Exception {
        long id = failedRun();
        crash(id);

        Run listed = jobs("list");
        assertThat(listed.out()).contains("STARTED").contains("no live process: crashed? `jobs recover " + id + "`");
        assertOneLineError(jobs("restart", Long.toString(id)), ExitCodes.JOB_FAILED, "jobs recover " + id);
        assertOneLineError(jobs("abandon", Long.toString(id)), ExitCodes.JOB_FAILED, "STARTED");

        // a live holder of the ingest lock (this very JVM) runs it: not a crash
        long pid = ProcessHandle.current().pid();
        sql("INSERT INTO ingest_lock (lock_name, holder, host, pid, execution_id, run_date, acquired, heartbeat) "
                + "VALUES ('ingest', '" + pid + "@test', '" + LockProbe.hostName() + "', " + pid + ", " + id
                + ", DATE '2025-06-28', LOCALTIMESTAMP, LOCALTIMESTAMP)");
        assertOneLineError(jobs("recover", Long.toString(id)), ExitCodes.JOB_FAILED, "is running", "pid " + pid);
        assertThat(executionStatus(id)).isEqualTo("STARTED");
        // the holder is gone (a pid that no longer exists)
        long deadPid = new ProcessBuilder("true").start().onExit().get().pid();
        sql("UPDATE ingest_lock SET pid = " + deadPid);

        Run recovered = jobs("recover", Long.toString(id));
        assertThat(recovered.exit()).as(recovered.toString()).isEqualTo(ExitCodes.OK);
        assertThat(recovered.out().strip()).startsWith("Execution " + id).contains("was STARTED").contains("now FAILED")
                .contains("jobs restart " + id).doesNotContain("\n");
        assertThat(executionStatus(id)).isEqualTo("FAILED");
        assertThat(rows("SELECT status FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = " + id + " ORDER BY STEP_EXECUTION_ID"))
                .containsExactly("COMPLETED", "FAILED");
        assertThat(one("SELECT status FROM runs")).isEqualTo("FAILED");

        assertOneLineError(jobs("recover", Long.toString(id)), ExitCodes.JOB_FAILED, "nothing to recover",
                "jobs restart " + id);

        dropPoisonTrigger();
        sql("DELETE FROM ingest_lock");
        Run restarted = jobs("restart", Long.toString(id));
        assertThat(restarted.exit()).as(restarted.toString()).isEqualTo(ExitCodes.OK);
        assertThat(rows("SELECT COUNT(*), COUNT(DISTINCT source) FROM sources")).containsExactly("7|7");
        assertOneLineError(jobs("recover", Long.toString(lastExecutionId())), ExitCodes.JOB_FAILED, "COMPLETED");
    }

    @Test
    @DisplayName("jobs abandon: a FAILED run becomes ABANDONED and cannot restart; a COMPLETED one is refused")
    void abandon() throws Exception {
        long id = failedRun();
        Run run = jobs("abandon", Long.toString(id));
        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out().strip()).contains("ABANDONED").contains("ingest --run-date 2025-06-28 --force");
        assertThat(executionStatus(id)).isEqualTo("ABANDONED");
        assertThat(one("SELECT status FROM runs")).isEqualTo("ABANDONED");

        assertOneLineError(jobs("abandon", Long.toString(id)), ExitCodes.JOB_FAILED, "already ABANDONED");
        assertOneLineError(jobs("restart", Long.toString(id)), ExitCodes.JOB_FAILED, "ABANDONED", "--force");
        assertOneLineError(jobs("stop", Long.toString(id)), ExitCodes.JOB_FAILED, "not running");

        dropPoisonTrigger();
        assertThat(ingest("2025-06-29").exit()).isEqualTo(ExitCodes.OK);
        assertOneLineError(jobs("abandon", Long.toString(lastExecutionId())), ExitCodes.JOB_FAILED, "COMPLETED");
    }

    @Test
    @DisplayName("jobs stop of an execution no process runs: Spring Batch 6 marks it and its step STOPPED at once, "
            + "so it restarts without recover")
    void stopCrashed() throws Exception {
        long id = failedRun();
        crash(id);
        Run run = jobs("stop", Long.toString(id));
        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out().strip()).contains("marked STOPPED").contains("had crashed")
                .contains("jobs restart " + id).doesNotContain("\n");
        assertThat(executionStatus(id)).isEqualTo("STOPPED");
        assertThat(rows("SELECT status FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = " + id
                + " ORDER BY STEP_EXECUTION_ID")).containsExactly("COMPLETED", "STOPPED");
        assertOneLineError(jobs("stop", Long.toString(id)), ExitCodes.JOB_FAILED, "not running");
        assertOneLineError(jobs("recover", Long.toString(id)), ExitCodes.JOB_FAILED, "nothing to recover");
        dropPoisonTrigger();
        Run restarted = jobs("restart", Long.toString(id));
        assertThat(restarted.exit()).as(restarted.toString()).isEqualTo(ExitCodes.OK);
        assertThat(rows("SELECT COUNT(*), COUNT(DISTINCT source) FROM sources")).containsExactly("7|7");
    }

    static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with " + prefix + " in\n" + text));
    }

    static long pid() {
        return ProcessHandle.current().pid();
    }

    static String jvm() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }
}
