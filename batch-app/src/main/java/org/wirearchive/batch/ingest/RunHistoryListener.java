package org.wirearchive.batch.ingest;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.wirearchive.store.RunStore;

/** Keeps the {@code runs} table in step with the job: STARTED at the start, the final status and counts at the end. */
public class RunHistoryListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunHistoryListener.class);

    private final RunStore runs;
    private final Clock clock;

    public RunHistoryListener(RunStore runs, Clock clock) {
        this.runs = runs;
        this.clock = clock;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        RunContext run = RunContexts.of(execution);
        Long attempt = execution.getJobParameters().getLong(IngestParameters.ATTEMPT);
        log.info("RUN START run={} execution={} date={} attempt={}", run.runId(), execution.getId(), run.runDate(),
                attempt == null ? 0 : attempt);
        runs.started(run.runId(), execution.getId(), run.runDate(), attempt == null ? 0 : attempt.intValue(),
                clock.instant(), execution.getJobParameters().getString(IngestParameters.INPUT),
                execution.getJobParameters().getString(IngestParameters.OUT));
    }

    @Override
    public void afterJob(JobExecution execution) {
        String failure = execution.getAllFailureExceptions().stream().findFirst()
                .map(RunHistoryListener::describe).orElse(null);
        // a completed run keeps the end time its reports show (the report step records it), so that regenerated
        // reports are byte-identical to the run's own
        boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
        RunContext run = RunContexts.of(execution);
        runs.update(run.runId(), execution.getStatus().name(), completed ? null : clock.instant(), failure);
        log.info("RUN END run={} execution={} date={} status={}{}", run.runId(), execution.getId(), run.runDate(),
                execution.getStatus(),
                failure == null ? "" : " failure=" + failure.lines().findFirst().orElse("")); // one line
    }

    /** One line for an operator: the unreadable file when that is the cause, else the root cause's message. */
    static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof InputReadException) {
                break;
            }
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.length() > 1900 ? m.substring(0, 1900) : m;
    }
}
