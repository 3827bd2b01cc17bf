package org.wirearchive.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wirearchive.core.dedup.IndexedCopy;
import org.wirearchive.core.dedup.MinHash;

/**
 * The committed rows of {@code dedup_copies} of whole window days, kept in memory across the chunks of one step, so
 * that the date-bounded dedup lookups (same body, same headline, MinHash bands) cost no query once a day is loaded.
 * A day is loaded with one indexed range query the first time a chunk needs it ({@link DayLoader}); the bands are
 * computed from the stored signature (no band table) and the copies are found through the {@link DayIndex}. The cache
 * only ever holds committed state: a chunk's changes are applied ({@link #apply}) after its transaction committed,
 * and a rolled-back chunk empties the cache ({@link #clear}).
 *
 * <p>Memory is bounded: beyond {@code maxCopies} cached copies the least recently used days are dropped after a
 * commit ({@link DayEviction}; they are reloaded when needed again). Inputs arrive roughly in date order (archives are
 * laid out by crawl date), so the working set is the few days around the current ones. Not thread-safe: the writer is
 * one thread.
 */
final class DayCache {

    private final DayLoader loader;
    private final DayEviction eviction;
    private final DayIndex index;

    DayCache(JdbcTemplate jdbc, String columns, int maxCopies) {
        this.eviction = new DayEviction(maxCopies);
        this.loader = new DayLoader(jdbc, columns);
        this.index = new DayIndex(eviction::used);
    }

    /** Loads the days of {@code [from, to]} that are not cached yet (one query for all of them). */
    void ensure(LocalDate from, LocalDate to) {
        if (!index.hasDays(from, to)) {
            ensure(from.datesUntil(to.plusDays(1)).toList());
            return;
        }
        // the usual case, every day cached: the same pins and uses in the same order, without making a date
        for (long e = from.toEpochDay(); e <= to.toEpochDay(); e++) {
            LocalDate d = index.cachedDate(e);
            eviction.pin(d);
            eviction.used(d);
        }
    }

    /** Loads every one of these days that is not cached yet (one query for all of them); pins them to this chunk. */
    void ensure(Collection<LocalDate> wanted) {
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate d : wanted) {
            eviction.pin(d);
            if (index.hasDay(d)) {
                eviction.used(d);
            } else {
                missing.add(d);
            }
        }
        for (LocalDate d : missing) {
            index.addDay(d);
            eviction.added(d);
        }
        loader.load(missing, index::put);
    }

    /** The committed copy with this source, if its day is cached. */
    DayIndex.Entry get(String source) {
        return index.get(source);
    }

    /** The cached copy with this id and whether it is canonical. */
    DayIndex.Entry entry(int id) {
        return index.entry(id);
    }

    /** The id of the cached copy with this source, or -1. */
    int id(String source) {
        return index.id(source);
    }

    /** See {@link DayIndex#canonicalId}. */
    int canonicalId(String articleKey) {
        return index.canonicalId(articleKey);
    }

    /** The cached copy with this id (a live id, from {@link #windowCarriers}). */
    IndexedCopy copy(int id) {
        return index.copy(id);
    }

    /** The source of the cached copy with this id (a live id), without making the copy. */
    String source(int id) {
        return index.source(id);
    }

    /** An upper bound of the ids, for arrays indexed by id. */
    int idBound() {
        return index.idBound();
    }

    /** Sources on the days of {@code [from, to]} (all cached) with this content hash. */
    void content(String hash, LocalDate from, LocalDate to, Set<String> into) {
        index.content(hash, from, to, into);
    }

    /** Sources on the days of {@code [from, to]} (all cached) with this headline hash. */
    void headline(String hash, LocalDate from, LocalDate to, Set<String> into) {
        index.headline(hash, from, to, into);
    }

    /** See {@link DayIndex#openWindow}. */
    void openWindow(LocalDate from, LocalDate to) {
        index.openWindow(from, to);
    }

    /** See {@link DayIndex#windowCarriers}. */
    int windowCarriers(long band, IntList into, int limit) {
        return index.windowCarriers(band, into, limit);
    }

    /** See {@link DayIndex#similarAtLeast}. */
    boolean similarAtLeast(MinHash signature, long[] lowBytes, int required, double minSimilarity, int id) {
        return index.similarAtLeast(signature, lowBytes, required, minSimilarity, id);
    }

    /** See {@link DayIndex#closeWindow}. */
    void closeWindow() {
        index.closeWindow();
    }

    /** See {@link DayIndex#puts()}. */
    long puts() {
        return index.puts();
    }

    /** See {@link DayIndex#putAt}. */
    long putAt(int id) {
        return index.putAt(id);
    }

    /**
     * Applies a committed chunk: first the re-keys in order (to every cached copy of the old key), then the final
     * state of every copy the chunk loaded or wrote. Then drops the least recently used days beyond the bound.
     */
    void apply(List<Rekey> rekeys, Collection<DayIndex.Entry> finalStates) {
        index.apply(rekeys, finalStates);
        eviction.evict(index::size, index::dropDay);
    }

    /** Forgets everything (a chunk rolled back: its changes may or may not be in what is cached). */
    void clear() {
        eviction.clear();
        index.clear();
    }

    int size() {
        return index.size();
    }

    long dayLoads() {
        return loader.dayLoads();
    }

    long rowsLoaded() {
        return loader.rowsLoaded();
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
