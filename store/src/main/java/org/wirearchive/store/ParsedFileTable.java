package org.wirearchive.store;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code parsed_files} table of a remote-partitioned run: each file the workers parsed, staged as an opaque
 * payload under the run and the file's {@code seq}, until the manager's store step has stored them all.
 */
public class ParsedFileTable {

    /** One staged file. */
    public record Staged(int seq, byte[] payload) {
    }

    private final JdbcTemplate jdbc;

    public ParsedFileTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stages files of run {@code runId}, replacing what an earlier attempt staged under the same seq. */
    public void replace(long runId, List<Staged> files) {
        List<Object[]> keys = new ArrayList<>(files.size());
        List<Object[]> rows = new ArrayList<>(files.size());
        for (Staged f : files) {
            keys.add(new Object[] {runId, f.seq()});
            rows.add(new Object[] {runId, f.seq(), f.payload()});
        }
        jdbc.batchUpdate("DELETE FROM parsed_files WHERE job_instance_id = ? AND seq = ?", keys);
        jdbc.batchUpdate("INSERT INTO parsed_files (job_instance_id, seq, payload) VALUES (?, ?, ?)", rows);
    }

    /** At most {@code max} staged files of run {@code runId} with seq in {@code [fromSeq, toSeq)}, in order. */
    public List<Staged> page(long runId, int fromSeq, int toSeq, int max) {
        return jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("SELECT seq, payload FROM parsed_files WHERE job_instance_id = ? "
                    + "AND seq >= ? AND seq < ? ORDER BY job_instance_id, seq");
            ps.setMaxRows(max);
            ps.setLong(1, runId);
            ps.setInt(2, fromSeq);
            ps.setInt(3, toSeq);
            return ps;
        }, (rs, i) -> new Staged(rs.getInt(1), rs.getBytes(2)));
    }

    /** How many files of run {@code runId} are staged. */
    public int count(long runId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM parsed_files WHERE job_instance_id = ?", Integer.class,
                runId);
        return n == null ? 0 : n;
    }

    /** Deletes what run {@code runId} staged. */
    public void deleteRun(long runId) {
        jdbc.update("DELETE FROM parsed_files WHERE job_instance_id = ?", runId);
    }
}
