package org.wirearchive.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.wirearchive.core.dedup.DedupIndex;
import org.wirearchive.core.dedup.Deduplicator;
import org.wirearchive.core.dedup.IndexedCopy;
import org.wirearchive.core.dedup.MinHash;

/**
 * The unit of work of one chunk of {@link ChunkDedupIndex}: the copies the chunk loaded (its identity candidates,
 * prefetched when it starts) and the changes dedup made to them, served and recorded in memory, so the copies of one
 * chunk see each other; {@link #write()} writes the changes with JDBC batches. The date-bounded lookups go to the
 * {@link DayCache} (committed copies) and the chunk's own rows; the band search to {@link BandSearch}.
 *
 * <p>Copies of a key that the chunk did not load are never canonical (every canonical copy of every key the chunk
 * touches is loaded), so the only change the chunk can make to them is a re-key, replayed in order when the chunk is
 * written (and applied to a cached copy when a lookup brings it into the chunk). Not thread-safe.
 */
final class DedupChunk implements DedupIndex, BandSearch.Chunk {

    /** What a written chunk leaves for the day cache once its transaction committed. */
    record Written(List<Rekey> rekeys, List<DayIndex.Entry> finalStates) {
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
        boolean pulled; // taken from the day cache (its copy is the cached one)
        /** The band values of its current content (none when undated). */
        long[] bands;
        /** Its number in {@code rowList}, set when it is first indexed. */
        int number = -1;

        Row(IndexedCopy copy, boolean canonical, boolean stored) {
            this.copy = copy;
            this.canonical = canonical;
            this.stored = stored;
            this.loadedKey = copy.articleKey();
            this.loadedCanonical = canonical;
            this.bands = bandsOf(copy);
        }

        /** True when it was taken from the day cache and the chunk changed nothing of it. */
        boolean cachedAsIs() {
            return pulled && !replaced && !moved && copy.articleKey().equals(loadedKey) && canonical == loadedCanonical;
        }

        /** True when only its key or canonical flag changed since it was loaded. */
        boolean movedOnly() {
            return stored && !replaced
                    && (moved || !copy.articleKey().equals(loadedKey) || canonical != loadedCanonical);
        }
    }

    private final JdbcTemplate jdbc;
    private final DayCache days;
    private final BandSearch bandSearch;

    private final Map<String, Row> bySource = new LinkedHashMap<>();
    private final Map<String, Set<String>> byKey = new HashMap<>();
    private final Map<Long, Set<String>> byMenafn = new HashMap<>();
    private final Map<Long, Set<String>> byKuna = new HashMap<>();
    private final Map<String, Set<String>> byContent = new HashMap<>();
    private final Map<String, Set<String>> byHeadline = new HashMap<>();
    /** Band value to the numbers of the rows ({@link #rowList}) that carry it. */
    private final IdPostings byBand = new IdPostings();
    /** The rows by number, in the order they were taken. */
    private final List<Row> rowList = new ArrayList<>();
    private final IntList bandRows = new IntList(16);
    // what was loaded: a lookup outside of it would be answered wrongly, so it is refused
    private final Set<String> sources = new HashSet<>();
    private final Set<Long> menafn = new HashSet<>();
    private final Set<Long> kuna = new HashSet<>();
    private final Set<String> keys = new HashSet<>();
    /** The re-keys of the chunk, in order. */
    private final List<Rekey> rekeys = new ArrayList<>();

    /** Loads every identity candidate of the chunk's copies and the window days of their dates. */
    DedupChunk(JdbcTemplate jdbc, DayCache days, BandSearch bandSearch, List<IndexedCopy> incoming) {
        this.jdbc = jdbc;
        this.days = days;
        this.bandSearch = bandSearch;
        List<LocalDate> dates = new ArrayList<>();
        for (IndexedCopy c : incoming) {
            sources.add(c.source());
            if (c.menafnArticleNo() != null) {
                menafn.add(c.menafnArticleNo());
            }
            if (c.kunaId() != null) {
                kuna.add(c.kunaId());
            }
            if (c.date() != null) {
                dates.add(c.date());
            }
        }
        days.ensure(DayCache.windows(dates, Deduplicator.WINDOW_DAYS));
        bandSearch.nextChunk(); // after the window days are cached, before any row is taken
        for (List<String> slice : InLists.slices(sources)) {
            select("c.source IN (" + InLists.marks(slice.size()) + ")", slice.toArray());
        }
        for (List<Long> slice : InLists.unpaddedSlices(menafn)) {
            select("c.menafn_article_no IN (" + InLists.literals(slice) + ")");
        }
        for (List<Long> slice : InLists.unpaddedSlices(kuna)) {
            select("c.kuna_id IN (" + InLists.literals(slice) + ")");
        }
        // the canonical copy of every key the chunk's copies would give their article; the canonical copies of the
        // keys of the copies found are loaded when dedup asks for them (only for the copies that match)
        Set<String> own = new LinkedHashSet<>();
        for (IndexedCopy c : incoming) {
            own.add(c.ownKey());
        }
        loadCanonicals(own);
    }

    // ---- loading

    private void select(String where, Object... args) {
        jdbc.query("SELECT " + DedupCopies.COLUMNS_AND_CANONICAL + " FROM dedup_copies c WHERE " + where, rs -> {
            loaded(rs);
        }, args);
    }

    /**
     * Loads the canonical copies of these keys. The copies of a key that stay unloaded are never canonical, and the
     * only change the chunk can make to them is a re-key, replayed in order when the chunk is written. A key has at
     * most one committed canonical copy, so when the day cache holds it, it is the row the query would return: it is
     * taken from the cache, and only the other keys are queried.
     */
    private void loadCanonicals(Collection<String> wanted) {
        List<String> missing = new ArrayList<>();
        for (String k : wanted) {
            if (keys.add(k)) {
                int cached = days.canonicalId(k);
                if (cached < 0) {
                    missing.add(k);
                } else if (!bySource.containsKey(days.source(cached))) {
                    takeCached(cached);
                }
            }
        }
        for (List<String> slice : InLists.slices(missing)) {
            select("c.article_key IN (" + InLists.marks(slice.size()) + ") AND c.is_canonical = TRUE",
                    slice.toArray());
        }
    }

    private void ensureKey(String key) {
        if (!keys.contains(key)) {
            loadCanonicals(List.of(key));
        }
    }

    private void loaded(ResultSet rs) throws SQLException {
        String source = rs.getString(1);
        if (bySource.containsKey(source)) {
            return;
        }
        int cached = days.id(source);
        if (cached >= 0) {
            // the same committed row: take the cached one
            takeCached(cached);
            return;
        }
        Row row = new Row(DedupCopies.map(rs, 0), DedupCopies.canonical(rs), true);
        bySource.put(source, row);
        index(row);
    }

    private void takeCached(int id) {
        pull(days.entry(id));
        bandSearch.markHeld(id);
    }

    /**
     * Brings a cached (committed) copy into the chunk, with the chunk's re-keys so far applied to it as the database
     * will apply them when the chunk is written.
     */
    private void pull(DayIndex.Entry e) {
        Row row = new Row(e.copy(), e.canonical(), true);
        row.pulled = true;
        for (Rekey rk : rekeys) {
            if (row.copy.articleKey().equals(rk.oldKey())) {
                row.copy = row.copy.withKey(rk.newKey());
                row.canonical = false;
                row.moved = true;
            }
        }
        bySource.put(row.copy.source(), row);
        index(row);
    }

    // ---- the chunk's own indexes

    private static long[] bandsOf(IndexedCopy c) {
        return c.date() == null ? new long[0] : c.minHash().bands();
    }

    private void index(Row r) {
        if (r.number < 0) {
            r.number = rowList.size();
            rowList.add(r);
        }
        IndexedCopy c = r.copy;
        String src = c.source();
        put(byKey, c.articleKey(), src);
        if (c.menafnArticleNo() != null) {
            put(byMenafn, c.menafnArticleNo(), src);
        }
        if (c.kunaId() != null) {
            put(byKuna, c.kunaId(), src);
        }
        put(byContent, c.contentHash(), src);
        if (c.headlineHash() != null) {
            put(byHeadline, c.headlineHash(), src);
        }
        for (long b : r.bands) {
            byBand.add(b, r.number);
        }
    }

    private void unindex(Row r) {
        IndexedCopy c = r.copy;
        String src = c.source();
        remove(byKey, c.articleKey(), src);
        remove(byMenafn, c.menafnArticleNo(), src);
        remove(byKuna, c.kunaId(), src);
        remove(byContent, c.contentHash(), src);
        remove(byHeadline, c.headlineHash(), src);
        for (long b : r.bands) {
            byBand.remove(b, r.number);
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

    private List<IndexedCopy> copies(Set<String> found) {
        List<IndexedCopy> out = new ArrayList<>();
        if (found != null) {
            for (String src : found) {
                out.add(bySource.get(src).copy);
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
    private List<IndexedCopy> dated(Set<String> found, LocalDate from, LocalDate to, Predicate<IndexedCopy> test) {
        List<IndexedCopy> out = new ArrayList<>();
        for (String src : found) {
            Row r = bySource.get(src);
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

    private static void covered(boolean loaded, String what) {
        if (!loaded) {
            throw new IllegalStateException("dedup lookup outside of what the chunk loaded: " + what);
        }
    }

    private static void addAll(Set<String> from, Set<String> into) {
        if (from != null) {
            into.addAll(from);
        }
    }

    // ---- the dedup index, as the chunk serves it

    @Override
    public List<IndexedCopy> findByMenafnNo(long articleNo) {
        covered(menafn.contains(articleNo), "menafn " + articleNo);
        return copies(byMenafn.get(articleNo));
    }

    @Override
    public List<IndexedCopy> findByKunaId(long kunaId) {
        covered(kuna.contains(kunaId), "kuna " + kunaId);
        return copies(byKuna.get(kunaId));
    }

    @Override
    public List<IndexedCopy> findByContentHash(String contentHash, LocalDate from, LocalDate to) {
        days.ensure(from, to);
        Set<String> found = new LinkedHashSet<>();
        days.content(contentHash, from, to, found);
        addAll(byContent.get(contentHash), found);
        return dated(found, from, to, c -> c.contentHash().equals(contentHash));
    }

    @Override
    public List<IndexedCopy> findByHeadlineHash(String headlineHash, LocalDate from, LocalDate to) {
        days.ensure(from, to);
        Set<String> found = new LinkedHashSet<>();
        days.headline(headlineHash, from, to, found);
        addAll(byHeadline.get(headlineHash), found);
        return dated(found, from, to, c -> headlineHash.equals(c.headlineHash()));
    }

    @Override
    public List<IndexedCopy> findByBands(long[] bands, LocalDate from, LocalDate to) {
        return bandSearch.candidates(bands, from, to, null, 0, this);
    }

    /**
     * The band candidates at least {@code minSimilarity} similar, as {@link #findByBands} followed by the test of
     * {@link DedupIndex#findSimilar} would give them, without materialising the others.
     */
    @Override
    public List<IndexedCopy> findSimilar(MinHash signature, LocalDate from, LocalDate to, double minSimilarity) {
        long[] bands = signature.bands();
        return bands.length == 0 ? List.of() : bandSearch.candidates(bands, from, to, signature, minSimilarity, this);
    }

    @Override
    public Optional<IndexedCopy> canonical(String articleKey) {
        ensureKey(articleKey);
        Set<String> found = byKey.get(articleKey);
        if (found != null) {
            for (String src : found) {
                Row r = bySource.get(src);
                if (r.canonical) {
                    return Optional.of(r.copy);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<IndexedCopy> findBySource(String source) {
        covered(sources.contains(source), "source " + source);
        Row r = bySource.get(source);
        return r == null ? Optional.empty() : Optional.of(r.copy);
    }

    @Override
    public void add(IndexedCopy copy) {
        if (copy.articleKey() == null) {
            throw new IllegalArgumentException("a stored copy needs an article key: " + copy.source());
        }
        Row r = bySource.get(copy.source());
        if (r == null) {
            r = new Row(copy, false, false);
            bySource.put(copy.source(), r);
        } else {
            unindex(r);
            r.copy = copy;
            r.bands = bandsOf(copy);
            r.replaced = true;
        }
        index(r);
    }

    @Override
    public void setCanonical(String articleKey, String source) {
        ensureKey(articleKey);
        Set<String> found = byKey.get(articleKey);
        if (found != null) {
            for (String src : found) {
                bySource.get(src).canonical = src.equals(source);
            }
        }
    }

    @Override
    public void rekey(String oldKey, String newKey) {
        if (oldKey.equals(newKey)) {
            return;
        }
        ensureKey(oldKey);
        rekeys.add(new Rekey(newKey, oldKey));
        Set<String> moved = byKey.remove(oldKey);
        if (moved == null) {
            return;
        }
        for (String src : moved) {
            Row r = bySource.get(src);
            r.copy = r.copy.withKey(newKey);
            r.canonical = false;
            r.moved = true;
            put(byKey, newKey, src);
        }
    }

    // ---- the chunk as the band search sees it

    @Override
    public int rows() {
        return bySource.size();
    }

    @Override
    public boolean holds(String source) {
        return bySource.containsKey(source);
    }

    @Override
    public void carriers(long band, LocalDate from, LocalDate to, List<IndexedCopy> into) {
        IntList own = bandRows;
        own.clear();
        byBand.collect(band, own);
        for (int i = 0; i < own.size(); i++) {
            Row r = rowList.get(own.get(i));
            if (inWindow(r.copy, from, to)) {
                into.add(r.copy);
            }
        }
    }

    /** A committed copy with the chunk's re-keys so far applied, as the database will apply them. */
    @Override
    public IndexedCopy rekeyed(IndexedCopy c) {
        for (int i = 0; i < rekeys.size(); i++) {
            Rekey rk = rekeys.get(i);
            if (c.articleKey().equals(rk.oldKey())) {
                c = c.withKey(rk.newKey());
            }
        }
        return c;
    }

    // ---- writing

    /**
     * Writes what the chunk changed, with JDBC batches, in the caller's transaction; returns what the day cache takes
     * once that transaction committed.
     */
    Written write() {
        List<DayIndex.Entry> inserts = new ArrayList<>();
        List<DayIndex.Entry> rewrites = new ArrayList<>();
        List<Row> moves = new ArrayList<>();
        List<DayIndex.Entry> finalStates = new ArrayList<>(bySource.size());
        for (Row r : bySource.values()) {
            if (r.cachedAsIs()) {
                continue; // the cache holds it as it is: nothing to write, nothing to apply
            }
            DayIndex.Entry now = new DayIndex.Entry(r.copy, r.canonical);
            finalStates.add(now);
            if (!r.stored) {
                inserts.add(now);
            } else if (r.replaced) {
                rewrites.add(now);
            } else if (r.movedOnly()) {
                moves.add(r);
            }
        }
        // The copies of a key that the chunk did not load are never canonical (every canonical copy of every key the
        // chunk touches was loaded), so the only change they see is the re-keys, replayed here in order. The loaded
        // copies are then written as the chunk left them.
        if (!rekeys.isEmpty()) {
            jdbc.batchUpdate("UPDATE dedup_copies SET article_key = ?, is_canonical = FALSE WHERE article_key = ?",
                    rekeys, rekeys.size(), (ps, rk) -> {
                        ps.setString(1, rk.newKey());
                        ps.setString(2, rk.oldKey());
                    });
        }
        if (!moves.isEmpty()) {
            jdbc.batchUpdate("UPDATE dedup_copies SET article_key = ?, is_canonical = ? WHERE source = ?", moves,
                    moves.size(), (ps, r) -> {
                        ps.setString(1, r.copy.articleKey());
                        ps.setBoolean(2, r.canonical);
                        ps.setString(3, r.copy.source());
                    });
        }
        DedupCopies.rewrite(jdbc, rewrites);
        DedupCopies.insert(jdbc, inserts);
        return new Written(List.copyOf(rekeys), finalStates);
    }
}
