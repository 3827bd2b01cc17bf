package org.wirearchive.batch.ingest;

import java.nio.file.Path;
import java.util.List;

/** Writes the reports of one run into a directory; returns the files written. */
public interface RunReports {

    List<Path> write(long runId, Path outDir, boolean excel);
}
