package org.wirearchive.batch.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * One ingest as asked on the command line.
 *
 * @param inputs  files or directories to read (recursively)
 * @param outDir  the directory this run's reports go to
 * @param runDate the run's business date (identifying)
 * @param force   start a new run even if the date already completed
 * @param excel   write reports with a byte-order mark for Excel
 */
public record IngestRequest(List<Path> inputs, Path outDir, LocalDate runDate, boolean force, boolean excel) {

    public IngestRequest {
        inputs = List.copyOf(inputs);
    }
}
