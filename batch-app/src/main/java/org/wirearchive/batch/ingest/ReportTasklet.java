package org.wirearchive.batch.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.wirearchive.store.RunStore;

/**
 * Last step: records the run's counts, then writes every report of the run from the database (atomically: a crash
 * leaves the previous file or the new one, never half of one; a restart rewrites them).
 */
public class ReportTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ReportTasklet.class);

    private final RunStore runs;
    private final RunReports reports;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    public ReportTasklet(RunStore runs, RunReports reports, Clock clock, PlatformTransactionManager tm) {
        this.runs = runs;
        this.reports = reports;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(tm);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var execution = contribution.getStepExecution().getJobExecution();
        RunContext run = RunContexts.of(execution);
        Path out = Path.of(execution.getJobParameters().getString(IngestParameters.OUT));
        boolean excel = Boolean.parseBoolean(execution.getJobParameters().getString(IngestParameters.EXCEL));
        // The reports show the run as complete: this is the last thing it does. If writing them fails, the job's
        // end listener sets the real status.
        // committed on its own, before the reports read the store on their own connection
        ownTransaction.executeWithoutResult(tx -> runs.update(run.runId(), "COMPLETED", clock.instant(), null));
        List<Path> written = reports.write(run.runId(), out, excel);
        contribution.incrementWriteCount(written.size());
        log.info("Reports written to {}", out);
        return RepeatStatus.FINISHED;
    }
}
