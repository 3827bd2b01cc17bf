package org.wirearchive.batch.ingest;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.SimpleJob;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.wirearchive.batch.Refusal;

/**
 * The manager's steps of a remote-partitioned ingest, which replace the single-process {@code ingestFiles} step
 * between {@code freezeInputs} and {@code writeReports}: {@code parseFiles} (the partitions, run by the workers) and
 * {@code storeParsed} (dedup and store, here, in input order). The remote package provides them; the ingest job
 * takes them when they are there.
 */
public record RemoteIngestSteps(Step parseFiles, Step storeParsed) {

    public static final String PARSE_FILES = "parseFiles";
    public static final String STORE_PARSED = "storeParsed";
    /** The workers' step; partitions are its executions, named {@code parsePartition:partitionN}. */
    public static final String PARSE_PARTITION = "parsePartition";
    /** The single-process ingest's file step. */
    static final String INGEST_FILES = "ingestFiles";

    /**
     * A restart must run the same steps as the execution it restarts: a run started with {@code --workers remote}
     * restarts with it, and one started without it restarts without it. Throws a usage error naming the fix.
     */
    public static void requireSameMode(Job job, JobExecution last) {
        if (last == null || !(job instanceof SimpleJob simple) || last.getStatus() == BatchStatus.COMPLETED
                || last.getStatus() == BatchStatus.ABANDONED) {
            return; // not a restart: the caller says why
        }
        Collection<StepExecution> steps = last.getStepExecutions();
        Set<String> names = steps.stream().map(StepExecution::getStepName).collect(Collectors.toSet());
        boolean wasRemote = names.contains(PARSE_FILES) || names.contains(STORE_PARSED);
        boolean wasLocal = names.contains(INGEST_FILES);
        boolean remote = simple.getStepNames().contains(PARSE_FILES);
        long run = last.getJobInstance().getInstanceId();
        if (wasRemote && !remote) {
            throw new Refusal(Refusal.Kind.USAGE, "Run " + run + " was started with --workers remote: rerun it with "
                    + "--workers remote (a restart runs the same steps).");
        }
        if (wasLocal && remote) {
            throw new Refusal(Refusal.Kind.USAGE, "Run " + run + " was started without --workers remote: rerun it "
                    + "without --workers remote (a restart runs the same steps).");
        }
    }
}
