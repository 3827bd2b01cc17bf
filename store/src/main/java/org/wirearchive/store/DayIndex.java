package org.wirearchive.store;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.wirearchive.core.dedup.IndexedCopy;
import org.wirearchive.core.dedup.MinHash;

/**
 * The index of the {@link DayCache}: the cached committed copies of whole days and the tables that find them. Each
 * cached copy has an int id; the day tables (content hash, headline hash, band value to ids) are primitive tables
 * ({@link IdPostings}), so a cached copy costs its {@link IndexedCopy} and a few hundred bytes of arrays, and the band
 * look-up of the writer ({@link #windowCarriers}) walks ids without creating an object per candidate. Every use of a day
 * is reported to {@code used} (the eviction orders the days by it). Not thread-safe.
 */
final class DayIndex {

    /** A stored copy as committed. */
    record Entry(IndexedCopy copy, boolean canonical) {
    }

    private static final class Day {
        /** The day, the instance the eviction knows it by. */
        final LocalDate date;
        final long epochDay;
        /** Ids put on this day; an id freed or reused since is skipped when the day is dropped. */
        final IntList ids = new IntList(64);
        final IdPostings byContent = new IdPostings();
        final IdPostings byHeadline = new IdPostings();
        final IdPostings byBand = new IdPostings();

        Day(LocalDate date) {
            this.date = date;
            this.epochDay = date.toEpochDay();
        }
    }

    private static final int BLOCK_SHIFT = 10;
    private static final int BLOCK_IDS = 1 << BLOCK_SHIFT;
    /** The signature the cached copy objects carry in place of their own (never handed out). */
    private static final MinHash POOLED = MinHash.copyOf(new int[MinHash.HASHES], 0, 0);

    private final Consumer<LocalDate> used;
    private final Map<LocalDate, Day> days = new HashMap<>();
    /** The cached days by epoch day modulo its length (a window's days never collide): no date made to find one. */
    private final Day[] byEpochDay = new Day[64];
    /** One instance per date, shared by the cached copies. */
    private final Map<LocalDate, LocalDate> dates = new HashMap<>();

    // the copies by id; a free id has a null copy
    private IndexedCopy[] copies = new IndexedCopy[1024];
    private boolean[] canonical = new boolean[1024];
    /**
     * The signatures of the copies, in blocks of {@value #BLOCK_IDS} ids: {@link MinHash#HASHES} ints each, at
     * {@code (id % BLOCK_IDS) * HASHES} of block {@code id / BLOCK_IDS}, and their shingle counts.
     * The cached {@link IndexedCopy} objects carry {@link #POOLED} instead of their own signature (a signature is 424
     * bytes as an object; at 30,000 copies a day the pinned window days hold 150,000 copies), and get it back as an
     * object only when handed out ({@link #full}). Blocks, not one array: no array of every signature copied when the
     * cache grows, and no room reserved for twice the copies.
     */
    private int[][] signatureBlocks = new int[16][];
    /**
     * The signatures' low-byte sketches ({@link MinHash#copyLowBytesInto}), in blocks as the signatures: a look-up
     * rules out most band candidates from these 96 bytes instead of reading 384 ({@link #similarAtLeast}).
     */
    private long[][] lowByteBlocks = new long[16][];
    private int[] shingles = new int[1024];
    /** When each copy was put: the value of {@link #puts} then (puts only grow, even across {@link #clear}). */
    private long[] putAt = new long[1024];
    private long puts;
    private int[] freeIds = new int[64];
    private int freeCount;
    private int nextId;
    private final Map<String, Integer> idBySource = new HashMap<>();
    /** Article key to the ids of its cached copies (exact-size arrays: most keys have one or two copies). */
    private final Map<String, int[]> idsByKey = new HashMap<>();

    private final IntList scratch = new IntList(256);
    // the days of the current look-up's window (see openWindow; also the same-body and same-headline look-ups use it)
    private Day[] window = new Day[2 * 2 + 1];
    private long[] lastUse = new long[window.length];
    private int windowSize;
    private long useClock;

    DayIndex(Consumer<LocalDate> used) {
        this.used = used;
    }

    /** True when this day is cached (not a use of it). */
    boolean hasDay(LocalDate d) {
        return days.containsKey(d);
    }

    /** Starts an empty cached day, to be filled with {@link #put}. */
    void addDay(LocalDate d) {
        Day day = new Day(d);
        days.put(d, day);
        byEpochDay[slot(day.epochDay)] = day;
    }

    /** Drops a cached day and its copies (the day's own tables go with it). */
    void dropDay(LocalDate date) {
        Day day = days.remove(date);
        if (byEpochDay[slot(day.epochDay)] == day) {
            byEpochDay[slot(day.epochDay)] = null;
        }
        dates.remove(date);
        IntList ids = day.ids;
        for (int i = 0; i < ids.size(); i++) {
            int id = ids.get(i);
            IndexedCopy c = copies[id];
            if (c != null && date.equals(c.date())) {
                // only the global tables need the copy removed
                idBySource.remove(c.source());
                removeKey(c.articleKey(), id);
                free(id);
            }
        }
    }

    /** The committed copy with this source, if its day is cached. */
    Entry get(String source) {
        Integer id = idBySource.get(source);
        return id == null ? null : entry(id);
    }

    /** The cached copy with this id and whether it is canonical. */
    Entry entry(int id) {
        return new Entry(full(id), canonical[id]);
    }

    /** The id of the cached copy with this source, or -1. */
    int id(String source) {
        Integer id = idBySource.get(source);
        return id == null ? -1 : id;
    }

    /** The id of the cached copy that is the canonical copy of this key, or -1 (none cached is). */
    int canonicalId(String articleKey) {
        int[] ids = idsByKey.get(articleKey);
        if (ids != null) {
            for (int id : ids) {
                if (canonical[id]) {
                    return id;
                }
            }
        }
        return -1;
    }

    /** The cached copy with this id (a live id, from {@link #windowCarriers}). */
    IndexedCopy copy(int id) {
        return full(id);
    }

    /** The source of the cached copy with this id (a live id): {@code copy(id).source()} without making the copy. */
    String source(int id) {
        return copies[id].source();
    }

    /** The cached copy {@code id} with its own signature object, as it was put. */
    private IndexedCopy full(int id) {
        return copies[id].withMinHash(signature(id));
    }

    /** The signature of the cached copy {@code id}, as an object of its own. */
    private MinHash signature(int id) {
        return MinHash.copyOf(block(id), offset(id), shingles[id]);
    }

    /** The block that holds the signature of copy {@code id}, at {@link #offset}. */
    private int[] block(int id) {
        return signatureBlocks[id >>> BLOCK_SHIFT];
    }

    private static int offset(int id) {
        return (id & (BLOCK_IDS - 1)) * MinHash.HASHES;
    }

    /** The block that holds the low-byte sketch of copy {@code id}, at {@link #lowByteOffset}. */
    private long[] lowByteBlock(int id) {
        return lowByteBlocks[id >>> BLOCK_SHIFT];
    }

    private static int lowByteOffset(int id) {
        return (id & (BLOCK_IDS - 1)) * MinHash.LOW_BYTE_WORDS;
    }

    /** An upper bound of the ids, for arrays indexed by id. */
    int idBound() {
        return nextId;
    }

    /** How many copies were put so far: a copy with {@link #putAt} above this value was put after it was read. */
    long puts() {
        return puts;
    }

    /** When the cached copy {@code id} was put (see {@link #puts()}). */
    long putAt(int id) {
        return putAt[id];
    }

    /** How many copies are cached. */
    int size() {
        return idBySource.size();
    }

    /** Sources on the days of {@code [from, to]} (all cached) with this content hash. */
    void content(String hash, LocalDate from, LocalDate to, Set<String> into) {
        long key = key(hash);
        int n = resolve(from, to);
        for (int k = 0; k < n; k++) {
            collect(window[k].byContent, key);
            for (int i = 0; i < scratch.size(); i++) {
                IndexedCopy c = copies[scratch.get(i)];
                if (c.contentHash().equals(hash)) {
                    into.add(c.source());
                }
            }
        }
        useInOrder(n);
    }

    /** Sources on the days of {@code [from, to]} (all cached) with this headline hash. */
    void headline(String hash, LocalDate from, LocalDate to, Set<String> into) {
        long key = key(hash);
        int n = resolve(from, to);
        for (int k = 0; k < n; k++) {
            collect(window[k].byHeadline, key);
            for (int i = 0; i < scratch.size(); i++) {
                IndexedCopy c = copies[scratch.get(i)];
                if (hash.equals(c.headlineHash())) {
                    into.add(c.source());
                }
            }
        }
        useInOrder(n);
    }

    private void collect(IdPostings postings, long key) {
        scratch.clear();
        postings.collect(key, scratch);
    }

    /**
     * Resolves the days of {@code [from, to]} (all cached) once for a series of {@link #windowCarriers} probes (one
     * band look-up at a time), so
     * that a probe costs one table look-up per day and no date arithmetic. The uses of the days are recorded and
     * reported by {@link #closeWindow} in the order the probes made them last, so the eviction sees the same order
     * of days as if every probe had reported each use at once.
     */
    void openWindow(LocalDate from, LocalDate to) {
        int n = resolve(from, to);
        windowSize = n;
        Arrays.fill(lastUse, 0, n, 0L);
        useClock = 0;
    }

    /**
     * Appends the ids of the copies on the window's days (see {@link #openWindow}) that carry this band value, when at
     * most {@code limit} do; returns how many do, or -1 (and leaves {@code into} in any state) when more do. The days
     * are used from the first on up to the day where the limit was passed.
     */
    int windowCarriers(long band, IntList into, int limit) {
        int n = 0;
        for (int k = 0; k < windowSize; k++) {
            lastUse[k] = ++useClock;
            n += window[k].byBand.collect(band, into, limit - n);
            if (n > limit) {
                return -1;
            }
        }
        return n;
    }

    /** Reports the uses of the window's days, least recent first (see {@link #openWindow}). */
    void closeWindow() {
        int n = windowSize;
        windowSize = 0;
        // at most a handful of days: pick the least recent remaining use each time
        for (int done = 0; done < n; done++) {
            int least = -1;
            for (int k = 0; k < n; k++) {
                if (lastUse[k] > 0 && (least < 0 || lastUse[k] < lastUse[least])) {
                    least = k;
                }
            }
            if (least < 0) {
                return;
            }
            used.accept(window[least].date);
            lastUse[least] = 0;
        }
    }

    /** Puts the cached days of {@code [from, to]} into {@link #window} in order, without using them; returns how many. */
    private int resolve(LocalDate from, LocalDate to) {
        long first = from.toEpochDay();
        int n = (int) (to.toEpochDay() - first + 1);
        if (n > window.length) {
            window = Arrays.copyOf(window, n);
            lastUse = Arrays.copyOf(lastUse, n);
        }
        for (int k = 0; k < n; k++) {
            Day day = day(first + k);
            if (day == null) {
                throw new IllegalStateException("dedup day not loaded: " + LocalDate.ofEpochDay(first + k));
            }
            window[k] = day;
        }
        return Math.max(n, 0);
    }

    /** True when every day of {@code [from, to]} is cached (not a use of them). */
    boolean hasDays(LocalDate from, LocalDate to) {
        for (long e = from.toEpochDay(); e <= to.toEpochDay(); e++) {
            if (day(e) == null) {
                return false;
            }
        }
        return true;
    }

    /** The instance of a cached day's date (the one the eviction knows), by its epoch day. */
    LocalDate cachedDate(long epochDay) {
        return day(epochDay).date;
    }

    /** The cached day with this epoch day, or null. */
    private Day day(long epochDay) {
        Day day = byEpochDay[slot(epochDay)];
        if (day != null && day.epochDay == epochDay) {
            return day;
        }
        day = days.get(LocalDate.ofEpochDay(epochDay));
        if (day != null) {
            byEpochDay[slot(epochDay)] = day;
        }
        return day;
    }

    private int slot(long epochDay) {
        return (int) (epochDay & (byEpochDay.length - 1));
    }

    /** Uses the first {@code n} days of {@link #window}, in order. */
    private void useInOrder(int n) {
        for (int k = 0; k < n; k++) {
            used.accept(window[k].date);
        }
    }

    /**
     * The estimated similarity of {@code signature} to the cached copy {@code id}, from the cache's own blocks of
     * signatures (one sequential read instead of three objects); -1 when the copy is too short to have bands.
     */
    double similarity(MinHash signature, int id) {
        return shingles[id] >= MinHash.MIN_SHINGLES // as MinHash.banded() decides
                ? signature.similarity(block(id), offset(id))
                : -1;
    }

    /**
     * Whether the cached copy {@code id} is at least {@code minSimilarity} similar to {@code signature}: the same answer
     * as {@code similarity(signature, id) >= minSimilarity}, given {@code signature}'s low-byte sketch
     * ({@link MinHash#copyLowBytesInto}, at 0 of {@code lowBytes}) and {@code required} =
     * {@link MinHash#requiredEqual}{@code (minSimilarity)}. A copy whose sketch shows fewer possible equal positions
     * than required is ruled out without reading its signature (most candidates of a band look-up at 30,000 copies a
     * day: the signatures' reads were a seventh of the writer's time at 1,000,000 pages).
     */
    boolean similarAtLeast(MinHash signature, long[] lowBytes, int required, double minSimilarity, int id) {
        if (shingles[id] >= MinHash.MIN_SHINGLES
                && MinHash.equalBound(lowBytes, 0, lowByteBlock(id), lowByteOffset(id)) < required) {
            return false; // fewer equal positions than required, at most: less similar than minSimilarity
        }
        return similarity(signature, id) >= minSimilarity;
    }

    /**
     * Applies a committed chunk: first the re-keys in order (to every cached copy of the old key), then the final
     * state of every copy the chunk loaded or wrote (a copy dated on a day that is not cached is left out).
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
            if (id != null && sameContent(id, c)) {
                // only the key or the canonical flag can differ: the day's tables stay as they are
                if (!copies[id].articleKey().equals(c.articleKey())) {
                    removeKey(copies[id].articleKey(), id);
                    addKey(c.articleKey(), id);
                }
                copies[id] = cached(c);
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
    }

    /** True when the cached copy {@code id} and {@code b} have the same date, hashes and signature. */
    private boolean sameContent(int id, IndexedCopy b) {
        IndexedCopy a = copies[id];
        return Objects.equals(a.date(), b.date()) && a.contentHash().equals(b.contentHash())
                && Objects.equals(a.headlineHash(), b.headlineHash()) && b.minHash().shingles() == shingles[id]
                && b.minHash().sameSignature(block(id), offset(id));
    }

    /** Forgets everything. */
    void clear() {
        days.clear();
        Arrays.fill(byEpochDay, null);
        dates.clear();
        Arrays.fill(copies, 0, nextId, null);
        Arrays.fill(signatureBlocks, null); // made again as ids are given out (384 KB a block)
        Arrays.fill(lowByteBlocks, null);
        nextId = 0;
        freeCount = 0;
        idBySource.clear();
        idsByKey.clear();
    }

    /** Adds a copy dated on a cached day. */
    void put(IndexedCopy copy, boolean isCanonical) {
        Integer old = idBySource.get(copy.source());
        if (old != null) {
            remove(old); // not expected (a source is on one day), but never two ids for one source
        }
        IndexedCopy c = cached(copy);
        int id = allocate();
        copies[id] = c;
        canonical[id] = isCanonical;
        MinHash signature = copy.minHash();
        signature.copyInto(block(id), offset(id));
        signature.copyLowBytesInto(lowByteBlock(id), lowByteOffset(id));
        shingles[id] = signature.shingles();
        putAt[id] = ++puts;
        idBySource.put(c.source(), id);
        addKey(c.articleKey(), id);
        Day day = days.get(c.date());
        used.accept(c.date());
        day.ids.add(id);
        day.byContent.add(key(c.contentHash()), id);
        if (c.headlineHash() != null) {
            day.byHeadline.add(key(c.headlineHash()), id);
        }
        for (long b : signature.bands()) {
            day.byBand.add(b, id);
        }
    }

    private void remove(int id) {
        IndexedCopy c = copies[id];
        idBySource.remove(c.source());
        removeKey(c.articleKey(), id);
        Day day = c.date() == null ? null : days.get(c.date());
        if (day != null) {
            used.accept(c.date());
            day.byContent.remove(key(c.contentHash()), id);
            if (c.headlineHash() != null) {
                day.byHeadline.remove(key(c.headlineHash()), id);
            }
            for (long b : signature(id).bands()) {
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
            shingles = Arrays.copyOf(shingles, nextId * 2);
            putAt = Arrays.copyOf(putAt, nextId * 2);
        }
        int block = nextId >>> BLOCK_SHIFT;
        if (block == signatureBlocks.length) {
            signatureBlocks = Arrays.copyOf(signatureBlocks, block * 2);
            lowByteBlocks = Arrays.copyOf(lowByteBlocks, block * 2);
        }
        if (signatureBlocks[block] == null) {
            signatureBlocks[block] = new int[BLOCK_IDS * MinHash.HASHES];
            lowByteBlocks[block] = new long[BLOCK_IDS * MinHash.LOW_BYTE_WORDS];
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

    /**
     * The copy as the cache keeps it: with the cache's one instance of each of its dates (the rows of a day would each
     * have their own) and {@link #POOLED} for its signature (kept in the blocks).
     */
    private IndexedCopy cached(IndexedCopy c) {
        return new IndexedCopy(c.source(), c.articleKey(), c.menafnArticleNo(), c.kunaId(), c.providerKuna(),
                c.origin(), shared(c.date()), shared(c.crawlDate()), c.contentHash(), c.headlineHash(), c.bodyLength(),
                c.complete(), POOLED);
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
}
