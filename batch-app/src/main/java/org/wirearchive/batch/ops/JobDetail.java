package org.wirearchive.batch.ops;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.batch.core.BatchStatus;

/**
 * One job execution as {@code jobs show} shows it.
 *
 * @param failingFile where the file step stopped: the next file it reads on restart, or null when it did not stop
 */
public record JobDetail(JobSummary summary, String exitCode, String exitDescription, String input, String outDir,
                        List<StepSummary> steps, FailingFile failingFile) {

    public JobDetail {
        steps = List.copyOf(steps);
    }

    /** One step execution. */
    public record StepSummary(long id, String name, BatchStatus status, long readCount, long writeCount,
                              long filterCount, long skipCount, long readSkips, long processSkips, long writeSkips,
                              long commitCount, long rollbackCount, LocalDateTime start, LocalDateTime end,
                              String exitCode, String exitDescription) {
    }

    /**
     * The file the ingest step had not committed when it stopped.
     *
     * @param number    1-based position in the run's frozen input list
     * @param total     files in that list
     * @param path      the file
     * @param chunkSize files per chunk: the failing item is among the {@code chunkSize} files from this one
     */
    public record FailingFile(int number, int total, String path, int chunkSize) {
    }

    public LocalDate runDate() {
        return summary.runDate();
    }
}
