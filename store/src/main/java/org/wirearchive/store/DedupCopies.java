package org.wirearchive.store;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wirearchive.core.dedup.IndexedCopy;
import org.wirearchive.core.dedup.MinHash;

/**
 * The rows of {@code dedup_copies} as {@link IndexedCopy} records: the one place that reads a copy from a row
 * ({@link #map}) and binds a copy's fields, with their SQL types, to the statements that write it.
 */
final class DedupCopies {

    /** The columns {@link #map} reads, in its order. */
    static final String COLUMNS = "c.source, c.article_key, c.menafn_article_no, c.kuna_id, c.provider_kuna, "
            + "c.origin, c.window_date, c.crawl_date, c.content_hash, c.headline_hash, c.body_length, c.complete, "
            + "c.shingles, c.minhash";

    /** {@link #COLUMNS} and then whether the copy is canonical ({@link #canonical}). */
    static final String COLUMNS_AND_CANONICAL = COLUMNS + ", c.is_canonical";

    private static final String INSERT = "INSERT INTO dedup_copies (article_key, menafn_article_no, kuna_id, "
            + "provider_kuna, origin, window_date, crawl_date, content_hash, headline_hash, body_length, complete, "
            + "shingles, minhash, is_canonical, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String REWRITE = "UPDATE dedup_copies SET article_key = ?, menafn_article_no = ?, kuna_id = ?, "
            + "provider_kuna = ?, origin = ?, window_date = ?, crawl_date = ?, content_hash = ?, "
            + "headline_hash = ?, body_length = ?, complete = ?, shingles = ?, minhash = ?, is_canonical = ? "
            + "WHERE source = ?";

    private DedupCopies() {
    }

    /** The copy of a row selected with {@link #COLUMNS} first. */
    static IndexedCopy map(ResultSet rs, int row) throws SQLException {
        Date window = rs.getDate(7);
        Date crawl = rs.getDate(8);
        return new IndexedCopy(rs.getString(1), rs.getString(2), (Long) rs.getObject(3, Long.class),
                (Long) rs.getObject(4, Long.class), rs.getBoolean(5), IndexedCopy.Origin.valueOf(rs.getString(6)),
                window == null ? null : window.toLocalDate(), crawl == null ? null : crawl.toLocalDate(),
                rs.getString(9), rs.getString(10), rs.getInt(11), rs.getBoolean(12),
                MinHash.fromBytes(Base64.getDecoder().decode(rs.getString(14)), rs.getInt(13)));
    }

    /** Whether the copy of a row selected with {@link #COLUMNS_AND_CANONICAL} is canonical. */
    static boolean canonical(ResultSet rs) throws SQLException {
        return rs.getBoolean(15);
    }

    /** Inserts these copies (new sources), with one JDBC batch. */
    static void insert(JdbcTemplate jdbc, List<DayIndex.Entry> copies) {
        batch(jdbc, INSERT, copies);
    }

    /** Rewrites every column of these copies (stored sources), with one JDBC batch. */
    static void rewrite(JdbcTemplate jdbc, List<DayIndex.Entry> copies) {
        batch(jdbc, REWRITE, copies);
    }

    private static void batch(JdbcTemplate jdbc, String sql, List<DayIndex.Entry> copies) {
        if (!copies.isEmpty()) {
            jdbc.batchUpdate(sql, copies, copies.size(), DedupCopies::bind);
        }
    }

    /**
     * The parameters of {@link #INSERT} and {@link #REWRITE}: every column with its SQL type, the source last. Bound
     * with the typed setters (a null with its SQL type), as {@code StatementCreatorUtils} binds these values, without
     * its checks per value: this runs for every copy the writer stores.
     */
    private static void bind(PreparedStatement ps, DayIndex.Entry e) throws SQLException {
        IndexedCopy c = e.copy();
        ps.setString(1, c.articleKey());
        setLong(ps, 2, c.menafnArticleNo());
        setLong(ps, 3, c.kunaId());
        ps.setBoolean(4, c.providerKuna());
        ps.setString(5, c.origin().name());
        setDate(ps, 6, c.date());
        setDate(ps, 7, c.crawlDate());
        ps.setString(8, c.contentHash());
        setString(ps, 9, c.headlineHash());
        ps.setInt(10, c.bodyLength());
        ps.setBoolean(11, c.complete());
        ps.setInt(12, c.minHash().shingles());
        ps.setString(13, Base64.getEncoder().encodeToString(c.minHash().toBytes()));
        ps.setBoolean(14, e.canonical());
        ps.setString(15, c.source());
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static void setDate(PreparedStatement ps, int index, java.time.LocalDate value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setDate(index, Date.valueOf(value));
        }
    }

    private static void setString(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }
}
