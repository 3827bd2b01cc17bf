package org.wirearchive.store;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code runs} table: one row per run (job instance), updated by every execution of it. */
public class RunStore {

    /**
     * What a run did, counted from the store (so restarts and reruns count exactly). {@code filesSkipped}: paths under
     * the inputs that are not inputs (hidden, dangling links, special files, output and data directories, reports).
     */
    public record RunCounts(int filesSeen, int filesNew, int filesChanged, int filesUnchanged, int filesProcessed,
                            int inputsRead, int articlesNew, int articlesUpdated, int accepted, int duplicates,
                            int rejects, int filesSkipped) {

        public RunCounts(int filesSeen, int filesNew, int filesChanged, int filesUnchanged, int filesProcessed,
                         int inputsRead, int articlesNew, int articlesUpdated, int accepted, int duplicates,
                         int rejects) {
            this(filesSeen, filesNew, filesChanged, filesUnchanged, filesProcessed, inputsRead, articlesNew,
                    articlesUpdated, accepted, duplicates, rejects, 0);
        }
    }

    private final JdbcTemplate jdbc;

    public RunStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that an execution of the run started at {@code started}, and how many inputs the run had read before it
     * (what earlier executions of a restarted run read), so that the execution's rate counts only its own.
     */
    public void started(long runId, long executionId, LocalDate runDate, int attempt, Instant started,
                        String input, String outDir) {
        int before = count("SELECT COUNT(*) FROM sources WHERE run_id = ?", runId);
        int n = jdbc.update("UPDATE runs SET last_execution_id = ?, status = 'STARTED', started = ?, finished = NULL, "
                        + "input = ?, out_dir = ?, failure = NULL, inputs_before = ? WHERE run_id = ?",
                executionId, Timestamp.from(started), input, outDir, before, runId);
        if (n == 0) {
            jdbc.update("INSERT INTO runs (run_id, last_execution_id, run_date, attempt, status, started, input, out_dir, "
                    + "inputs_before) VALUES (?, ?, ?, ?, 'STARTED', ?, ?, ?, ?)", runId, executionId,
                    java.sql.Date.valueOf(runDate), attempt, Timestamp.from(started), input, outDir, before);
        }
    }

    /** The inputs the run had read when its latest execution started (see {@link #started}). */
    public int inputsBefore(long runId) {
        return count("SELECT COALESCE(MAX(inputs_before), 0) FROM runs WHERE run_id = ?", runId);
    }

    /** When a run last completed (its end time), or null if none ever did. */
    public Instant lastSuccess() {
        Timestamp t = jdbc.queryForObject("SELECT MAX(finished) FROM runs WHERE status = 'COMPLETED'", Timestamp.class);
        return t == null ? null : t.toInstant();
    }

    public RunCounts counts(long runId) {
        int processed = count("SELECT COUNT(*) FROM run_inputs WHERE job_instance_id = ?", runId);
        int fresh = count("SELECT COALESCE(MAX(files_new), 0) FROM runs WHERE run_id = ?", runId);
        int changed = count("SELECT COALESCE(MAX(files_changed), 0) FROM runs WHERE run_id = ?", runId);
        int unchanged = count("SELECT COALESCE(MAX(files_unchanged), 0) FROM runs WHERE run_id = ?", runId);
        int skipped = count("SELECT COALESCE(MAX(files_skipped), 0) FROM runs WHERE run_id = ?", runId);
        // the run's sources by status in one pass over them (a store of a million sources read them four times)
        java.util.Map<String, Integer> byStatus = new java.util.HashMap<>();
        jdbc.query("SELECT status, COUNT(*) FROM sources WHERE run_id = ? GROUP BY status",
                rs -> {
                    byStatus.put(rs.getString(1), rs.getInt(2));
                }, runId);
        int read = byStatus.values().stream().mapToInt(Integer::intValue).sum();
        int newArticles = count("SELECT COUNT(*) FROM articles WHERE first_seen_run = ?", runId);
        int updated = count("SELECT COUNT(*) FROM articles WHERE updated_run = ? AND first_seen_run <> ?", runId, runId);
        int accepted = byStatus.getOrDefault("accepted", 0);
        int dups = byStatus.getOrDefault("duplicate", 0);
        int rejects = byStatus.getOrDefault("rejected", 0);
        return new RunCounts(fresh + changed + unchanged, fresh, changed, unchanged, processed, read, newArticles,
                updated, accepted, dups, rejects, skipped);
    }

    /**
     * Records the counts and the status the run has reached (called by the report step and at the end); a null
     * {@code finished} keeps the time already recorded.
     */
    public void update(long runId, String status, Instant finished, String failure) {
        RunCounts c = counts(runId);
        jdbc.update("UPDATE runs SET status = ?, finished = COALESCE(?, finished), files_seen = ?, inputs_read = ?, articles_new = ?, "
                        + "articles_updated = ?, duplicates = ?, rejects = ?, failure = ? WHERE run_id = ?",
                status, finished == null ? null : Timestamp.from(finished), c.filesSeen(), c.inputsRead(),
                c.articlesNew(), c.articlesUpdated(), c.duplicates(), c.rejects(), failure, runId);
    }

    /** The latest attempt number recorded for a run date, or -1 when the date never ran. */
    public int latestAttempt(LocalDate runDate) {
        Integer n = jdbc.queryForObject("SELECT MAX(attempt) FROM runs WHERE run_date = ?", Integer.class,
                java.sql.Date.valueOf(runDate));
        return n == null ? -1 : n;
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }
}
