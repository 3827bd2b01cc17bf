package org.wirearchive.store;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The {@code run_inputs} table: a run's frozen input list, the files it processes in {@code seq} order (0, 1, ...),
 * written once by the run's first step and read, a page at a time by key range, by the steps that follow and by the
 * operator's tools.
 */
public class RunInputTable {

    /** One file of a run's list. */
    public record Entry(int seq, String path, long sizeBytes, Instant modified) {
    }

    private static final RowMapper<Entry> ENTRY = (rs, i) -> {
        Timestamp t = rs.getTimestamp(4);
        return new Entry(rs.getInt(1), rs.getString(2), rs.getLong(3), t == null ? null : t.toInstant());
    };

    private final JdbcTemplate jdbc;

    public RunInputTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes the list of run {@code runId}. */
    public void clear(long runId) {
        jdbc.update("DELETE FROM run_inputs WHERE job_instance_id = ?", runId);
    }

    /** Adds files to the list of run {@code runId}, in one batch. */
    public void insert(long runId, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            rows.add(new Object[] {runId, e.seq(), e.path(), e.sizeBytes(),
                e.modified() == null ? null : Timestamp.from(e.modified())});
        }
        jdbc.batchUpdate("INSERT INTO run_inputs (job_instance_id, seq, path, size_bytes, modified) "
                + "VALUES (?, ?, ?, ?, ?)", rows);
    }

    /** At most {@code max} files of the list from {@code seq} on, in order. */
    public List<Entry> page(long runId, int fromSeq, int max) {
        return page(runId, fromSeq, Integer.MAX_VALUE, max); // seq is an INTEGER below its maximum
    }

    /** At most {@code max} files of the list with {@code seq} in {@code [fromSeq, toSeq)}, in order. */
    public List<Entry> page(long runId, int fromSeq, int toSeq, int max) {
        return jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("SELECT seq, path, size_bytes, modified FROM run_inputs "
                    + "WHERE job_instance_id = ? AND seq >= ? AND seq < ? ORDER BY job_instance_id, seq");
            ps.setMaxRows(max);
            ps.setLong(1, runId);
            ps.setInt(2, fromSeq);
            ps.setInt(3, toSeq);
            return ps;
        }, ENTRY);
    }

    /** How many files the list of run {@code runId} has. */
    public int count(long runId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM run_inputs WHERE job_instance_id = ?", Integer.class,
                runId);
        return n == null ? 0 : n;
    }

    /** One past the list's last {@code seq} (0 for an empty list). */
    public int end(long runId) {
        Integer n = jdbc.queryForObject("SELECT COALESCE(MAX(seq) + 1, 0) FROM run_inputs WHERE job_instance_id = ?",
                Integer.class, runId);
        return n == null ? 0 : n;
    }

    /** The path of the list's file at {@code offset} (0-based, in seq order), or null past its end. */
    public String pathAt(long runId, int offset) {
        List<String> next = jdbc.queryForList("SELECT path FROM run_inputs WHERE job_instance_id = ? ORDER BY seq "
                + "OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY", String.class, runId, offset);
        return next.isEmpty() ? null : next.get(0);
    }
}
