package org.wirearchive.store;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.wirearchive.core.dedup.DedupIndex;
import org.wirearchive.core.dedup.IndexedCopy;

/**
 * The dedup index in the database ({@code dedup_copies}), one query per lookup: the reference implementation of
 * {@link ChunkDedupIndex}, which serves the ingest. The content lookups are bounded by a date range; the band lookup
 * reads the copies of the window days and compares the bands computed from their stored signatures (there is no band
 * table). Runs in the caller's transaction, so the index and the store commit or roll back together.
 */
public class JdbcDedupIndex implements DedupIndex {

    private static final String COLUMNS = DedupCopies.COLUMNS;

    private static final RowMapper<IndexedCopy> COPY = DedupCopies::map;

    private final JdbcTemplate jdbc;

    public JdbcDedupIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<IndexedCopy> findByMenafnNo(long articleNo) {
        return jdbc.query("SELECT " + COLUMNS + " FROM dedup_copies c WHERE c.menafn_article_no = ?", COPY, articleNo);
    }

    @Override
    public List<IndexedCopy> findByKunaId(long kunaId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM dedup_copies c WHERE c.kuna_id = ?", COPY, kunaId);
    }

    @Override
    public List<IndexedCopy> findByContentHash(String contentHash, LocalDate from, LocalDate to) {
        return jdbc.query("SELECT " + COLUMNS + " FROM dedup_copies c WHERE c.content_hash = ? "
                + "AND c.window_date BETWEEN ? AND ?", COPY, contentHash, Date.valueOf(from), Date.valueOf(to));
    }

    @Override
    public List<IndexedCopy> findByHeadlineHash(String headlineHash, LocalDate from, LocalDate to) {
        return jdbc.query("SELECT " + COLUMNS + " FROM dedup_copies c WHERE c.headline_hash = ? "
                + "AND c.window_date BETWEEN ? AND ?", COPY, headlineHash, Date.valueOf(from), Date.valueOf(to));
    }

    @Override
    public List<IndexedCopy> findByBands(long[] bands, LocalDate from, LocalDate to) {
        if (bands.length == 0) {
            return List.of();
        }
        // the bands are computed from the stored signature: the copies of the window days, those sharing a band
        // that at most Deduplicator.MAX_BAND_COPIES of them carry
        List<IndexedCopy> window = jdbc.query("SELECT " + COLUMNS + " FROM dedup_copies c WHERE c.window_date "
                + "BETWEEN ? AND ?", COPY, Date.valueOf(from), Date.valueOf(to));
        List<long[]> windowBands = window.stream().map(c -> c.minHash().bands()).toList();
        java.util.Map<String, IndexedCopy> found = new java.util.LinkedHashMap<>();
        long[] one = new long[1];
        for (long b : bands) {
            one[0] = b;
            List<IndexedCopy> carrying = new ArrayList<>();
            for (int i = 0; i < window.size(); i++) {
                if (sharesBand(windowBands.get(i), one)) {
                    carrying.add(window.get(i));
                }
            }
            if (carrying.size() <= org.wirearchive.core.dedup.Deduplicator.MAX_BAND_COPIES) {
                carrying.forEach(c -> found.putIfAbsent(c.source(), c));
            }
        }
        return new ArrayList<>(found.values());
    }

    private static boolean sharesBand(long[] a, long[] b) {
        for (long x : a) {
            for (long y : b) {
                if (x == y) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public Optional<IndexedCopy> canonical(String articleKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM dedup_copies c WHERE c.article_key = ? AND c.is_canonical = TRUE",
                COPY, articleKey).stream().findFirst();
    }

    @Override
    public void add(IndexedCopy copy) {
        if (copy.articleKey() == null) {
            throw new IllegalArgumentException("a stored copy needs an article key: " + copy.source());
        }
        Object[] values = {copy.articleKey(), copy.menafnArticleNo(), copy.kunaId(), copy.providerKuna(),
                copy.origin().name(), date(copy.date()), date(copy.crawlDate()), copy.contentHash(), copy.headlineHash(),
                copy.bodyLength(), copy.complete(), copy.minHash().shingles(),
                Base64.getEncoder().encodeToString(copy.minHash().toBytes()), copy.source()};
        int updated = jdbc.update("UPDATE dedup_copies SET article_key = ?, menafn_article_no = ?, kuna_id = ?, "
                + "provider_kuna = ?, origin = ?, window_date = ?, crawl_date = ?, content_hash = ?, headline_hash = ?, "
                + "body_length = ?, complete = ?, shingles = ?, minhash = ? WHERE source = ?", values);
        if (updated == 0) {
            jdbc.update("INSERT INTO dedup_copies (article_key, menafn_article_no, kuna_id, provider_kuna, origin, "
                    + "window_date, crawl_date, content_hash, headline_hash, body_length, complete, shingles, minhash, "
                    + "source, is_canonical) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)", values);
        }
    }

    @Override
    public void setCanonical(String articleKey, String source) {
        jdbc.update("UPDATE dedup_copies SET is_canonical = CASE WHEN source = ? THEN TRUE ELSE FALSE END "
                + "WHERE article_key = ?", source, articleKey);
    }

    @Override
    public void rekey(String oldKey, String newKey) {
        if (!oldKey.equals(newKey)) {
            jdbc.update("UPDATE dedup_copies SET article_key = ?, is_canonical = FALSE WHERE article_key = ?", newKey, oldKey);
        }
    }

    @Override
    public Optional<IndexedCopy> findBySource(String source) {
        return jdbc.query("SELECT " + COLUMNS + " FROM dedup_copies c WHERE c.source = ?", COPY, source).stream()
                .findFirst();
    }

    private static Object date(LocalDate d) {
        return ArticleStore.date(d);
    }
}
