package org.wirearchive.batch.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.springframework.batch.core.BatchStatus;
import org.wirearchive.store.RunStore.RunCounts;

/**
 * What an ingest did: the job's status, the run's counts and where the reports are.
 *
 * @param counts        the run's counts (a restarted run's include what its earlier executions did)
 * @param elapsed       how long this execution took
 * @param executionRead the inputs this execution read (a restart does not read again what was committed before it)
 */
public record IngestResult(long runId, long executionId, LocalDate runDate, BatchStatus status, boolean restarted,
                           RunCounts counts, Path outDir, Duration elapsed, String failure, int executionRead) {
}
