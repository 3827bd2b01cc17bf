package org.wirearchive.batch.ingest;

import java.time.LocalDate;

/** The run being written: its id (the job instance id) and its run date. */
public record RunContext(long runId, LocalDate runDate) {
}
