package org.wirearchive.store;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The last input listing known to be wholly in the manifest ({@code known_listing}, V18__known_listing.sql): its
 * digest, its number of files and the store's version then. Every write of the manifest happens in a chunk that raises
 * {@code store_state.version} in the same transaction, so while the version is the one recorded, the manifest holds
 * every file of that listing with the size and modification time it was listed with.
 */
public class KnownListingTable {

    private final JdbcTemplate jdbc;

    public KnownListingTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The run that recorded this listing ({@code digest}, {@code files}) when the store has not changed since, else
     * null: then the listing must be compared with the manifest file by file.
     */
    public Long unchangedSince(String digest, int files) {
        List<Long> runs = jdbc.queryForList("SELECT k.run_id FROM known_listing k JOIN store_state s ON s.id = 1 "
                + "WHERE k.id = 1 AND k.digest = ? AND k.files = ? AND k.store_version = s.version", Long.class,
                digest, files);
        return runs.isEmpty() ? null : runs.get(0);
    }

    /**
     * Records that every file of the listing ({@code digest}, {@code files}) is in the manifest as listed, at the
     * store's current version; replaces the listing recorded before.
     */
    public void record(String digest, int files, long runId) {
        jdbc.update("DELETE FROM known_listing");
        jdbc.update("INSERT INTO known_listing (id, digest, files, store_version, run_id) "
                + "SELECT 1, CAST(? AS VARCHAR(64)), CAST(? AS INTEGER), version, CAST(? AS BIGINT) FROM store_state "
                + "WHERE id = 1", digest, files, runId);
    }

    /** Forgets the recorded listing: the next night compares every file. */
    public void forget() {
        jdbc.update("DELETE FROM known_listing");
    }
}
