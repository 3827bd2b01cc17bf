package org.wirearchive.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the {@code manifest} table: every input file ever processed, with the size and modification time it had then
 * (how a night tells new, changed and unchanged files apart). The rows are written with the chunk that stored the
 * file's inputs ({@link ArticleStore}).
 */
public class ManifestTable {

    /** What the manifest knows of a file. */
    public record Entry(String path, long sizeBytes, long modifiedMillis) {
    }

    private final JdbcTemplate jdbc;

    public ManifestTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether the database orders paths as {@link String#compareTo} does (H2), so that an ordered scan of the
     * manifest's key can be merged with a sorted file list; PostgreSQL orders by its collation.
     */
    public boolean ordersPathsAsJava() {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) H2Sessions::isH2));
    }

    /**
     * Streams the entries with a path from {@code from} ({@code inclusive}, or after it) to {@code last}, in key order,
     * at most {@code max}; returns how many.
     */
    public int scan(String from, boolean inclusive, String last, int max, Consumer<Entry> sink) {
        String sql = "SELECT path, size_bytes, modified FROM manifest WHERE path %s ? AND path <= ? ORDER BY path"
                + " FETCH FIRST " + max + " ROWS ONLY";
        int[] rows = {0};
        jdbc.query(String.format(Locale.ROOT, sql, inclusive ? ">=" : ">"), rs -> {
            rows[0]++;
            sink.accept(new Entry(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).getTime()));
        }, from, last);
        return rows[0];
    }

    /** The entries of {@code paths} that the manifest has, by path (one query: keep the list to a few hundred). */
    public Map<String, Entry> lookup(Collection<String> paths) {
        Map<String, Entry> found = new HashMap<>();
        if (paths.isEmpty()) {
            return found;
        }
        StringBuilder sql = new StringBuilder("SELECT path, size_bytes, modified FROM manifest WHERE path IN (");
        for (int i = 0; i < paths.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(')');
        jdbc.query(sql.toString(), rs -> {
            found.put(rs.getString(1), new Entry(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).getTime()));
        }, paths.toArray());
        return found;
    }

    /** How many files run {@code runId} was the last to process (its committed files). */
    public int countOfRun(long runId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM manifest WHERE run_id = ?", Integer.class, runId);
        return n == null ? 0 : n;
    }
}
