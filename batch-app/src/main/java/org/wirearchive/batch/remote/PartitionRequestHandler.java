package org.wirearchive.batch.remote;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;

/**
 * A worker's side of one partition request: checks that the partition still needs running, then hands it to Spring
 * Batch Integration's {@link StepExecutionRequestHandler}, which runs the worker step on the partition's step
 * execution from the shared job repository (resuming after its last committed chunk when another worker had started
 * it), and logs what happened.
 */
public class PartitionRequestHandler {

    private static final Logger log = LoggerFactory.getLogger(PartitionRequestHandler.class);

    private final JobRepository jobRepository;
    private final Step step;
    private final StepExecutionRequestHandler delegate = new StepExecutionRequestHandler();

    public PartitionRequestHandler(JobRepository jobRepository, Step step) {
        this.jobRepository = jobRepository;
        this.step = step;
        delegate.setJobRepository(jobRepository);
        delegate.setStepLocator(name -> step.getName().equals(name) ? step : null);
    }

    /** Runs the partition; returns normally when the request is done with (run, or not to be run). */
    public void handle(String stepName, long stepExecutionId) {
        StepExecution se = jobRepository.getStepExecution(stepExecutionId);
        if (se == null) {
            log.warn("Partition request for step execution {}: no such step execution in this database; dropped "
                    + "(is the worker on the manager's database?)", stepExecutionId);
            return;
        }
        if (!step.getName().equals(stepName)) {
            log.warn("Partition request for an unknown step {} (step execution {}); dropped", stepName, stepExecutionId);
            return;
        }
        JobExecution job = se.getJobExecution();
        String which = se.getStepName() + " of run " + job.getJobInstance().getInstanceId() + " (execution "
                + job.getId() + ", files " + se.getExecutionContext().getInt(SeqRangePartitioner.SEQ_FROM, -1) + ".."
                + (se.getExecutionContext().getInt(SeqRangePartitioner.SEQ_TO, 0) - 1) + ")";
        if (se.getStatus() == BatchStatus.COMPLETED) {
            log.info("{} is already COMPLETED; nothing to do", which);
            return;
        }
        if (!job.getStatus().isRunning()) {
            log.info("{}: the run's execution is {}, no longer running; request dropped (a rerun sends new ones)",
                    which, job.getStatus());
            return;
        }
        int next = se.getExecutionContext().getInt(PartitionInputReader.NEXT, -1);
        if (next >= 0) {
            log.info("{}: taking over after file {} (left {} by another worker)", which, next - 1, se.getStatus());
        } else {
            log.info("{}: started", which);
        }
        long t0 = System.nanoTime();
        StepExecution done = delegate.handle(new StepExecutionRequest(stepName, stepExecutionId));
        log.info("{}: {}, {} files staged in {} s", which, done.getStatus(), done.getWriteCount(),
                Duration.ofNanos(System.nanoTime() - t0).toMillis() / 1000.0);
    }
}
