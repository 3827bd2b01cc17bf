package org.wirearchive.store;

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
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.wirearchive.core.dedup.DedupIndex;
import org.wirearchive.core.dedup.Deduplicator;
import org.wirearchive.core.dedup.IndexedCopy;
import org.wirearchive.core.dedup.MinHash;

/**
 * The dedup index as one step's writer sees it: the same table and the same semantics as {@link JdbcDedupIndex}, served
 * a chunk at a time. {@link #begin} loads, in a few set-based queries, the copies the chunk's copies can match by
 * identity (the same sources, MENAFN numbers and KUNA ids, and the canonical copies of the keys they would give);
 * the date-bounded lookups (same body, same headline, MinHash bands) are answered from a {@link DayCache} of whole
 * window days that lives across chunks (a day costs one query the first time it is needed, then nothing). The
 * lookups and writes of {@link Deduplicator} are served and recorded in memory (so the copies of one chunk see each
 * other), and {@link #flush()} writes the chunk's changes with JDBC batches, in the chunk's transaction; the day cache
 * takes the changes only once that transaction committed, and is emptied when it rolls back.
 *
 * <p>Copies of a key that the chunk did not load are never canonical (every canonical copy of every key the chunk
 * touches is loaded), so the only change the chunk can make to them is a re-key, replayed in order when the chunk is
 * written (and applied to a cached copy when a lookup brings it into the chunk). Memory is bounded by the chunk, the
 * articles it touches and the cache's bound, never by the archive. Outside a chunk ({@link #begin} not called) every
 * call goes to the database directly.
 */
public class ChunkDedupIndex implements DedupIndex {

    /** Default bound of the day cache, in copies (about 1 to 2 KB of heap each). */
    public static final int DEFAULT_CACHE_COPIES = 50_000;

    private static final String COLUMNS = "c.source, c.article_key, c.menafn_article_no, c.kuna_id, c.provider_kuna, "
            + "c.origin, c.window_date, c.crawl_date, c.content_hash, c.headline_hash, c.body_length, c.complete, "
            + "c.shingles, c.minhash, c.is_canonical";

    private final JdbcTemplate jdbc;
    private final JdbcDedupIndex direct;
    private final DayCache days;

    private final BandSearch bandSearch;

    /** The chunk's state; null outside a chunk. */
    private State state;

    /** The chunk as the band search sees it. */
    private final BandSearch.Chunk chunkView = new BandSearch.Chunk() {
        @Override
        public int rows() {
            return state.bySource.size();
        }

        @Override
        public boolean holds(String source) {
            return state.bySource.containsKey(source);
        }

        @Override
        public void carriers(long band, LocalDate from, LocalDate to, List<IndexedCopy> into) {
            Set<String> own = state.byBand.get(band);
            if (own != null) {
                for (String src : own) {
                    Row r = state.bySource.get(src);
                    if (inWindow(r.copy, from, to)) {
                        into.add(r.copy);
                    }
                }
            }
        }

        @Override
        public IndexedCopy rekeyed(IndexedCopy c) {
            return ChunkDedupIndex.this.rekeyed(c);
        }
    };

    public ChunkDedupIndex(JdbcTemplate jdbc) {
        this(jdbc, DEFAULT_CACHE_COPIES);
    }

    public ChunkDedupIndex(JdbcTemplate jdbc, int cacheCopies) {
        this.jdbc = jdbc;
        this.direct = new JdbcDedupIndex(jdbc);
        this.days = new DayCache(jdbc, COLUMNS, cacheCopies);
        this.bandSearch = new BandSearch(days);
    }

    /** One copy as the chunk sees it, and as it was in the database when loaded. */
    private static final class Row {
        IndexedCopy copy;
        boolean canonical;
        final boolean stored; // false: added in this chunk
        final String loadedKey;
        final boolean loadedCanonical;
        boolean replaced; // its content was rewritten by add()
        boolean moved; // re-keyed in this chunk
        /** The band values of its current content (none when undated). */
        long[] bands;

        Row(IndexedCopy copy, boolean canonical, boolean stored) {
            this(copy, canonical, stored, bandsOf(copy));
        }

        Row(IndexedCopy copy, boolean canonical, boolean stored, long[] bands) {
            this.copy = copy;
            this.canonical = canonical;
            this.stored = stored;
            this.loadedKey = copy.articleKey();
            this.loadedCanonical = canonical;
            this.bands = bands;
        }
    }

    private static long[] bandsOf(IndexedCopy c) {
        return c.date() == null ? new long[0] : c.minHash().bands();
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
        final Set<String> keys = new HashSet<>();
        /** The re-keys of the chunk, in order. */
        final List<Rekey> rekeys = new ArrayList<>();
    }

    /** Loads every identity candidate of the chunk's copies and the window days of their dates; starts recording. */
    public void begin(List<IndexedCopy> incoming) {
        State s = new State();
        bandSearch.nextChunk();
        List<LocalDate> dates = new ArrayList<>();
        for (IndexedCopy c : incoming) {
            s.sources.add(c.source());
            if (c.menafnArticleNo() != null) {
                s.menafn.add(c.menafnArticleNo());
            }
            if (c.kunaId() != null) {
                s.kuna.add(c.kunaId());
            }
            if (c.date() != null) {
                dates.add(c.date());
            }
        }
        state = s;
        days.ensure(DayCache.windows(dates, Deduplicator.WINDOW_DAYS));
        load(s, "c.source", s.sources);
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

    private void load(State s, String column, Collection<?> values) {
        for (List<?> slice : InLists.slices(values)) {
            jdbc.query("SELECT " + COLUMNS + " FROM dedup_copies c WHERE " + column + " IN ("
                    + InLists.marks(slice.size()) + ")", rs -> {
                        loaded(s, rs);
                    }, slice.toArray());
        }
    }

    private void loaded(State s, ResultSet rs) throws SQLException {
        String source = rs.getString(1);
        if (s.bySource.containsKey(source)) {
            return;
        }
        int cached = days.id(source);
        if (cached >= 0) {
            // the same committed row: take the cached one
            pull(s, days.entry(cached));
            bandSearch.markHeld(cached);
            return;
        }
        Row row = new Row(JdbcDedupIndex.map(rs, 0), rs.getBoolean(15), true);
        s.bySource.put(source, row);
        index(s, row);
    }

    /**
     * Brings a cached (committed) copy into the chunk, with the chunk's re-keys so far applied to it as the database
     * will apply them when the chunk is written.
     */
    private static Row pull(State s, DayIndex.Entry e) {
        IndexedCopy c = e.copy();
        boolean canonical = e.canonical();
        boolean moved = false;
        for (Rekey rk : s.rekeys) {
            if (c.articleKey().equals(rk.oldKey())) {
                c = c.withKey(rk.newKey());
                canonical = false;
                moved = true;
            }
        }
        Row row = new Row(e.copy(), e.canonical(), true);
        row.copy = c;
        row.canonical = canonical;
        row.moved = moved;
        s.bySource.put(c.source(), row);
        index(s, row);
        return row;
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
            if (from == null || inWindow(c, from, to)) {
                out.add(c);
            }
        }
        return out;
    }

    private static boolean inWindow(IndexedCopy c, LocalDate from, LocalDate to) {
        return c.date() != null && !c.date().isBefore(from) && !c.date().isAfter(to);
    }

    /**
     * The copies with these sources (found in the day cache or in the chunk's own indexes) that lie in
     * {@code [from, to]} and pass {@code test}: the chunk's own row when it has one (it may have been rewritten in
     * this chunk, so it is tested again), else the cached committed copy, which the day indexes found on a day of the
     * range under the value looked up, with the chunk's re-keys so far applied, as the database will apply them. A
     * cached copy that is not in the chunk is not canonical for any key the chunk touches, and dedup never writes it,
     * so it need not be brought into the chunk.
     */
    private List<IndexedCopy> dated(Set<String> sources, LocalDate from, LocalDate to, Predicate<IndexedCopy> test) {
        List<IndexedCopy> out = new ArrayList<>();
        for (String src : sources) {
            Row r = state.bySource.get(src);
            if (r != null) {
                if (inWindow(r.copy, from, to) && test.test(r.copy)) {
                    out.add(r.copy);
                }
                continue;
            }
            out.add(rekeyed(days.get(src).copy()));
        }
        return out;
    }

    private void covered(boolean loaded, String what) {
        if (!loaded) {
            throw new IllegalStateException("dedup lookup outside of what the chunk loaded: " + what);
        }
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
        days.ensure(from, to);
        Set<String> sources = new LinkedHashSet<>();
        days.content(contentHash, from, to, sources);
        addAll(state.byContent.get(contentHash), sources);
        return dated(sources, from, to, c -> c.contentHash().equals(contentHash));
    }

    @Override
    public List<IndexedCopy> findByHeadlineHash(String headlineHash, LocalDate from, LocalDate to) {
        if (state == null) {
            return direct.findByHeadlineHash(headlineHash, from, to);
        }
        days.ensure(from, to);
        Set<String> sources = new LinkedHashSet<>();
        days.headline(headlineHash, from, to, sources);
        addAll(state.byHeadline.get(headlineHash), sources);
        return dated(sources, from, to, c -> headlineHash.equals(c.headlineHash()));
    }

    @Override
    public List<IndexedCopy> findByBands(long[] bands, LocalDate from, LocalDate to) {
        if (state == null) {
            return direct.findByBands(bands, from, to);
        }
        return bandSearch.candidates(bands, from, to, null, 0, chunkView);
    }

    /**
     * The band candidates at least {@code minSimilarity} similar, as {@link #findByBands} followed by the test of
     * {@link DedupIndex#findSimilar} would give them, without materialising the others.
     */
    @Override
    public List<IndexedCopy> findSimilar(MinHash signature, LocalDate from, LocalDate to, double minSimilarity) {
        if (state == null) {
            return direct.findSimilar(signature, from, to, minSimilarity);
        }
        long[] bands = signature.bands();
        return bands.length == 0 ? List.of()
                : bandSearch.candidates(bands, from, to, signature, minSimilarity, chunkView);
    }

    /** A committed copy with the chunk's re-keys so far applied, as the database will apply them. */
    private IndexedCopy rekeyed(IndexedCopy c) {
        for (Rekey rk : state.rekeys) {
            if (c.articleKey().equals(rk.oldKey())) {
                c = c.withKey(rk.newKey());
            }
        }
        return c;
    }

    private static void addAll(Set<String> from, Set<String> into) {
        if (from != null) {
            into.addAll(from);
        }
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
            r = new Row(copy, false, false);
            state.bySource.put(copy.source(), r);
        } else {
            unindex(state, r);
            r.copy = copy;
            r.bands = bandsOf(copy);
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
        state.rekeys.add(new Rekey(newKey, oldKey));
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

    /** How many window days were loaded from the database, and how many copies, since this index was made. */
    public String cacheStatistics() {
        return days.dayLoads() + " day loads, " + days.rowsLoaded() + " copies loaded, " + days.size() + " cached";
    }

    /**
     * Writes what the chunk changed, with JDBC batches, and ends the chunk. The day cache takes the chunk's final
     * state after the surrounding transaction commits (at once when there is none), and is emptied on a rollback.
     */
    public void flush() {
        State s = state;
        state = null;
        if (s == null) {
            return;
        }
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> rewrites = new ArrayList<>();
        List<Object[]> moves = new ArrayList<>();
        List<DayIndex.Entry> finalStates = new ArrayList<>(s.bySource.size());
        for (Row r : s.bySource.values()) {
            finalStates.add(new DayIndex.Entry(r.copy, r.canonical));
            if (!r.stored) {
                inserts.add(values(r));
            } else if (r.replaced) {
                rewrites.add(values(r));
            } else if (r.moved || !r.copy.articleKey().equals(r.loadedKey) || r.canonical != r.loadedCanonical) {
                moves.add(new Object[] {r.copy.articleKey(), r.canonical, r.copy.source()});
            }
        }
        // The copies of a key that the chunk did not load are never canonical (every canonical copy of every key the
        // chunk touches was loaded), so the only change they see is the re-keys, replayed here in order. The loaded
        // copies are then written as the chunk left them.
        if (!s.rekeys.isEmpty()) {
            jdbc.batchUpdate("UPDATE dedup_copies SET article_key = ?, is_canonical = FALSE WHERE article_key = ?",
                    s.rekeys.stream().map(rk -> new Object[] {rk.newKey(), rk.oldKey()}).toList());
        }
        if (!moves.isEmpty()) {
            jdbc.batchUpdate("UPDATE dedup_copies SET article_key = ?, is_canonical = ? WHERE source = ?", moves);
        }
        if (!rewrites.isEmpty()) {
            jdbc.batchUpdate("UPDATE dedup_copies SET article_key = ?, menafn_article_no = ?, kuna_id = ?, "
                    + "provider_kuna = ?, origin = ?, window_date = ?, crawl_date = ?, content_hash = ?, "
                    + "headline_hash = ?, body_length = ?, complete = ?, shingles = ?, minhash = ?, is_canonical = ? "
                    + "WHERE source = ?", rewrites);
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO dedup_copies (article_key, menafn_article_no, kuna_id, provider_kuna, origin, "
                    + "window_date, crawl_date, content_hash, headline_hash, body_length, complete, shingles, minhash, "
                    + "is_canonical, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        }
        List<Rekey> rekeys = s.rekeys;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_COMMITTED) {
                        days.apply(rekeys, finalStates);
                    } else {
                        days.clear();
                    }
                }
            });
        } else {
            days.apply(rekeys, finalStates);
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
