package org.wirearchive.batch.store;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.wirearchive.core.dedup.DedupIndex;
import org.wirearchive.core.dedup.Deduplicator;
import org.wirearchive.core.dedup.IndexedCopy;
import org.wirearchive.core.dedup.MinHash;

/**
 * The dedup index of one chunk: the same tables and the same semantics as {@link JdbcDedupIndex}, but every lookup the
 * chunk's copies can make is loaded up front in a handful of set-based queries ({@link #begin}), the lookups and writes
 * of {@link Deduplicator} are then served and recorded in memory (so the copies of one chunk see each other), and
 * {@link #flush()} writes the chunk's changes with JDBC batches, in the chunk's transaction.
 *
 * <p>What is loaded: the copies with the chunk's sources, MENAFN numbers, KUNA ids, and, within the chunk's date
 * range widened by the window, its content hashes, headline hashes and band values; then the canonical copy of every
 * article key found (and of the keys the chunk's copies would give). The other copies of those keys are not loaded:
 * the only change the chunk can make to them is a re-key, which is replayed in order when the chunk is written. Memory is bounded by the chunk and the size of the articles it touches, never
 * by the archive. Outside a chunk ({@link #begin} not called) every call goes to the database directly.
 */
public class ChunkDedupIndex implements DedupIndex {

    private static final String COLUMNS = "c.source, c.article_key, c.menafn_article_no, c.kuna_id, c.provider_kuna, "
            + "c.origin, c.window_date, c.crawl_date, c.content_hash, c.headline_hash, c.body_length, c.complete, "
            + "c.shingles, c.minhash, c.copy_id, c.is_canonical";

    private final JdbcTemplate jdbc;
    private final JdbcDedupIndex direct;

    /** The chunk's state; null outside a chunk. */
    private State state;

    public ChunkDedupIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.direct = new JdbcDedupIndex(jdbc);
    }

    /** One copy as the chunk sees it, and as it was in the database when loaded. */
    private static final class Row {
        IndexedCopy copy;
        boolean canonical;
        final Long copyId; // null: added in this chunk
        final String loadedKey;
        final boolean loadedCanonical;
        boolean replaced; // its content was rewritten by add()
        boolean moved; // re-keyed in this chunk
        /** Its band values that the chunk can look up (loaded rows), or all of them (added rows). */
        final Set<Long> bands = new HashSet<>();

        Row(IndexedCopy copy, boolean canonical, Long copyId) {
            this.copy = copy;
            this.canonical = canonical;
            this.copyId = copyId;
            this.loadedKey = copy.articleKey();
            this.loadedCanonical = canonical;
        }
    }

    private static long[] bandsOf(IndexedCopy c) {
        return c.date() == null ? new long[0] : c.minHash().bands();
    }

    private static void setBands(Row r) {
        r.bands.clear();
        for (long b : bandsOf(r.copy)) {
            r.bands.add(b);
        }
    }

    private static final class State {
        final Map<String, Row> bySource = new LinkedHashMap<>();
        final Map<String, Set<String>> byKey = new HashMap<>();
        final Map<Long, Set<String>> byMenafn = new HashMap<>();
        final Map<Long, Set<String>> byKuna = new HashMap<>();
        final Map<String, Set<String>> byContent = new HashMap<>();
        final Map<String, Set<String>> byHeadline = new HashMap<>();
        final Map<Long, Set<String>> byBand = new HashMap<>();
        // what was loaded: a lookup outside of it would be answered wrongly, so it is refused
        final Set<String> sources = new HashSet<>();
        final Set<Long> menafn = new HashSet<>();
        final Set<Long> kuna = new HashSet<>();
        final Set<String> content = new HashSet<>();
        final Set<String> headline = new HashSet<>();
        final Set<Long> band = new HashSet<>();
        final Set<String> keys = new HashSet<>();
        LocalDate from;
        LocalDate to;
        /** The re-keys of the chunk, in order: {new key, old key}. */
        final List<Object[]> rekeys = new ArrayList<>();
    }

    /** Loads every candidate of the chunk's copies (in the order they will be added); starts recording. */
    public void begin(List<IndexedCopy> incoming) {
        State s = new State();
        LocalDate lo = null;
        LocalDate hi = null;
        for (IndexedCopy c : incoming) {
            s.sources.add(c.source());
            if (c.menafnArticleNo() != null) {
                s.menafn.add(c.menafnArticleNo());
            }
            if (c.kunaId() != null) {
                s.kuna.add(c.kunaId());
            }
            if (c.date() != null) {
                s.content.add(c.contentHash());
                if (c.headlineHash() != null) {
                    s.headline.add(c.headlineHash());
                }
                if (c.minHash().banded()) {
                    for (long b : c.minHash().bands()) {
                        s.band.add(b);
                    }
                }
                lo = lo == null || c.date().isBefore(lo) ? c.date() : lo;
                hi = hi == null || c.date().isAfter(hi) ? c.date() : hi;
            }
        }
        if (lo != null) {
            s.from = lo.minusDays(Deduplicator.WINDOW_DAYS);
            s.to = hi.plusDays(Deduplicator.WINDOW_DAYS);
        }
        state = s;
        load(s, "c.source", s.sources, null);
        for (List<Long> slice : InLists.slices(s.menafn)) {
            jdbc.query("SELECT " + COLUMNS + " FROM dedup_copies c WHERE c.menafn_article_no IN ("
                    + InLists.literals(slice) + ")", rs -> {
                        loaded(s, rs);
                    });
        }
        for (List<Long> slice : InLists.slices(s.kuna)) {
            jdbc.query("SELECT " + COLUMNS + " FROM dedup_copies c WHERE c.kuna_id IN (" + InLists.literals(slice)
                    + ")", rs -> {
                        loaded(s, rs);
                    });
        }
        if (s.from != null) {
            load(s, "c.content_hash", s.content, " AND c.window_date BETWEEN ? AND ?");
            load(s, "c.headline_hash", s.headline, " AND c.window_date BETWEEN ? AND ?");
            // band rows first (value and copy only: a common band value has many rows), then the copies once each
            Map<Long, List<Long>> bandCopies = new HashMap<>();
            Set<Long> copyIds = new LinkedHashSet<>();
            for (List<Long> slice : InLists.slices(s.band)) {
                jdbc.query("SELECT b.band_value, b.copy_id FROM dedup_bands b WHERE b.band_value IN ("
                        + InLists.literals(slice) + ") AND b.window_date BETWEEN ? AND ?", rs -> {
                            long id = rs.getLong(2);
                            bandCopies.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(id);
                            copyIds.add(id);
                        }, Date.valueOf(s.from), Date.valueOf(s.to));
            }
            Map<Long, String> sourceOfId = new HashMap<>();
            for (Row r : s.bySource.values()) {
                sourceOfId.put(r.copyId, r.copy.source());
            }
            copyIds.removeAll(sourceOfId.keySet());
            for (List<Long> slice : InLists.slices(copyIds)) {
                jdbc.query("SELECT " + COLUMNS + " FROM dedup_copies c WHERE c.copy_id IN (" + InLists.literals(slice)
                        + ")", rs -> {
                            loaded(s, rs);
                        });
            }
            for (Row r : s.bySource.values()) {
                sourceOfId.put(r.copyId, r.copy.source());
            }
            bandCopies.forEach((band, ids) -> {
                for (Long id : ids) {
                    String src = sourceOfId.get(id);
                    if (src != null) {
                        Row r = s.bySource.get(src);
                        r.bands.add(band);
                        put(s.byBand, band, src);
                    }
                }
            });
        }
        // the canonical copy of every key the chunk's copies would give their article; the canonical copies of the
        // keys of the copies found are loaded when dedup asks for them (only for the copies that match)
        Set<String> keys = new LinkedHashSet<>();
        for (IndexedCopy c : incoming) {
            keys.add(c.ownKey());
        }
        loadCanonicals(s, keys);
    }

    /**
     * Loads the canonical copies of these keys. The copies of a key that stay unloaded are never canonical, and the
     * only change the chunk can make to them is a re-key, replayed in order when the chunk is written.
     */
    private void loadCanonicals(State s, Collection<String> keys) {
        List<String> missing = new ArrayList<>();
        for (String k : keys) {
            if (s.keys.add(k)) {
                missing.add(k);
            }
        }
        for (List<String> slice : InLists.slices(missing)) {
            jdbc.query("SELECT " + COLUMNS + " FROM dedup_copies c WHERE c.article_key IN ("
                    + InLists.marks(slice.size()) + ") AND c.is_canonical = TRUE", rs -> {
                        loaded(s, rs);
                    }, slice.toArray());
        }
    }

    private void ensureKey(String key) {
        if (!state.keys.contains(key)) {
            loadCanonicals(state, List.of(key));
        }
    }

    private void load(State s, String column, Collection<?> values, String dateRange) {
        for (List<?> slice : InLists.slices(values)) {
            List<Object> args = new ArrayList<>(slice);
            if (dateRange != null) {
                args.add(Date.valueOf(s.from));
                args.add(Date.valueOf(s.to));
            }
            jdbc.query("SELECT " + COLUMNS + " FROM dedup_copies c WHERE " + column + " IN ("
                    + InLists.marks(slice.size()) + ")" + (dateRange == null ? "" : dateRange), rs -> {
                        loaded(s, rs);
                    }, args.toArray());
        }
    }

    private static void loaded(State s, ResultSet rs) throws SQLException {
        String source = rs.getString(1);
        if (s.bySource.containsKey(source)) {
            return;
        }
        IndexedCopy copy = JdbcDedupIndex.map(rs, 0);
        Row row = new Row(copy, rs.getBoolean(16), rs.getLong(15));
        s.bySource.put(source, row);
        index(s, row);
    }

    private static void index(State s, Row r) {
        IndexedCopy c = r.copy;
        String src = c.source();
        put(s.byKey, c.articleKey(), src);
        if (c.menafnArticleNo() != null) {
            put(s.byMenafn, c.menafnArticleNo(), src);
        }
        if (c.kunaId() != null) {
            put(s.byKuna, c.kunaId(), src);
        }
        put(s.byContent, c.contentHash(), src);
        if (c.headlineHash() != null) {
            put(s.byHeadline, c.headlineHash(), src);
        }
        for (long b : r.bands) {
            put(s.byBand, b, src);
        }
    }

    private static void unindex(State s, Row r) {
        IndexedCopy c = r.copy;
        String src = c.source();
        remove(s.byKey, c.articleKey(), src);
        remove(s.byMenafn, c.menafnArticleNo(), src);
        remove(s.byKuna, c.kunaId(), src);
        remove(s.byContent, c.contentHash(), src);
        remove(s.byHeadline, c.headlineHash(), src);
        for (long b : r.bands) {
            remove(s.byBand, b, src);
        }
    }

    private static <K> void put(Map<K, Set<String>> map, K key, String source) {
        map.computeIfAbsent(key, (Function<K, Set<String>>) k -> new LinkedHashSet<>()).add(source);
    }

    private static <K> void remove(Map<K, Set<String>> map, K key, String source) {
        if (key == null) {
            return;
        }
        Set<String> set = map.get(key);
        if (set != null) {
            set.remove(source);
            if (set.isEmpty()) {
                map.remove(key);
            }
        }
    }

    private List<IndexedCopy> copies(Set<String> sources, LocalDate from, LocalDate to) {
        List<IndexedCopy> out = new ArrayList<>();
        if (sources == null) {
            return out;
        }
        for (String src : sources) {
            IndexedCopy c = state.bySource.get(src).copy;
            if (from == null || (c.date() != null && !c.date().isBefore(from) && !c.date().isAfter(to))) {
                out.add(c);
            }
        }
        return out;
    }

    private void covered(boolean loaded, String what) {
        if (!loaded) {
            throw new IllegalStateException("dedup lookup outside of what the chunk loaded: " + what);
        }
    }

    private boolean inRange(LocalDate from, LocalDate to) {
        return state.from != null && !from.isBefore(state.from) && !to.isAfter(state.to);
    }

    @Override
    public List<IndexedCopy> findByMenafnNo(long articleNo) {
        if (state == null) {
            return direct.findByMenafnNo(articleNo);
        }
        covered(state.menafn.contains(articleNo), "menafn " + articleNo);
        return copies(state.byMenafn.get(articleNo), null, null);
    }

    @Override
    public List<IndexedCopy> findByKunaId(long kunaId) {
        if (state == null) {
            return direct.findByKunaId(kunaId);
        }
        covered(state.kuna.contains(kunaId), "kuna " + kunaId);
        return copies(state.byKuna.get(kunaId), null, null);
    }

    @Override
    public List<IndexedCopy> findByContentHash(String contentHash, LocalDate from, LocalDate to) {
        if (state == null) {
            return direct.findByContentHash(contentHash, from, to);
        }
        covered(state.content.contains(contentHash) && inRange(from, to), "content " + contentHash);
        return copies(state.byContent.get(contentHash), from, to);
    }

    @Override
    public List<IndexedCopy> findByHeadlineHash(String headlineHash, LocalDate from, LocalDate to) {
        if (state == null) {
            return direct.findByHeadlineHash(headlineHash, from, to);
        }
        covered(state.headline.contains(headlineHash) && inRange(from, to), "headline " + headlineHash);
        return copies(state.byHeadline.get(headlineHash), from, to);
    }

    @Override
    public List<IndexedCopy> findByBands(long[] bands, LocalDate from, LocalDate to) {
        if (state == null) {
            return direct.findByBands(bands, from, to);
        }
        Set<String> sources = new LinkedHashSet<>();
        for (long b : bands) {
            covered(state.band.contains(b) && inRange(from, to), "band " + b);
            Set<String> s = state.byBand.get(b);
            if (s != null) {
                sources.addAll(s);
            }
        }
        return copies(sources, from, to);
    }

    @Override
    public Optional<IndexedCopy> canonical(String articleKey) {
        if (state == null) {
            return direct.canonical(articleKey);
        }
        ensureKey(articleKey);
        Set<String> sources = state.byKey.get(articleKey);
        if (sources != null) {
            for (String src : sources) {
                Row r = state.bySource.get(src);
                if (r.canonical) {
                    return Optional.of(r.copy);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<IndexedCopy> findBySource(String source) {
        if (state == null) {
            return direct.findBySource(source);
        }
        covered(state.sources.contains(source), "source " + source);
        Row r = state.bySource.get(source);
        return r == null ? Optional.empty() : Optional.of(r.copy);
    }

    @Override
    public void add(IndexedCopy copy) {
        if (state == null) {
            direct.add(copy);
            return;
        }
        if (copy.articleKey() == null) {
            throw new IllegalArgumentException("a stored copy needs an article key: " + copy.source());
        }
        Row r = state.bySource.get(copy.source());
        if (r == null) {
            r = new Row(copy, false, null);
            setBands(r);
            state.bySource.put(copy.source(), r);
        } else {
            unindex(state, r);
            r.copy = copy;
            setBands(r);
            r.replaced = true;
        }
        index(state, r);
    }

    @Override
    public void setCanonical(String articleKey, String source) {
        if (state == null) {
            direct.setCanonical(articleKey, source);
            return;
        }
        ensureKey(articleKey);
        Set<String> sources = state.byKey.get(articleKey);
        if (sources != null) {
            for (String src : sources) {
                state.bySource.get(src).canonical = src.equals(source);
            }
        }
    }

    @Override
    public void rekey(String oldKey, String newKey) {
        if (state == null) {
            direct.rekey(oldKey, newKey);
            return;
        }
        if (oldKey.equals(newKey)) {
            return;
        }
        ensureKey(oldKey);
        state.rekeys.add(new Object[] {newKey, oldKey});
        Set<String> sources = state.byKey.remove(oldKey);
        if (sources == null) {
            return;
        }
        for (String src : sources) {
            Row r = state.bySource.get(src);
            r.copy = r.copy.withKey(newKey);
            r.canonical = false;
            r.moved = true;
            put(state.byKey, newKey, src);
        }
    }

    /** Forgets the chunk's state without writing (the chunk rolled back, or is about to be retried). */
    public void discard() {
        state = null;
    }

    /** Writes what the chunk changed, with JDBC batches, and ends the chunk. */
    public void flush() {
        State s = state;
        state = null;
        if (s == null) {
            return;
        }
        List<Row> inserted = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> rewrites = new ArrayList<>();
        List<Object[]> bandDeletes = new ArrayList<>();
        List<Object[]> moves = new ArrayList<>();
        for (Row r : s.bySource.values()) {
            if (r.copyId == null) {
                inserted.add(r);
                Object[] v = values(r);
                inserts.add(v);
            } else if (r.replaced) {
                Object[] v = values(r);
                Object[] w = new Object[v.length];
                System.arraycopy(v, 0, w, 0, v.length - 1);
                w[v.length - 1] = r.copyId;
                rewrites.add(w);
                bandDeletes.add(new Object[] {r.copyId});
            } else if (r.moved || !r.copy.articleKey().equals(r.loadedKey) || r.canonical != r.loadedCanonical) {
                moves.add(new Object[] {r.copy.articleKey(), r.canonical, r.copyId});
            }
        }
        // The copies of a key that the chunk did not load are never canonical (every canonical copy of every key the
        // chunk touches was loaded), so the only change they see is the re-keys, replayed here in order. The loaded
        // copies are then written as the chunk left them.
        if (!s.rekeys.isEmpty()) {
            jdbc.batchUpdate("UPDATE dedup_copies SET article_key = ?, is_canonical = FALSE WHERE article_key = ?",
                    s.rekeys);
        }
        if (!moves.isEmpty()) {
            jdbc.batchUpdate("UPDATE dedup_copies SET article_key = ?, is_canonical = ? WHERE copy_id = ?", moves);
        }
        if (!rewrites.isEmpty()) {
            jdbc.batchUpdate("UPDATE dedup_copies SET article_key = ?, menafn_article_no = ?, kuna_id = ?, "
                    + "provider_kuna = ?, origin = ?, window_date = ?, crawl_date = ?, content_hash = ?, "
                    + "headline_hash = ?, body_length = ?, complete = ?, shingles = ?, minhash = ?, is_canonical = ? "
                    + "WHERE copy_id = ?", rewrites);
            jdbc.batchUpdate("DELETE FROM dedup_bands WHERE copy_id = ?", bandDeletes);
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO dedup_copies (article_key, menafn_article_no, kuna_id, provider_kuna, origin, "
                    + "window_date, crawl_date, content_hash, headline_hash, body_length, complete, shingles, minhash, "
                    + "is_canonical, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        }
        // the band rows of every copy written: new copies need their generated ids
        Map<String, Long> ids = new HashMap<>();
        List<String> newSources = new ArrayList<>();
        for (Row r : inserted) {
            newSources.add(r.copy.source());
        }
        for (List<String> slice : InLists.slices(newSources)) {
            jdbc.query("SELECT source, copy_id FROM dedup_copies WHERE source IN (" + InLists.marks(slice.size()) + ")",
                    rs -> {
                        ids.put(rs.getString(1), rs.getLong(2));
                    }, slice.toArray());
        }
        List<Object[]> bandRows = new ArrayList<>();
        for (Row r : s.bySource.values()) {
            if (r.copyId != null && !r.replaced) {
                continue;
            }
            long id = r.copyId != null ? r.copyId : ids.get(r.copy.source());
            if (r.copy.date() != null) {
                SqlParameterValue day = new SqlParameterValue(Types.DATE, Date.valueOf(r.copy.date()));
                for (long b : bandsOf(r.copy)) {
                    bandRows.add(new Object[] {b, day, id});
                }
            }
        }
        if (!bandRows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO dedup_bands (band_value, window_date, copy_id) VALUES (?, ?, ?)", bandRows);
        }
    }

    /** The columns of a copy in the order of the INSERT above; the last one is the source. */
    private static Object[] values(Row r) {
        IndexedCopy c = r.copy;
        return new Object[] {c.articleKey(), typed(Types.BIGINT, c.menafnArticleNo()), typed(Types.BIGINT, c.kunaId()),
                c.providerKuna(), c.origin().name(), date(c.date()), date(c.crawlDate()), c.contentHash(),
                typed(Types.VARCHAR, c.headlineHash()), c.bodyLength(), c.complete(), c.minHash().shingles(),
                Base64.getEncoder().encodeToString(c.minHash().toBytes()), r.canonical, c.source()};
    }

    private static Object typed(int type, Object value) {
        return new SqlParameterValue(type, value);
    }

    private static Object date(LocalDate d) {
        return ArticleStore.date(d);
    }
}
