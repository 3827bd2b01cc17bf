package org.wirearchive.store;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.StatementCreatorUtils;
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

    /** The parameters of {@link #INSERT} and {@link #REWRITE}: every column with its SQL type, the source last. */
    private static void bind(PreparedStatement ps, DayIndex.Entry e) throws SQLException {
        IndexedCopy c = e.copy();
        set(ps, 1, Types.VARCHAR, c.articleKey());
        set(ps, 2, Types.BIGINT, c.menafnArticleNo());
        set(ps, 3, Types.BIGINT, c.kunaId());
        set(ps, 4, Types.BOOLEAN, c.providerKuna());
        set(ps, 5, Types.VARCHAR, c.origin().name());
        set(ps, 6, Types.DATE, c.date() == null ? null : Date.valueOf(c.date()));
        set(ps, 7, Types.DATE, c.crawlDate() == null ? null : Date.valueOf(c.crawlDate()));
        set(ps, 8, Types.VARCHAR, c.contentHash());
        set(ps, 9, Types.VARCHAR, c.headlineHash());
        set(ps, 10, Types.INTEGER, c.bodyLength());
        set(ps, 11, Types.BOOLEAN, c.complete());
        set(ps, 12, Types.INTEGER, c.minHash().shingles());
        set(ps, 13, Types.VARCHAR, Base64.getEncoder().encodeToString(c.minHash().toBytes()));
        set(ps, 14, Types.BOOLEAN, e.canonical());
        set(ps, 15, Types.VARCHAR, c.source());
    }

    private static void set(PreparedStatement ps, int index, int sqlType, Object value) throws SQLException {
        StatementCreatorUtils.setParameterValue(ps, index, sqlType, value);
    }
}
