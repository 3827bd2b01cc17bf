package org.wirearchive.batch.ingest;

/** Names of the ingest job's parameters. */
public final class IngestParameters {

    /** Identifying: the business date of the nightly run; relaunching a failed date restarts it. */
    public static final String RUN_DATE = "run.date";
    /** Identifying, only with --force: makes a new run for a date that already completed. */
    public static final String ATTEMPT = "attempt";
    /** Input paths, separated by the platform path separator. */
    public static final String INPUT = "input";
    /** The output directory of this run's reports. */
    public static final String OUT = "out";
    /** Whether every file is processed (true) or only new and changed ones (false, the default). */
    public static final String FULL = "full";
    /** Whether reports get an Excel byte-order mark. */
    public static final String EXCEL = "excel";

    private IngestParameters() {
    }
}
