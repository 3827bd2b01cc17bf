package org.wirearchive.store;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The manifest of processed files ({@code manifest}): each file as it was when processed (size, modification time,
 * content hash), so later nights skip it when it did not change. Written a chunk at a time, in the chunk's
 * transaction, after the chunk's articles and sources: an upsert keyed on the path.
 */
public class ManifestWriter {

    private final JdbcTemplate jdbc;

    public ManifestWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts the manifest entries of one chunk of run {@code runId}. */
    public Chunk chunk(long runId) {
        return new Chunk(runId);
    }

    private record Entry(String path, long size, Timestamp modified, String sha256, int outcomes) {
    }

    /** The manifest entries of one chunk: {@link #record} them in input order, then {@link #flush()} once. */
    public final class Chunk {

        private final long runId;
        private final List<Entry> entries = new ArrayList<>();

        private Chunk(long runId) {
            this.runId = runId;
        }

        /** Remembers a processed file as it was (size, modification time, content hash), so later nights skip it. */
        public void record(String path, long size, Timestamp modified, String sha256, int outcomes) {
            entries.add(new Entry(path, size, modified, sha256, outcomes));
        }

        /** Writes the entries with JDBC batches (the last entry of a path wins), inside the chunk's transaction. */
        public void flush() {
            if (entries.isEmpty()) {
                return;
            }
            Map<String, Entry> last = new LinkedHashMap<>();
            for (Entry m : entries) {
                last.put(m.path(), m);
            }
            Set<String> known = new HashSet<>();
            for (List<String> slice : InLists.slices(last.keySet())) {
                jdbc.query("SELECT path FROM manifest WHERE path IN (" + InLists.marks(slice.size()) + ")", rs -> {
                    known.add(rs.getString(1));
                }, slice.toArray());
            }
            List<Object[]> updates = new ArrayList<>();
            List<Object[]> inserts = new ArrayList<>();
            for (Entry m : last.values()) {
                if (known.contains(m.path())) {
                    updates.add(new Object[] {m.size(), m.modified(), m.sha256(), runId, m.outcomes(), m.path()});
                } else {
                    inserts.add(new Object[] {m.path(), m.size(), m.modified(), m.sha256(), runId, m.outcomes()});
                }
            }
            if (!updates.isEmpty()) {
                jdbc.batchUpdate("UPDATE manifest SET size_bytes = ?, modified = ?, content_sha256 = ?, run_id = ?, "
                        + "outcomes = ? WHERE path = ?", updates);
            }
            if (!inserts.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO manifest (path, size_bytes, modified, content_sha256, run_id, outcomes) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", inserts);
            }
        }
    }
}
