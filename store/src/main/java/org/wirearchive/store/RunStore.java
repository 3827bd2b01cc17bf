package org.wirearchive.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
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

    /**
     * What the operator's tools show of a run: its latest execution, counts and failure ({@code null}: not counted
     * yet).
     */
    public record RunRow(long runId, long lastExecutionId, Integer filesSeen, Integer articlesNew,
                         Integer articlesUpdated, Integer duplicates, Integer rejects, String failure) {
    }

    /** A rejected input of a run: its name, reason code and the sentence that explains it. */
    public record RejectedInput(String source, String reason, String reasonText) {
    }

    private final JdbcTemplate jdbc;

    public RunStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Over a plain data source (a command that reads the database without starting the application). */
    public RunStore(DataSource dataSource) {
        this(new JdbcTemplate(dataSource));
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

    /**
     * Records how the run's start classified the files under its inputs against the manifest ({@code full}: the
     * unchanged ones are processed too) and how many paths it skipped.
     */
    public void fileCounts(long runId, int fresh, int changed, int unchanged, boolean full, int skipped) {
        jdbc.update("UPDATE runs SET files_new = ?, files_changed = ?, files_unchanged = ?, full_run = ? WHERE run_id = ?",
                fresh, changed, unchanged, full, runId);
        jdbc.update("UPDATE runs SET files_skipped = ? WHERE run_id = ?", skipped, runId);
    }

    /**
     * Records the status an operator gave the run's execution {@code executionId}, when it is the run's latest; the
     * end time and failure already recorded are kept.
     */
    public void markStatus(long runId, long executionId, String status, Instant finished, String failure) {
        jdbc.update("UPDATE runs SET status = ?, finished = COALESCE(finished, ?), failure = COALESCE(failure, ?) "
                        + "WHERE run_id = ? AND last_execution_id = ?", status, Timestamp.from(finished), failure,
                runId, executionId);
    }

    /** Every run, by id. */
    public Map<Long, RunRow> all() {
        Map<Long, RunRow> m = new HashMap<>();
        jdbc.query("SELECT run_id, last_execution_id, files_seen, articles_new, articles_updated, duplicates, rejects, "
                + "failure FROM runs", rs -> {
                    m.put(rs.getLong(1), new RunRow(rs.getLong(1), rs.getLong(2), rs.getObject(3, Integer.class),
                            rs.getObject(4, Integer.class), rs.getObject(5, Integer.class),
                            rs.getObject(6, Integer.class), rs.getObject(7, Integer.class), rs.getString(8)));
                });
        return m;
    }

    /** The run's latest execution, or null when the run is not recorded. */
    public Long lastExecutionId(long runId) {
        return jdbc.query("SELECT last_execution_id FROM runs WHERE run_id = ?",
                rs -> rs.next() ? rs.getLong(1) : null, runId);
    }

    /** How many inputs the run recorded (its {@code sources} rows). */
    public int inputs(long runId) {
        return count("SELECT COUNT(*) FROM sources WHERE run_id = ?", runId);
    }

    /** The run's rejected inputs by name, at most {@code limit}. */
    public List<RejectedInput> rejects(long runId, int limit) {
        return jdbc.query("SELECT source, reason, reason_text FROM sources WHERE run_id = ? AND status = 'rejected' "
                + "ORDER BY source FETCH FIRST " + limit + " ROWS ONLY",
                (rs, i) -> new RejectedInput(rs.getString(1), rs.getString(2), rs.getString(3)), runId);
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }
}
