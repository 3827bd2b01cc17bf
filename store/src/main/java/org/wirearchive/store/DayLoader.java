package org.wirearchive.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wirearchive.core.dedup.IndexedCopy;

/**
 * The loader of the {@link DayCache}: reads the committed copies of whole window days from {@code dedup_copies}, one
 * indexed query per slice of days, streamed, and counts what it loaded.
 */
final class DayLoader {

    /** Takes one loaded copy. */
    interface Sink {
        void copy(IndexedCopy copy, boolean canonical);
    }

    /** Rows a round trip (PostgreSQL streams a result only with a fetch size, inside a transaction). */
    private static final int FETCH_SIZE = 1_000;

    private final JdbcTemplate jdbc;
    private final String columns;
    private Boolean h2;
    private long dayLoads;
    private long rowsLoaded;

    /** {@code columns}: the select list of a copy as {@link DedupCopies#map} reads it, then {@code is_canonical}. */
    DayLoader(JdbcTemplate jdbc, String columns) {
        this.jdbc = jdbc;
        this.columns = columns;
    }

    /**
     * Gives every copy stored on these days to {@code sink}. On one connection (the chunk's, inside its transaction);
     * on H2 with lazy query execution for the duration: otherwise H2 collects a whole result before returning its
     * first row, and beyond its in-memory row limit (40,000 rows a GB of heap) it writes the rows to a temporary file
     * and reads them back. A day of a dense archive is tens of thousands of copies: at 1,000,000 pages that writing and
     * reading back was half of the day loads, an eighth of the writer thread's samples. The sink must not use the
     * database (it fills the day cache).
     */
    void load(List<LocalDate> days, Sink sink) {
        if (days.isEmpty()) {
            return;
        }
        dayLoads += days.size();
        jdbc.execute((ConnectionCallback<Void>) c -> {
            boolean lazy = isH2(c);
            if (lazy) {
                H2Sessions.lazy(c, true);
            }
            try {
                for (List<LocalDate> slice : InLists.slices(days)) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT " + columns
                            + " FROM dedup_copies c WHERE c.window_date IN (" + InLists.marks(slice.size()) + ")")) {
                        for (int i = 0; i < slice.size(); i++) {
                            ps.setDate(i + 1, Date.valueOf(slice.get(i)));
                        }
                        ps.setFetchSize(FETCH_SIZE);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                IndexedCopy copy = DedupCopies.map(rs, 0);
                                rowsLoaded++;
                                sink.copy(copy, DedupCopies.canonical(rs));
                            }
                        }
                    }
                }
            } finally {
                if (lazy) {
                    H2Sessions.lazy(c, false);
                }
            }
            return null;
        });
    }

    private boolean isH2(Connection c) throws SQLException {
        if (h2 == null) {
            h2 = H2Sessions.isH2(c);
        }
        return h2;
    }

    /** How many days were loaded since this loader was made. */
    long dayLoads() {
        return dayLoads;
    }

    /** How many copies were loaded since this loader was made. */
    long rowsLoaded() {
        return rowsLoaded;
    }
}
