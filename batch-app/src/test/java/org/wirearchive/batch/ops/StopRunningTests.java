package org.wirearchive.batch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wirearchive.batch.ExitCodes;
import org.wirearchive.batch.Pages;

/** {@code jobs stop} of an ingest that is really running (held mid-chunk by a trigger), from another context. */
class StopRunningTests extends OpsFixture {

    @Test
    @Timeout(180)
    @DisplayName("jobs stop of a running ingest: what Spring Batch 6 does to it, and that the run then restarts")
    void stopRunning() throws Exception {
        installPoisonTrigger();
        Pages.write(archive.resolve("2025-06-28/slow.txt"), "slow");
        CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> ingest("2025-06-28"));
        assertThat(PoisonTrigger.entered.await(90, TimeUnit.SECONDS)).as("the ingest reached slow.txt").isTrue();
        long id = lastExecutionId();
        assertThat(executionStatus(id)).isEqualTo("STARTED");

        Run stop = jobs("stop", Long.toString(id));
        String afterStop = executionStatus(id);
        PoisonTrigger.release();
        Run ingest = running.get(90, TimeUnit.SECONDS);
        String finalStatus = executionStatus(id);
        // Spring Batch 6.0.6: the repository says STOPPED at once (job and running step); the running job finishes the
        // chunk it is in (it commits), sees the stop at the chunk boundary, skips the remaining steps, ends STOPPED
        assertThat(stop.exit()).as(stop.toString()).isEqualTo(ExitCodes.OK);
        assertThat(stop.out()).contains("marked STOPPED").contains("pid " + ProcessHandle.current().pid());
        assertThat(afterStop).isEqualTo("STOPPED");
        assertThat(ingest.exit()).as(ingest.toString()).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(ingest.out()).contains("STOPPED");
        assertThat(finalStatus).isEqualTo("STOPPED");
        assertThat(rows("SELECT STEP_NAME, STATUS, COMMIT_COUNT, WRITE_COUNT FROM BATCH_STEP_EXECUTION "
                + "WHERE JOB_EXECUTION_ID = " + id + " ORDER BY STEP_EXECUTION_ID"))
                .containsExactly("freezeInputs|COMPLETED|1|7", "ingestFiles|STOPPED|4|7");

        dropPoisonTrigger();
        Run restart = jobs("restart", Long.toString(id));
        assertThat(restart.exit()).as(restart.toString()).isEqualTo(ExitCodes.OK);
        assertThat(rows("SELECT COUNT(*), COUNT(DISTINCT source) FROM sources")).containsExactly("7|7");
    }
}
