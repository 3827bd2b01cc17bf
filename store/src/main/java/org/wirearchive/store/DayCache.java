package org.wirearchive.store;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wirearchive.core.dedup.IndexedCopy;
import org.wirearchive.core.dedup.MinHash;

/**
 * The committed rows of {@code dedup_copies} of whole window days, kept in memory across the chunks of one step, so
 * that the date-bounded dedup lookups (same body, same headline, MinHash bands) cost no query once a day is loaded.
 * A day is loaded with one indexed range query the first time a chunk needs it; the bands are computed from the stored
 * signature (no band table). The cache only ever holds committed state: a chunk's changes are applied
 * ({@link #apply}) after its transaction committed, and a rolled-back chunk empties the cache ({@link #clear}).
 *
 * <p>Each cached copy has an int id; the day indexes (content hash, headline hash, band value to ids) are primitive
 * tables ({@link IdPostings}), so a cached copy costs its {@link IndexedCopy} and a few hundred bytes of arrays, and
 * the band look-up of the writer ({@link #carriers}) walks ids without creating an object per candidate.
 *
 * <p>Memory is bounded: beyond {@code maxCopies} cached copies the least recently used days are dropped after a
 * commit (they are reloaded when needed again). Inputs arrive roughly in date order (archives are laid out by crawl
 * date), so the working set is the few days around the current ones. Not thread-safe: the writer is one thread.
 */
final class DayCache {

    /** A stored copy as committed. */
    record Entry(IndexedCopy copy, boolean canonical) {
    }

    private static final class Day {
        /** Ids put on this day; an id freed or reused since is skipped when the day is dropped. */
        final IntList ids = new IntList(64);
        final IdPostings byContent = new IdPostings();
        final IdPostings byHeadline = new IdPostings();
        final IdPostings byBand = new IdPostings();
    }

    private final JdbcTemplate jdbc;
    private final String columns;
    private final int maxCopies;
    private final Map<LocalDate, Day> days = new LinkedHashMap<>(64, 0.75f, true);
    /** One instance per date, shared by the cached copies. */
    private final Map<LocalDate, LocalDate> dates = new HashMap<>();

    // the copies by id; a free id has a null copy
    private IndexedCopy[] copies = new IndexedCopy[1024];
    private boolean[] canonical = new boolean[1024];
    /** The signatures of the copies, {@link MinHash#HASHES} ints each at {@code id * HASHES}, and if they are banded. */
    private int[] signatures = new int[1024 * MinHash.HASHES];
    private boolean[] banded = new boolean[1024];
    private int[] freeIds = new int[64];
    private int freeCount;
    private int nextId;
    private final Map<String, Integer> idBySource = new HashMap<>();
    /** Article key to the ids of its cached copies (exact-size arrays: most keys have one or two copies). */
    private final Map<String, int[]> idsByKey = new HashMap<>();

    /** The days the current chunk used: never dropped when it ends, the next chunk most likely needs them again. */
    private final Set<LocalDate> pinned = new java.util.HashSet<>();
    private long dayLoads;
    private long rowsLoaded;
    private final IntList scratch = new IntList(256);

    DayCache(JdbcTemplate jdbc, String columns, int maxCopies) {
        if (maxCopies < 1) {
            throw new IllegalArgumentException("the dedup cache needs room for at least one copy: " + maxCopies);
        }
        this.jdbc = jdbc;
        this.columns = columns;
        this.maxCopies = maxCopies;
    }

    /** Loads the days of {@code [from, to]} that are not cached yet (one query for all of them). */
    void ensure(LocalDate from, LocalDate to) {
        ensure(from.datesUntil(to.plusDays(1)).toList());
    }

    /** Loads every one of these days that is not cached yet (one query for all of them); pins them to this chunk. */
    void ensure(Collection<LocalDate> wanted) {
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate d : wanted) {
            pinned.add(d);
            if (days.get(d) == null) {
                missing.add(d);
            }
        }
        load(missing);
    }

    private void load(List<LocalDate> missing) {
        if (missing.isEmpty()) {
            return;
        }
        for (LocalDate d : missing) {
            days.put(d, new Day());
        }
        dayLoads += missing.size();
        for (List<LocalDate> slice : InLists.slices(missing)) {
            Object[] args = new Object[slice.size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = Date.valueOf(slice.get(i));
            }
            jdbc.query("SELECT " + columns + " FROM dedup_copies c WHERE c.window_date IN ("
                    + InLists.marks(slice.size()) + ")", (ResultSet rs) -> {
                        loaded(rs);
                    }, args);
        }
    }

    private void loaded(ResultSet rs) throws SQLException {
        IndexedCopy copy = JdbcDedupIndex.map(rs, 0);
        rowsLoaded++;
        put(copy, rs.getBoolean(15));
    }

    /** The committed copy with this source, if its day is cached. */
    Entry get(String source) {
        Integer id = idBySource.get(source);
        return id == null ? null : entry(id);
    }

    /** The cached copy with this id and whether it is canonical. */
    Entry entry(int id) {
        return new Entry(copies[id], canonical[id]);
    }

    /** The id of the cached copy with this source, or -1. */
    int id(String source) {
        Integer id = idBySource.get(source);
        return id == null ? -1 : id;
    }

    /** The cached copy with this id (a live id, from {@link #carriers}). */
    IndexedCopy copy(int id) {
        return copies[id];
    }

    /** An upper bound of the ids, for arrays indexed by id. */
    int idBound() {
        return nextId;
    }

    /** Sources on the days of {@code [from, to]} (all cached) with this content hash. */
    void content(String hash, LocalDate from, LocalDate to, Set<String> into) {
        long key = key(hash);
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            collect(day(d).byContent, key);
            for (int i = 0; i < scratch.size(); i++) {
                IndexedCopy c = copies[scratch.get(i)];
                if (c.contentHash().equals(hash)) {
                    into.add(c.source());
                }
            }
        }
    }

    /** Sources on the days of {@code [from, to]} (all cached) with this headline hash. */
    void headline(String hash, LocalDate from, LocalDate to, Set<String> into) {
        long key = key(hash);
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            collect(day(d).byHeadline, key);
            for (int i = 0; i < scratch.size(); i++) {
                IndexedCopy c = copies[scratch.get(i)];
                if (hash.equals(c.headlineHash())) {
                    into.add(c.source());
                }
            }
        }
    }

    private void collect(IdPostings postings, long key) {
        scratch.clear();
        postings.collect(key, scratch);
    }

    /**
     * Appends the ids of the copies on the days of {@code [from, to]} (all cached) that carry this band value, when
     * at most {@code limit} do; returns how many do, or -1 (and leaves {@code into} in any state) when more do.
     */
    int carriers(long band, LocalDate from, LocalDate to, IntList into, int limit) {
        int n = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            n += day(d).byBand.collect(band, into, limit - n);
            if (n > limit) {
                return -1;
            }
        }
        return n;
    }

    /**
     * The estimated similarity of {@code signature} to the cached copy {@code id}, from the cache's own array of
     * signatures (one sequential read instead of three objects); -1 when the copy is too short to have bands.
     */
    double similarity(MinHash signature, int id) {
        return banded[id] ? signature.similarity(signatures, id * MinHash.HASHES) : -1;
    }

    private Day day(LocalDate d) {
        Day day = days.get(d);
        if (day == null) {
            throw new IllegalStateException("dedup day not loaded: " + d);
        }
        return day;
    }

    /**
     * Applies a committed chunk: first the re-keys in order (to every cached copy of the old key), then the final
     * state of every copy the chunk loaded or wrote. Then drops the least recently used days beyond the bound.
     */
    void apply(List<Rekey> rekeys, Collection<Entry> finalStates) {
        for (Rekey rk : rekeys) {
            String newKey = rk.newKey();
            int[] ids = idsByKey.remove(rk.oldKey());
            if (ids == null) {
                continue;
            }
            for (int id : ids) {
                copies[id] = copies[id].withKey(newKey);
                canonical[id] = false;
                addKey(newKey, id);
            }
        }
        for (Entry e : finalStates) {
            IndexedCopy c = e.copy();
            Integer id = idBySource.get(c.source());
            if (id != null && sameContent(copies[id], c)) {
                // only the key or the canonical flag can differ: the day's indexes stay as they are
                if (!copies[id].articleKey().equals(c.articleKey())) {
                    removeKey(copies[id].articleKey(), id);
                    addKey(c.articleKey(), id);
                }
                copies[id] = withSharedDates(c);
                canonical[id] = e.canonical();
                continue;
            }
            if (id != null) {
                remove(id);
            }
            if (c.date() != null && days.containsKey(c.date())) {
                put(c, e.canonical());
            }
        }
        evict();
    }

    private static boolean sameContent(IndexedCopy a, IndexedCopy b) {
        return Objects.equals(a.date(), b.date()) && a.contentHash().equals(b.contentHash())
                && Objects.equals(a.headlineHash(), b.headlineHash()) && a.minHash().equals(b.minHash());
    }

    /** Forgets everything (a chunk rolled back: its changes may or may not be in what is cached). */
    void clear() {
        pinned.clear();
        days.clear();
        dates.clear();
        Arrays.fill(copies, 0, nextId, null);
        nextId = 0;
        freeCount = 0;
        idBySource.clear();
        idsByKey.clear();
    }

    int size() {
        return idBySource.size();
    }

    long dayLoads() {
        return dayLoads;
    }

    long rowsLoaded() {
        return rowsLoaded;
    }

    /**
     * Drops the least recently used days while more than {@code maxCopies} copies are cached, except the days the
     * chunk just used: when one chunk's window holds more copies than the bound, the bound gives way rather than
     * reloading the same days for every chunk.
     */
    private void evict() {
        Iterator<Map.Entry<LocalDate, Day>> it = days.entrySet().iterator();
        while (idBySource.size() > maxCopies && it.hasNext()) {
            Map.Entry<LocalDate, Day> next = it.next();
            LocalDate date = next.getKey();
            if (pinned.contains(date)) {
                continue;
            }
            it.remove();
            dates.remove(date);
            IntList ids = next.getValue().ids;
            for (int i = 0; i < ids.size(); i++) {
                int id = ids.get(i);
                IndexedCopy c = copies[id];
                if (c != null && date.equals(c.date())) {
                    // the day's own tables go with it: only the global ones need the copy removed
                    idBySource.remove(c.source());
                    removeKey(c.articleKey(), id);
                    free(id);
                }
            }
        }
        pinned.clear();
    }

    private void put(IndexedCopy copy, boolean isCanonical) {
        Integer old = idBySource.get(copy.source());
        if (old != null) {
            remove(old); // not expected (a source is on one day), but never two ids for one source
        }
        IndexedCopy c = withSharedDates(copy);
        int id = allocate();
        copies[id] = c;
        canonical[id] = isCanonical;
        c.minHash().copyInto(signatures, id * MinHash.HASHES);
        banded[id] = c.minHash().banded();
        idBySource.put(c.source(), id);
        addKey(c.articleKey(), id);
        Day day = days.get(c.date());
        day.ids.add(id);
        day.byContent.add(key(c.contentHash()), id);
        if (c.headlineHash() != null) {
            day.byHeadline.add(key(c.headlineHash()), id);
        }
        for (long b : c.minHash().bands()) {
            day.byBand.add(b, id);
        }
    }

    private void remove(int id) {
        IndexedCopy c = copies[id];
        idBySource.remove(c.source());
        removeKey(c.articleKey(), id);
        Day day = c.date() == null ? null : days.get(c.date());
        if (day != null) {
            day.byContent.remove(key(c.contentHash()), id);
            if (c.headlineHash() != null) {
                day.byHeadline.remove(key(c.headlineHash()), id);
            }
            for (long b : c.minHash().bands()) {
                day.byBand.remove(b, id);
            }
        }
        free(id);
    }

    private int allocate() {
        if (freeCount > 0) {
            return freeIds[--freeCount];
        }
        if (nextId == copies.length) {
            copies = Arrays.copyOf(copies, nextId * 2);
            canonical = Arrays.copyOf(canonical, nextId * 2);
            signatures = Arrays.copyOf(signatures, nextId * 2 * MinHash.HASHES);
            banded = Arrays.copyOf(banded, nextId * 2);
        }
        return nextId++;
    }

    private void free(int id) {
        copies[id] = null;
        if (freeCount == freeIds.length) {
            freeIds = Arrays.copyOf(freeIds, freeCount * 2);
        }
        freeIds[freeCount++] = id;
    }

    private void addKey(String key, int id) {
        int[] ids = idsByKey.get(key);
        if (ids == null) {
            idsByKey.put(key, new int[] {id});
        } else {
            int[] more = Arrays.copyOf(ids, ids.length + 1);
            more[ids.length] = id;
            idsByKey.put(key, more);
        }
    }

    private void removeKey(String key, int id) {
        int[] ids = idsByKey.get(key);
        if (ids == null) {
            return;
        }
        int at = -1;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return;
        }
        if (ids.length == 1) {
            idsByKey.remove(key);
            return;
        }
        int[] fewer = new int[ids.length - 1];
        System.arraycopy(ids, 0, fewer, 0, at);
        System.arraycopy(ids, at + 1, fewer, at, ids.length - at - 1);
        idsByKey.put(key, fewer);
    }

    /** The copy with the cache's one instance of each of its dates (the rows of a day would each have their own). */
    private IndexedCopy withSharedDates(IndexedCopy c) {
        LocalDate date = shared(c.date());
        LocalDate crawl = shared(c.crawlDate());
        if (date == c.date() && crawl == c.crawlDate()) {
            return c;
        }
        return new IndexedCopy(c.source(), c.articleKey(), c.menafnArticleNo(), c.kunaId(), c.providerKuna(),
                c.origin(), date, crawl, c.contentHash(), c.headlineHash(), c.bodyLength(), c.complete(), c.minHash());
    }

    private LocalDate shared(LocalDate d) {
        if (d == null || !days.containsKey(d)) {
            return d; // only the cached days' dates are kept (they are dropped with their day)
        }
        LocalDate s = dates.putIfAbsent(d, d);
        return s == null ? d : s;
    }

    /**
     * A 64-bit key of a hash string for the day tables (the full strings are compared on look-up, so a collision only
     * costs a comparison).
     */
    static long key(String hash) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < hash.length(); i++) {
            h = (h ^ hash.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /** The days that the windows of these dates cover. */
    static SortedSet<LocalDate> windows(Collection<LocalDate> dates, int windowDays) {
        SortedSet<LocalDate> out = new TreeSet<>();
        for (LocalDate d : dates) {
            for (int i = -windowDays; i <= windowDays; i++) {
                out.add(d.plusDays(i));
            }
        }
        return out;
    }
}
