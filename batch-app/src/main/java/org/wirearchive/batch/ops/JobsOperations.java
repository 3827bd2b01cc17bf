package org.wirearchive.batch.ops;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Service;
import org.wirearchive.batch.OperatorZone;
import org.wirearchive.batch.Refusal;
import org.wirearchive.batch.config.WirearchiveProperties;
import org.wirearchive.batch.ingest.Recovery;
import org.wirearchive.batch.ingest.IngestJobConfiguration;
import org.wirearchive.batch.ingest.IngestParameters;
import org.wirearchive.batch.ingest.IngestRequest;
import org.wirearchive.batch.ingest.IngestResult;
import org.wirearchive.batch.ingest.IngestService;
import org.wirearchive.store.IngestLockTable;
import org.wirearchive.store.RunInputTable;
import org.wirearchive.store.RunStore;

/**
 * What an operator does to the ingest job's executions: list, show, restart, stop, abandon, recover. Reads Spring
 * Batch's tables through the {@link JobRepository} (6.0 holds the explorer's queries) and our {@code runs} table.
 * An expected refusal is a {@link Refusal}: {@link Refusal.Kind#REFUSED} when the state forbids the action,
 * {@link Refusal.Kind#NOT_FOUND} for an unknown id.
 */
@Service
public class JobsOperations {

    private static final Logger log = LoggerFactory.getLogger(JobsOperations.class);
    static final String READER_COUNT_KEY = org.wirearchive.batch.ingest.InputFileReader.READ_COUNT;
    static final String FILE_STEP = "ingestFiles";

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final IngestService ingestService;
    private final RunStore runs;
    private final RunInputTable runInputs;
    private final LockProbe lock;
    private final Clock clock;
    private final int chunkSize;

    public JobsOperations(JobRepository jobRepository, JobOperator jobOperator, IngestService ingestService,
                          RunStore runs, RunInputTable runInputs, IngestLockTable lockTable, Clock clock,
                          WirearchiveProperties properties) {
        long lockExpirySeconds = properties.lockExpirySeconds();
        int chunkSize = properties.chunkSize();
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.ingestService = ingestService;
        this.runs = runs;
        this.runInputs = runInputs;
        this.lock = new LockProbe(lockTable, lockExpirySeconds);
        this.clock = clock;
        this.chunkSize = chunkSize;
    }

    /** The latest {@code last} executions (newest first), only those in {@code status} if it is not null. */
    public List<JobSummary> list(BatchStatus status, int last) {
        List<JobExecution> found = new ArrayList<>();
        int page = 50;
        for (int start = 0; found.size() < last; start += page) {
            List<JobInstance> instances = jobRepository.getJobInstances(IngestJobConfiguration.JOB_NAME, start, page);
            for (JobInstance instance : instances) {
                for (JobExecution e : jobRepository.getJobExecutions(instance)) {
                    if (status == null || e.getStatus() == status) {
                        found.add(e);
                    }
                }
            }
            if (instances.size() < page) {
                break;
            }
        }
        found.sort(Comparator.comparingLong(JobExecution::getId).reversed());
        Map<Long, RunStore.RunRow> rows = runs.all();
        return found.stream().limit(last).map(e -> summary(e, rows.get(e.getJobInstance().getInstanceId()))).toList();
    }

    /** One execution with its steps and, if the file step stopped, the file it stopped at. */
    public JobDetail show(long executionId) {
        JobExecution e = execution(executionId);
        long runId = e.getJobInstance().getInstanceId();
        JobSummary summary = summary(e, runs.all().get(runId));
        List<JobDetail.StepSummary> steps = new ArrayList<>();
        JobDetail.FailingFile failing = null;
        List<StepExecution> stepExecutions = new ArrayList<>(e.getStepExecutions());
        stepExecutions.sort(Comparator.comparingLong(StepExecution::getId));
        for (StepExecution s : stepExecutions) {
            steps.add(new JobDetail.StepSummary(s.getId(), s.getStepName(), s.getStatus(), s.getReadCount(),
                    s.getWriteCount(), s.getFilterCount(), s.getSkipCount(), s.getReadSkipCount(),
                    s.getProcessSkipCount(), s.getWriteSkipCount(), s.getCommitCount(), s.getRollbackCount(),
                    s.getStartTime(), s.getEndTime(), s.getExitStatus().getExitCode(),
                    firstLine(s.getExitStatus().getExitDescription())));
            if (FILE_STEP.equals(s.getStepName()) && s.getStatus() != BatchStatus.COMPLETED) {
                failing = failingFile(runId, s.getExecutionContext());
            }
        }
        JobParameters p = e.getJobParameters();
        return new JobDetail(summary, e.getExitStatus().getExitCode(),
                firstLine(e.getExitStatus().getExitDescription()), p.getString(IngestParameters.INPUT),
                p.getString(IngestParameters.OUT), steps, failing);
    }

    /**
     * Restarts the run of a FAILED or STOPPED execution from its last commit, through {@link IngestService} (so the
     * ingest lock applies), with the execution's own parameters. Returns when the restarted execution ends.
     */
    public IngestResult restart(long executionId) {
        JobExecution e = execution(executionId);
        JobExecution latest = jobRepository.getLastJobExecution(e.getJobInstance());
        JobExecution target = latest != null ? latest : e;
        LocalDate runDate = runDate(target);
        String which = describe(target) + (target.getId() == executionId ? "" : " (the latest of execution "
                + executionId + "'s run)");
        switch (target.getStatus()) {
            case COMPLETED -> throw refused(which + " already COMPLETED: nothing to restart. To run " + runDate
                    + " again: `wirearchive ingest --run-date " + runDate + " --force`");
            case ABANDONED -> throw refused(which + " was ABANDONED: it cannot restart. To run " + runDate
                    + " again: `wirearchive ingest --run-date " + runDate + " --force`");
            case STARTING, STARTED, STOPPING -> throw refused(runningMessage(target));
            default -> { /* FAILED, STOPPED, UNKNOWN */ }
        }
        JobParameters p = target.getJobParameters();
        Long attempt = p.getLong(IngestParameters.ATTEMPT);
        int latestAttempt = runs.latestAttempt(runDate); // -1: the date never ran
        if (attempt != null && latestAttempt >= 0 && attempt != latestAttempt) {
            throw refused(which + " is attempt " + attempt + " of " + runDate + ", but attempt " + latestAttempt
                    + " is newer: restart that one");
        }
        String input = p.getString(IngestParameters.INPUT);
        String out = p.getString(IngestParameters.OUT);
        if (input == null || out == null) {
            throw refused(which + " has no input/out parameters: it was not launched by wirearchive ingest");
        }
        List<Path> inputs = Arrays.stream(input.split(File.pathSeparator)).map(Path::of).toList();
        IngestRequest request = new IngestRequest(inputs, Path.of(out), runDate, false,
                Boolean.parseBoolean(p.getString(IngestParameters.EXCEL)),
                Boolean.parseBoolean(p.getString(IngestParameters.FULL)), false);
        log.info("OPERATOR restart execution={} run={} date={}: restarting {}", target.getId(),
                target.getJobInstance().getInstanceId(), runDate, which);
        try {
            return ingestService.ingest(request);
        } catch (Refusal u) {
            // another run active, or the state changed meanwhile: the operator's restart was refused
            throw u.kind() == Refusal.Kind.NOT_FOUND ? u : refused("restart refused: " + u.getMessage());
        }
    }

    /** Asks a running execution to stop at its next chunk boundary (it becomes STOPPING, then STOPPED). */
    public String stop(long executionId) {
        JobExecution e = execution(executionId);
        if (e.getStatus() == BatchStatus.STOPPING) {
            throw refused(describe(e) + " is already STOPPING (asked before); if no process runs it any more: "
                    + "`wirearchive jobs recover " + executionId + "`");
        }
        if (e.getStatus() != BatchStatus.STARTED && e.getStatus() != BatchStatus.STARTING) {
            throw refused(describe(e) + " is " + e.getStatus() + ", not running: nothing to stop");
        }
        LockProbe.Holder holder = lock.liveHolderOf(executionId, runDate(e));
        try {
            jobOperator.stop(e);
        } catch (JobExecutionNotRunningException ex) {
            throw refused(describe(e) + " is not running: " + ex.getMessage());
        }
        BatchStatus now = execution(executionId).getStatus();
        log.info("OPERATOR stop execution={} run={} date={}: marked {}{}", executionId,
                e.getJobInstance().getInstanceId(), runDate(e), now, holder == null ? " (no live process)"
                        : " (running: " + holder.describe() + ")");
        if (holder == null) {
            return describe(e) + " marked " + now + "; no live ingest held the lock for it, so it had crashed. "
                    + "`wirearchive jobs restart " + executionId + "` resumes it from its last commit.";
        }
        return describe(e) + " marked " + now + ": the ingest (" + holder.describe() + ") ends at its next chunk "
                + "boundary; `wirearchive jobs restart " + executionId + "` resumes it later.";
    }

    /**
     * Stops the executions this process runs (those whose ingest lock holder is this process): for a clean exit on
     * SIGTERM. They end STOPPED at their next chunk boundary and restart from there.
     */
    public void stopOwnExecutions() {
        LockProbe.Holder h = lock.current();
        if (h == null || h.pid() != ProcessHandle.current().pid() || !h.host().equals(LockProbe.hostName())) {
            return;
        }
        for (JobExecution e : jobRepository.findRunningJobExecutions(IngestJobConfiguration.JOB_NAME)) {
            if ((h.executionId() == null || h.executionId() == e.getId()) && e.getStatus() != BatchStatus.STOPPING) {
                try {
                    jobOperator.stop(e);
                    log.info("Asked execution {} to stop at its next chunk boundary", e.getId());
                } catch (JobExecutionNotRunningException | RuntimeException ex) {
                    log.warn("Could not stop execution {}: {}", e.getId(), ex.getMessage());
                }
            }
        }
    }

    /** Marks a FAILED or STOPPED execution ABANDONED: its run will never restart. */
    public String abandon(long executionId) {
        JobExecution e = execution(executionId);
        switch (e.getStatus()) {
            case STARTING, STARTED -> throw refused(runningMessage(e) + " Only a FAILED or STOPPED execution can be"
                    + " abandoned.");
            case COMPLETED -> throw refused(describe(e) + " COMPLETED: there is nothing to abandon");
            case ABANDONED -> throw refused(describe(e) + " is already ABANDONED");
            default -> { /* STOPPING (crashed after a stop), STOPPED, FAILED, UNKNOWN */ }
        }
        LockProbe.Holder holder = lock.liveHolderOf(executionId, runDate(e));
        if (holder != null) {
            throw refused(describe(e) + " is still running (" + holder.describe() + "): wait until it has stopped");
        }
        try {
            jobOperator.abandon(e);
        } catch (JobExecutionAlreadyRunningException ex) {
            throw refused(describe(e) + " cannot be abandoned: " + ex.getMessage());
        }
        markRun(e, BatchStatus.ABANDONED, "abandoned by the operator");
        LocalDate d = runDate(e);
        log.info("OPERATOR abandon execution={} run={} date={}: ABANDONED", executionId,
                e.getJobInstance().getInstanceId(), d);
        return describe(e) + " ABANDONED: it will not restart. `wirearchive ingest --run-date " + d
                + " --force` starts a new run for " + d + ".";
    }

    /**
     * Marks an execution left STARTED (or STOPPING) by a crashed process FAILED, with {@code JobOperator.recover}, so
     * that its run can restart from its last commit. Refused while a live process holds the ingest lock for it.
     */
    public String recover(long executionId) {
        JobExecution e = execution(executionId);
        if (!e.getStatus().isRunning()) {
            String next = switch (e.getStatus()) {
                case FAILED, STOPPED -> " `wirearchive jobs restart " + executionId + "` resumes it.";
                default -> "";
            };
            throw refused(describe(e) + " is " + e.getStatus() + ", not left running by a crash: nothing to recover."
                    + next);
        }
        LockProbe.Holder holder = lock.liveHolderOf(executionId, runDate(e));
        if (holder != null) {
            throw refused(describe(e) + " is running (" + holder.describe() + " holds the ingest lock): not a crash. "
                    + "To end it: `wirearchive jobs stop " + executionId + "`");
        }
        BatchStatus left = e.getStatus(); // recover() changes the status of the execution it is given
        JobExecution recovered = Recovery.recover(jobOperator, jobRepository, e);
        if (recovered.getStatus() != BatchStatus.FAILED) {
            throw refused(describe(e) + " could not be recovered: it is " + recovered.getStatus());
        }
        markRun(e, BatchStatus.FAILED, "crashed (left " + left + "); recovered by the operator at "
                + OperatorZone.show(clock.instant()));
        log.info("OPERATOR recover execution={} run={} date={}: was {}, now FAILED", executionId,
                e.getJobInstance().getInstanceId(), runDate(e), left);
        return describe(e) + " recovered: was " + left + " with no live process, now FAILED. "
                + "`wirearchive jobs restart " + executionId + "` resumes it from its last commit.";
    }

    private JobExecution execution(long executionId) {
        JobExecution e;
        try {
            e = jobRepository.getJobExecution(executionId);
        } catch (EmptyResultDataAccessException missing) {
            e = null; // Spring Batch 6.0.6's JDBC DAO throws instead of returning null for an unknown id
        }
        if (e == null || !IngestJobConfiguration.JOB_NAME.equals(e.getJobInstance().getJobName())) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "no ingest job execution with id " + executionId
                    + " (see `wirearchive jobs list`)");
        }
        return e;
    }

    private String runningMessage(JobExecution e) {
        LockProbe.Holder holder = lock.liveHolderOf(e.getId(), runDate(e));
        if (holder != null) {
            return describe(e) + " is " + e.getStatus() + " and running (" + holder.describe() + ").";
        }
        return describe(e) + " is marked " + e.getStatus() + " but no live ingest holds the lock: it crashed. "
                + "Run `wirearchive jobs recover " + e.getId() + "` first.";
    }

    private static String describe(JobExecution e) {
        LocalDate d = runDate(e);
        return "Execution " + e.getId() + " (run " + e.getJobInstance().getInstanceId() + (d == null ? "" : ", " + d)
                + ")";
    }

    private static LocalDate runDate(JobExecution e) {
        return e.getJobParameters().getLocalDate(IngestParameters.RUN_DATE);
    }

    private static Refusal refused(String message) {
        log.warn("OPERATOR REFUSED: {}", message); // names the execution
        return new Refusal(Refusal.Kind.REFUSED, message);
    }

    /** Keeps {@code runs} in step when the operator changes the status of a run's latest execution. */
    private void markRun(JobExecution e, BatchStatus status, String failure) {
        runs.markStatus(e.getJobInstance().getInstanceId(), e.getId(), status.name(), clock.instant(), failure);
    }

    private JobDetail.FailingFile failingFile(long runId, ExecutionContext ctx) {
        int done = ctx.containsKey(READER_COUNT_KEY) ? ((Number) ctx.get(READER_COUNT_KEY)).intValue() : 0;
        int total = runInputs.count(runId);
        String next = runInputs.pathAt(runId, done);
        if (next == null) {
            return null;
        }
        return new JobDetail.FailingFile(done + 1, total, next, chunkSize);
    }

    private JobSummary summary(JobExecution e, RunStore.RunRow run) {
        boolean latest = run != null && run.lastExecutionId() == e.getId();
        Long attempt = e.getJobParameters().getLong(IngestParameters.ATTEMPT);
        String reason = null;
        if (e.getStatus().isRunning()) {
            LockProbe.Holder holder = lock.liveHolderOf(e.getId(), runDate(e));
            reason = holder != null ? "running (" + holder.describe() + ")"
                    : "no live process: crashed? `jobs recover " + e.getId() + "`";
        } else if (e.getStatus() != BatchStatus.COMPLETED) {
            reason = latest && run.failure() != null ? firstLine(run.failure())
                    : firstLine(e.getExitStatus().getExitDescription());
        }
        return new JobSummary(e.getId(), e.getJobInstance().getInstanceId(), runDate(e),
                attempt == null ? 0 : attempt, e.getStatus(), e.getStartTime(), e.getEndTime(),
                run == null ? null : run.filesSeen(), run == null ? null : run.articlesNew(),
                run == null ? null : run.articlesUpdated(), run == null ? null : run.duplicates(),
                run == null ? null : run.rejects(), latest, reason);
    }

    /**
     * The first meaningful line of an exit description or failure: Spring Batch stores a stack trace there; the
     * exception class is dropped when a message follows it.
     */
    static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String line = text.strip().lines().findFirst().orElse("").strip();
        int colon = line.indexOf(": ");
        if (colon > 0 && line.substring(0, colon).matches("[\\w.$]+(Exception|Error)")) {
            line = line.substring(colon + 2);
        }
        return line.isEmpty() ? null : line;
    }
}
