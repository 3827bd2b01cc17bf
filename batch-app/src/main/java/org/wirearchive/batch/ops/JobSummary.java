package org.wirearchive.batch.ops;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.batch.core.BatchStatus;

/**
 * One job execution as {@code jobs list} shows it: Spring Batch's execution joined with the run's counters.
 *
 * @param executionId the job execution id (what {@code jobs show/restart/...} take)
 * @param runId       the run (job instance) id
 * @param attempt     0, or the number of the {@code --force} rerun of that date
 * @param latest      whether this is the latest execution of its run (the counters are the run's, as of now)
 * @param reason      one line: why it failed, or what to do about it; null when there is nothing to say
 */
public record JobSummary(long executionId, long runId, LocalDate runDate, long attempt, BatchStatus status,
                         LocalDateTime start, LocalDateTime end, Integer files, Integer articlesNew,
                         Integer articlesUpdated, Integer duplicates, Integer rejects, boolean latest, String reason) {
}
