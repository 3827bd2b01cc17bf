package org.wirearchive.batch.ingest;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;
import org.wirearchive.batch.cli.ExitCodes;
import org.wirearchive.batch.cli.UserError;
import org.wirearchive.batch.store.RunStore;

/** Launches (or restarts) the ingest job for a run date and reports what it did. */
@Service
public class IngestService {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job ingestJob;
    private final RunStore runs;
    private final Clock clock;

    public IngestService(JobOperator jobOperator, JobRepository jobRepository, Job ingestJob, RunStore runs,
                         Clock clock) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.ingestJob = ingestJob;
        this.runs = runs;
        this.clock = clock;
    }

    public IngestResult ingest(IngestRequest request) {
        int latest = runs.latestAttempt(request.runDate());
        int attempt = Math.max(latest, 0);
        JobParameters identifying = identifying(request, attempt);
        JobExecution last = jobRepository.getLastJobExecution(IngestJobConfiguration.JOB_NAME, identifying);
        if (last != null && request.force() && last.getStatus() == BatchStatus.COMPLETED
                || last != null && request.force() && last.getStatus() == BatchStatus.ABANDONED) {
            attempt = latest + 1;
            identifying = identifying(request, attempt);
            last = null;
        }
        if (last != null) {
            switch (last.getStatus()) {
                case COMPLETED -> throw new UserError(ExitCodes.ALREADY_COMPLETED, "The run for " + request.runDate()
                        + " already completed (run " + last.getJobInstance().getInstanceId() + ", execution "
                        + last.getId() + "); nothing to do. Use --force to run that date again.");
                case ABANDONED -> throw new UserError(ExitCodes.ALREADY_COMPLETED, "The run for " + request.runDate()
                        + " was abandoned (execution " + last.getId() + "). Use --force to start a new run for that date.");
                case STARTING, STARTED, STOPPING -> throw new UserError(ExitCodes.ALREADY_RUNNING,
                        "Execution " + last.getId() + " for " + request.runDate() + " is marked " + last.getStatus()
                                + " since " + last.getStartTime() + ". If no ingest is running, it crashed: run"
                                + " `wirearchive jobs recover " + last.getId() + "` and then this command again.");
                default -> { /* FAILED, STOPPED, UNKNOWN: the launch below restarts it from its last commit */ }
            }
        }
        boolean restart = last != null;
        JobParameters params = new JobParametersBuilder(identifying)
                .addString(IngestParameters.INPUT, request.inputs().stream()
                        .map(p -> p.toAbsolutePath().normalize().toString())
                        .collect(Collectors.joining(File.pathSeparator)), false)
                .addString(IngestParameters.OUT, request.outDir().toAbsolutePath().normalize().toString(), false)
                .addString(IngestParameters.EXCEL, Boolean.toString(request.excel()), false)
                .toJobParameters();
        Instant start = clock.instant();
        JobExecution execution;
        try {
            execution = jobOperator.start(ingestJob, params);
        } catch (JobExecutionAlreadyRunningException e) {
            throw new UserError(ExitCodes.ALREADY_RUNNING, "An ingest for " + request.runDate()
                    + " is already running: " + e.getMessage());
        } catch (JobInstanceAlreadyCompleteException e) {
            throw new UserError(ExitCodes.ALREADY_COMPLETED, "The run for " + request.runDate()
                    + " already completed. Use --force to run that date again.");
        } catch (Exception e) {
            throw new IllegalStateException("cannot launch the ingest job: " + e.getMessage(), e);
        }
        long runId = execution.getJobInstance().getInstanceId();
        String failure = execution.getAllFailureExceptions().stream().findFirst()
                .map(RunHistoryListener::describe).orElse(null);
        return new IngestResult(runId, execution.getId(), request.runDate(), execution.getStatus(), restart,
                runs.counts(runId), request.outDir().toAbsolutePath().normalize(),
                Duration.between(start, clock.instant()), failure);
    }

    private static JobParameters identifying(IngestRequest request, int attempt) {
        return new JobParametersBuilder()
                .addLocalDate(IngestParameters.RUN_DATE, request.runDate())
                .addLong(IngestParameters.ATTEMPT, (long) attempt)
                .toJobParameters();
    }

}
