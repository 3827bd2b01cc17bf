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
 * @param full    process every file, not only the new and changed ones
 * @param recover first recover an execution of that date left running by a crashed process, then restart it
 */
public record IngestRequest(List<Path> inputs, Path outDir, LocalDate runDate, boolean force, boolean excel,
                            boolean full, boolean recover) {

    public IngestRequest {
        inputs = List.copyOf(inputs);
    }
}
