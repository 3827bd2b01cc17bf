package org.wirearchive.batch.ingest;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.wirearchive.batch.ExitCodes;
import org.wirearchive.batch.OperatorZone;
import org.wirearchive.batch.Refusal;
import org.wirearchive.store.RunStore;

/** Launches (or restarts) the ingest job for a run date and reports what it did. */
@Service
public class IngestService {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job ingestJob;
    private final RunStore runs;
    private final Clock clock;
    private final IngestLock lock;

    public IngestService(JobOperator jobOperator, JobRepository jobRepository, Job ingestJob, RunStore runs,
                         Clock clock, IngestLock lock) {
        this.lock = lock;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.ingestJob = ingestJob;
        this.runs = runs;
        this.clock = clock;
    }

    public IngestResult ingest(IngestRequest request) {
        try {
            return ingestOrRefuse(request);
        } catch (Refusal refused) {
            // one greppable line in the log for every refused night (the console shows the message too)
            log.warn("INGEST REFUSED exit={} date={}: {}", ExitCodes.of(refused.kind()), request.runDate(),
                    refused.getMessage());
            throw refused;
        }
    }

    private IngestResult ingestOrRefuse(IngestRequest request) {
        IngestLock.Lease lease;
        try {
            lease = lock.acquire(request.runDate());
        } catch (IngestLock.BusyException busy) {
            String running = jobRepository.findRunningJobExecutions(IngestJobConfiguration.JOB_NAME).stream()
                    .map(e -> "execution " + e.getId() + " (run date "
                            + e.getJobParameters().getLocalDate(IngestParameters.RUN_DATE) + ", started "
                            + OperatorZone.showStored(e.getStartTime()) + ")")
                    .sorted().collect(Collectors.joining(", "));
            throw new Refusal(Refusal.Kind.ALREADY_RUNNING, "Another ingest is running (" + busy.holder().describe()
                    + (running.isEmpty() ? "" : "; " + running) + "). Nothing was touched.");
        }
        try (lease) {
            return ingestLocked(request);
        }
    }

    private IngestResult ingestLocked(IngestRequest request) {
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
            RemoteIngestSteps.requireSameMode(ingestJob, last);
            switch (last.getStatus()) {
                case COMPLETED -> throw new Refusal(Refusal.Kind.ALREADY_COMPLETED, "The run for " + request.runDate()
                        + " already completed (run " + last.getJobInstance().getInstanceId() + ", execution "
                        + last.getId() + "); nothing to do. Use --force to run that date again.");
                case ABANDONED -> throw new Refusal(Refusal.Kind.ALREADY_COMPLETED, "The run for " + request.runDate()
                        + " was abandoned (execution " + last.getId() + "). Use --force to start a new run for that date.");
                case STARTING, STARTED, STOPPING -> {
                    // We hold the ingest lock, so no live process runs it: it was left behind by a crash or kill.
                    if (!request.recover()) {
                        throw new Refusal(Refusal.Kind.RECOVERY_NEEDED, "Execution " + last.getId() + " for "
                                + request.runDate() + " is still marked " + last.getStatus() + " (started "
                                + OperatorZone.showStored(last.getStartTime()) + ") but no ingest is running: the process that ran it crashed "
                                + "or was killed. Run `wirearchive jobs recover " + last.getId()
                                + "` and then this command again, or rerun it with --recover to do both.");
                    }
                    BatchStatus left = last.getStatus(); // recover() changes it
                    Recovery.recover(jobOperator, jobRepository, last);
                    log.warn("Recovered execution {} for {} (left {} by a crashed process); restarting the run",
                            last.getId(), request.runDate(), left);
                }
                default -> { /* FAILED, STOPPED, UNKNOWN: the launch below restarts it from its last commit */ }
            }
        }
        boolean restart = last != null;
        JobParameters params = new JobParametersBuilder(identifying)
                .addString(IngestParameters.INPUT, EarlyWalk.inputParameter(request.inputs()), false)
                .addString(IngestParameters.OUT, request.outDir().toAbsolutePath().normalize().toString(), false)
                .addString(IngestParameters.EXCEL, Boolean.toString(request.excel()), false)
                .addString(IngestParameters.FULL, Boolean.toString(request.full()), false)
                .toJobParameters();
        Instant start = clock.instant();
        JobExecution execution;
        try {
            execution = jobOperator.start(ingestJob, params);
        } catch (JobExecutionAlreadyRunningException e) {
            throw new Refusal(Refusal.Kind.ALREADY_RUNNING, "An ingest for " + request.runDate()
                    + " is already running: " + e.getMessage());
        } catch (JobInstanceAlreadyCompleteException e) {
            throw new Refusal(Refusal.Kind.ALREADY_COMPLETED, "The run for " + request.runDate()
                    + " already completed. Use --force to run that date again.");
        } catch (Exception e) {
            throw new IllegalStateException("cannot launch the ingest job: " + e.getMessage(), e);
        }
        long runId = execution.getJobInstance().getInstanceId();
        String failure = execution.getAllFailureExceptions().stream().findFirst()
                .map(RunHistoryListener::describe).orElse(null);
        RunStore.RunCounts counts = runs.counts(runId);
        return new IngestResult(runId, execution.getId(), request.runDate(), execution.getStatus(), restart,
                counts, request.outDir().toAbsolutePath().normalize(),
                Duration.between(start, clock.instant()), failure,
                Math.max(0, counts.inputsRead() - runs.inputsBefore(runId)));
    }

    private static JobParameters identifying(IngestRequest request, int attempt) {
        return new JobParametersBuilder()
                .addLocalDate(IngestParameters.RUN_DATE, request.runDate())
                .addLong(IngestParameters.ATTEMPT, (long) attempt)
                .toJobParameters();
    }

}
