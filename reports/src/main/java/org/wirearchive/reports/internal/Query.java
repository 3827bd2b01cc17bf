package org.wirearchive.reports.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/** Runs report queries on one connection, streaming rows forward-only. */
public final class Query {

    /** Rows fetched per round trip (PostgreSQL streams only with auto-commit off and a fetch size). */
    static final int FETCH_SIZE = 500;

    private Query() {
    }

    /** Receives one row of text cells (null for SQL NULL), in select-list order. */
    @FunctionalInterface
    public interface RowSink {
        void row(String[] cells) throws SQLException;
    }

    /** Streams the rows of {@code sql}; at most {@code maxRows} (0 = all). Returns the number of rows. */
    public static long stream(Connection c, String sql, List<Object> params, int maxRows, RowSink sink)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(FETCH_SIZE);
            if (maxRows > 0) {
                ps.setMaxRows(maxRows);
            }
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                int[] types = new int[n];
                for (int i = 0; i < n; i++) {
                    types[i] = md.getColumnType(i + 1);
                    String typeName = md.getColumnTypeName(i + 1).toLowerCase(java.util.Locale.ROOT);
                    if (types[i] == java.sql.Types.TIMESTAMP && (typeName.equals("timestamptz")
                            || typeName.contains("with time zone"))) {
                        types[i] = java.sql.Types.TIMESTAMP_WITH_TIMEZONE; // PostgreSQL reports timestamptz so
                    }
                }
                long count = 0;
                while (rs.next()) {
                    String[] cells = new String[n];
                    for (int i = 0; i < n; i++) {
                        cells[i] = Cells.read(rs, i + 1, types[i]);
                    }
                    sink.row(cells);
                    count++;
                }
                return count;
            }
        }
    }

    /** The single row of {@code sql} as text cells, or null when there is none. */
    public static String[] one(Connection c, String sql, List<Object> params) throws SQLException {
        String[][] holder = new String[1][];
        stream(c, sql, params, 1, cells -> holder[0] = cells);
        return holder[0];
    }

    static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Long) {
                ps.setLong(i + 1, (Long) p);
            } else if (p instanceof LocalDate) {
                ps.setObject(i + 1, p);
            } else {
                ps.setString(i + 1, String.valueOf(p));
            }
        }
    }
}
