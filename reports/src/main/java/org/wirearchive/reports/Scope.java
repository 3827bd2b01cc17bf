package org.wirearchive.reports;

/** Which rows a run's reports contain. The run summary is always the run's own row. */
public enum Scope {
    /**
     * The whole store as it is when the reports are written: every article, every input ever recorded. Written right
     * after an ingest, this is the store as of that run; it is what analysts trust, and it is the default.
     */
    STORE,
    /**
     * Only the rows the run touched: inputs whose {@code sources.run_id} is the run, and articles the run created
     * ({@code first_seen_run}) or updated ({@code updated_run}).
     */
    RUN
}
