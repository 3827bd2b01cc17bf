package org.wirearchive.batch.remote;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wirearchive.batch.ingest.RemoteIngestSteps;
import org.wirearchive.store.ParsedFileTable;
import org.wirearchive.store.RunInputTable;

/**
 * The manager's progress log while the workers parse: files staged out of the run's total and the partitions by
 * status, every few seconds, from the shared database. A run whose partitions stay STARTING has no worker connected.
 */
class PartitionProgress implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(PartitionProgress.class);

    private final JdbcTemplate jdbc; // Spring Batch's own tables only (BATCH_*): the store owns the product's
    private final RunInputTable inputs;
    private final ParsedFileTable staged;
    private final long everySeconds;
    private ScheduledExecutorService timer;

    PartitionProgress(JdbcTemplate jdbc, RunInputTable inputs, ParsedFileTable staged, long everySeconds) {
        this.jdbc = jdbc;
        this.inputs = inputs;
        this.staged = staged;
        this.everySeconds = Math.max(1, everySeconds);
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        long runId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
        long executionId = stepExecution.getJobExecutionId();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "partition-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                log.info("Parse on the workers: {}", line(runId, executionId));
            } catch (RuntimeException e) {
                log.debug("Progress query failed", e);
            }
        }, everySeconds, everySeconds, TimeUnit.SECONDS);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        timer.shutdownNow();
        log.info("Parse step {}: {}", stepExecution.getStatus(),
                line(stepExecution.getJobExecution().getJobInstance().getInstanceId(), stepExecution.getJobExecutionId()));
        return null;
    }

    private String line(long runId, long executionId) {
        int total = inputs.count(runId);
        int stagedFiles = staged.count(runId);
        Map<String, Integer> partitions = new TreeMap<>();
        jdbc.query("SELECT status, COUNT(*) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? AND STEP_NAME LIKE ? "
                + "GROUP BY status", rs -> {
                    partitions.put(rs.getString(1), rs.getInt(2));
                }, executionId, RemoteIngestSteps.PARSE_PARTITION + ":%");
        return stagedFiles + "/" + total + " files staged; partitions " + partitions;
    }
}
