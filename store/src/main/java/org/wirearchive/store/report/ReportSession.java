package org.wirearchive.store.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.wirearchive.store.H2Sessions;

/**
 * The report queries, run in one read-only, repeatable-read transaction (a writer of reports may open two sessions
 * side by side and check, by {@link #storeVersion()}, that both saw the same state). On H2 rows are read lazily, as
 * the sink takes them. Row-level results are streamed forward-only to a sink, never held in memory;
 * aggregates are returned. Every method throws {@link StoreReadException} when the database fails; what a sink throws
 * passes through unchanged.
 */
public final class ReportSession implements AutoCloseable {

    /** Rows fetched per round trip (PostgreSQL streams only with auto-commit off and a fetch size). */
    static final int FETCH_SIZE = 500;

    private final Connection c;
    private final boolean autoCommit;
    private final boolean readOnly;
    private final int isolation;
    private final boolean h2;

    private ReportSession(Connection c) throws SQLException {
        this.c = c;
        this.autoCommit = c.getAutoCommit();
        this.readOnly = c.isReadOnly();
        this.isolation = c.getTransactionIsolation();
        this.h2 = H2Sessions.isH2(c);
        if (h2) {
            // H2 otherwise collects a whole result before returning its first row, and a large one (every article,
            // bodies included) is written to a temporary file and read back; lazily, the rows of a query that needs
            // no sort come straight from the index as they are read. A session setting: reset on close.
            H2Sessions.lazy(c, true);
        }
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
    }

    /** Opens a connection of {@code ds} and starts the transaction. */
    public static ReportSession open(DataSource ds) {
        Connection c = null;
        try {
            c = ds.getConnection();
            return new ReportSession(c);
        } catch (SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw new StoreReadException(e);
        }
    }

    /** Streams the selection's articles by key; returns how many. */
    public long articles(Selection sel, Consumer<ReportRows.Article> sink) {
        return stream(ReportSql.articles(sel), sel.articleParams(), 0, rs -> sink.accept(new ReportRows.Article(
                rs.getString(1), rs.getString(2), number(rs, 3), rs.getString(4), number(rs, 5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), date(rs, 11), rs.getString(12),
                date(rs, 13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
                rs.getString(18), rs.getString(19), rs.getString(20), number(rs, 21), rs.getString(22),
                rs.getString(23), number(rs, 24), number(rs, 25), date(rs, 26), number(rs, 27), rs.getString(28))));
    }

    /** Streams the selection's inputs by source name; returns how many. */
    public long sources(Selection sel, Consumer<ReportRows.Source> sink) {
        return stream(ReportSql.sources(sel), sel.sourceParams(), 0, rs -> sink.accept(new ReportRows.Source(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                decimal(rs, 7), rs.getString(8), rs.getString(9), date(rs, 10), rs.getString(11), number(rs, 12),
                date(rs, 13), number(rs, 14))));
    }

    /** Streams the selection's duplicate inputs by source name; returns how many. */
    public long duplicates(Selection sel, Consumer<ReportRows.Duplicate> sink) {
        return stream(ReportSql.duplicates(sel), sel.sourceParams(), 0, rs -> sink.accept(new ReportRows.Duplicate(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), decimal(rs, 5), date(rs, 6),
                rs.getString(7), rs.getString(8), rs.getString(9), number(rs, 10), date(rs, 11))));
    }

    /** Streams the selection's rejected inputs by source name, at most {@code max} (0 = all); returns how many. */
    public long rejects(Selection sel, int max, Consumer<ReportRows.Reject> sink) {
        return stream(ReportSql.rejects(sel), sel.sourceParams(), max, rs -> sink.accept(new ReportRows.Reject(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), number(rs, 5), date(rs, 6),
                number(rs, 7))));
    }

    /**
     * Streams the selection's articles, duplicates and rejects per publication date and provider (undated and
     * unknown last) as one SQL query: the rows of the {@code provider_daily} view. The report writer adds them up
     * from the article rows instead (reading the articles once for two files) and is tested against this; returns
     * how many rows.
     */
    public long providerDaily(Selection sel, Consumer<ReportRows.Daily> sink) {
        List<Object> params = new ArrayList<>(sel.articleParams());
        params.addAll(sel.sourceParams());
        return stream(ReportSql.providerDaily(sel), params, 0, rs -> sink.accept(new ReportRows.Daily(date(rs, 1),
                rs.getString(2), rs.getString(3), number(rs, 4), number(rs, 5), number(rs, 6))));
    }

    /**
     * Streams the selection's duplicates and rejects per publication date and provider key (an input's own, else its
     * article's), in no particular order: the input side of {@link #providerDaily} ({@code provider} null,
     * {@code articles} 0); returns how many rows.
     */
    public long inputsDaily(Selection sel, Consumer<ReportRows.Daily> sink) {
        return stream(ReportSql.inputsDaily(sel), sel.sourceParams(), 0, rs -> sink.accept(new ReportRows.Daily(
                date(rs, 1), rs.getString(2), null, 0L, number(rs, 3), number(rs, 4))));
    }

    /**
     * {@code texts} without nulls and repeats, in the order the database sorts text ({@code ORDER BY} a text
     * column: its collation, which a report's order must follow whatever the database).
     */
    public List<String> inCollationOrder(Collection<String> texts) {
        List<String> sorted = new ArrayList<>();
        if (texts.isEmpty()) {
            return sorted;
        }
        try (PreparedStatement ps = c.prepareStatement(ReportSql.COLLATION_ORDER)) {
            ps.setArray(1, c.createArrayOf("VARCHAR", texts.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sorted.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreReadException(e);
        }
        return sorted;
    }

    /** How many articles (with their date range) and inputs the selection has. */
    public ReportRows.Totals totals(Selection sel) {
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            params.addAll(sel.articleParams());
        }
        List<ReportRows.Totals> articles = new ArrayList<>();
        stream(ReportSql.articleTotals(sel), params, 1,
                rs -> articles.add(new ReportRows.Totals(rs.getLong(1), date(rs, 2), date(rs, 3), 0)));
        long[] inputs = new long[1];
        stream(ReportSql.sourceTotals(sel), sel.sourceParams(), 1, rs -> inputs[0] = rs.getLong(1));
        ReportRows.Totals a = articles.get(0);
        return new ReportRows.Totals(a.articles(), a.firstDate(), a.lastDate(), inputs[0]);
    }

    /** The selection's duplicates per rule, in rule order (no rule last). */
    public List<ReportRows.RuleCount> duplicatesByRule(Selection sel) {
        List<ReportRows.RuleCount> rows = new ArrayList<>();
        stream(ReportSql.duplicatesByRule(sel), sel.sourceParams(), 0,
                rs -> rows.add(new ReportRows.RuleCount(rs.getString(1), rs.getLong(2), decimal(rs, 3))));
        return rows;
    }

    /** The selection's rejects per reason code, in code order (no code last). */
    public List<ReportRows.ReasonCount> rejectsByReason(Selection sel) {
        List<ReportRows.ReasonCount> rows = new ArrayList<>();
        stream(ReportSql.rejectsByReason(sel), sel.sourceParams(), 0,
                rs -> rows.add(new ReportRows.ReasonCount(rs.getString(1), rs.getLong(2))));
        return rows;
    }

    /** The latest run's id, or null when no run is recorded. */
    public Long latestRun() {
        Long[] id = new Long[1];
        stream(ReportSql.LATEST_RUN, List.of(), 1, rs -> id[0] = number(rs, 1));
        return id[0];
    }

    /** Run {@code runId} with its inputs per rule and reason, or null when the {@code runs} table has no such row. */
    public ReportRows.Run run(long runId) {
        List<ReportRows.Run> found = new ArrayList<>();
        Map<String, Long> dups = new LinkedHashMap<>();
        Map<String, Long> rejects = new LinkedHashMap<>();
        stream(ReportSql.RUN, List.of(runId), 1, rs -> found.add(new ReportRows.Run(rs.getLong(1), number(rs, 2),
                date(rs, 3), number(rs, 4), rs.getString(5), instant(rs, 6), instant(rs, 7), rs.getString(8),
                number(rs, 9), number(rs, 10), number(rs, 11), number(rs, 12), number(rs, 13), number(rs, 14),
                rs.getString(15), number(rs, 16), number(rs, 17), number(rs, 18), Collections.unmodifiableMap(dups),
                Collections.unmodifiableMap(rejects))));
        if (found.isEmpty()) {
            return null;
        }
        stream(ReportSql.RUN_REASONS, List.of(runId, runId), 0, rs -> {
            String reason = rs.getString(2) == null ? "" : rs.getString(2);
            ("duplicate".equals(rs.getString(1)) ? dups : rejects).put(reason, rs.getLong(3));
        });
        return found.get(0);
    }

    /** The store's id and version, or null when it has no id yet (nothing was ever ingested). */
    public ReportRows.StoreVersion storeVersion() {
        List<ReportRows.StoreVersion> found = new ArrayList<>();
        stream(ReportSql.STORE_STATE, List.of(), 1, rs -> {
            if (rs.getString(1) != null) {
                found.add(new ReportRows.StoreVersion(rs.getString(1), rs.getLong(2)));
            }
        });
        return found.isEmpty() ? null : found.get(0);
    }

    /** The report directories ({@code runs.out_dir}) of the latest {@code limit} completed runs but {@code except}. */
    public List<String> completedOutDirs(Long except, int limit) {
        List<String> dirs = new ArrayList<>();
        stream(ReportSql.completedOutDirs(limit), List.of(except == null ? -1L : except), 0,
                rs -> dirs.add(rs.getString(1)));
        return dirs;
    }

    /** Ends the transaction (nothing was written) and gives the connection back as it was. */
    @Override
    public void close() {
        try {
            try {
                c.rollback();
            } finally {
                try {
                    if (h2) {
                        H2Sessions.lazy(c, false);
                    }
                    c.setReadOnly(readOnly);
                    c.setTransactionIsolation(isolation);
                    c.setAutoCommit(autoCommit);
                } finally {
                    c.close();
                }
            }
        } catch (SQLException e) {
            throw new StoreReadException(e);
        }
    }

    @FunctionalInterface
    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private long stream(String sql, List<Object> params, int maxRows, Row row) {
        try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(FETCH_SIZE);
            if (maxRows > 0) {
                ps.setMaxRows(maxRows);
            }
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                long count = 0;
                while (rs.next()) {
                    row.read(rs);
                    count++;
                }
                return count;
            }
        } catch (SQLException e) {
            throw new StoreReadException(e);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
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

    private static Long number(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    private static Double decimal(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? null : v;
    }

    private static LocalDate date(ResultSet rs, int i) throws SQLException {
        return rs.getObject(i, LocalDate.class);
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
