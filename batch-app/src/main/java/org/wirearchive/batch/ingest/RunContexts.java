package org.wirearchive.batch.ingest;

import java.time.LocalDate;
import org.springframework.batch.core.job.JobExecution;

/** Reads the run's identity from a job execution. */
final class RunContexts {

    private RunContexts() {
    }

    static RunContext of(JobExecution execution) {
        LocalDate runDate = execution.getJobParameters().getLocalDate(IngestParameters.RUN_DATE);
        return new RunContext(execution.getJobInstance().getInstanceId(), runDate);
    }
}
