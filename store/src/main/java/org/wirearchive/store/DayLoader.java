package org.wirearchive.store;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wirearchive.core.dedup.IndexedCopy;

/**
 * The loader of the {@link DayCache}: reads the committed copies of whole window days from {@code dedup_copies}, one
 * indexed query per slice of days, and counts what it loaded.
 */
final class DayLoader {

    /** Takes one loaded copy. */
    interface Sink {
        void copy(IndexedCopy copy, boolean canonical);
    }

    private final JdbcTemplate jdbc;
    private final String columns;
    private long dayLoads;
    private long rowsLoaded;

    /** {@code columns}: the select list of a copy as {@link DedupCopies#map} reads it, then {@code is_canonical}. */
    DayLoader(JdbcTemplate jdbc, String columns) {
        this.jdbc = jdbc;
        this.columns = columns;
    }

    /** Gives every copy stored on these days to {@code sink}. */
    void load(List<LocalDate> days, Sink sink) {
        if (days.isEmpty()) {
            return;
        }
        dayLoads += days.size();
        for (List<LocalDate> slice : InLists.slices(days)) {
            Object[] args = new Object[slice.size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = Date.valueOf(slice.get(i));
            }
            jdbc.query("SELECT " + columns + " FROM dedup_copies c WHERE c.window_date IN ("
                    + InLists.marks(slice.size()) + ")", (ResultSet rs) -> {
                        IndexedCopy copy = DedupCopies.map(rs, 0);
                        rowsLoaded++;
                        sink.copy(copy, DedupCopies.canonical(rs));
                    }, args);
        }
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
