package org.wirearchive.batch.store;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wirearchive.core.dedup.IndexedCopy;

/**
 * The committed rows of {@code dedup_copies} of whole window days, kept in memory across the chunks of one step, so
 * that the date-bounded dedup lookups (same body, same headline, MinHash bands) cost no query once a day is loaded.
 * A day is loaded with one indexed range query the first time a chunk needs it; the bands are computed from the stored
 * signature (no band table). The cache only ever holds committed state: a chunk's changes are applied
 * ({@link #apply}) after its transaction committed, and a rolled-back chunk empties the cache ({@link #clear}).
 *
 * <p>Memory is bounded: beyond {@code maxCopies} cached copies the least recently used days are dropped after a
 * commit (they are reloaded when needed again). Inputs arrive roughly in date order (archives are laid out by crawl
 * date), so the working set is the few days around the current ones. Not thread-safe: the writer is one thread.
 */
final class DayCache {

    /** A stored copy as committed. */
    record Entry(IndexedCopy copy, boolean canonical, long[] bands) {
    }

    private static final class Day {
        final Set<String> sources = new LinkedHashSet<>();
        final Map<String, List<String>> byContent = new HashMap<>();
        final Map<String, List<String>> byHeadline = new HashMap<>();
        final BandPostings byBand = new BandPostings();
    }

    private final JdbcTemplate jdbc;
    private final String columns;
    private final int maxCopies;
    private final Map<LocalDate, Day> days = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<String, Entry> bySource = new HashMap<>();
    private final Map<String, Set<String>> byKey = new HashMap<>();
    /** The days the current chunk used: never dropped when it ends, the next chunk most likely needs them again. */
    private final Set<LocalDate> pinned = new java.util.HashSet<>();
    private long dayLoads;
    private long rowsLoaded;

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
        put(new Entry(copy, rs.getBoolean(15), copy.minHash().bands()));
    }

    /** The committed copy with this source, if its day is cached. */
    Entry get(String source) {
        return bySource.get(source);
    }

    /** Sources on the days of {@code [from, to]} (all cached) with this content hash. */
    void content(String hash, LocalDate from, LocalDate to, Set<String> into) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            addAll(day(d).byContent.get(hash), into);
        }
    }

    /** Sources on the days of {@code [from, to]} (all cached) with this headline hash. */
    void headline(String hash, LocalDate from, LocalDate to, Set<String> into) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            addAll(day(d).byHeadline.get(hash), into);
        }
    }

    /** Sources on the days of {@code [from, to]} (all cached) sharing a band value with {@code bands}. */
    void bands(long[] bands, LocalDate from, LocalDate to, Set<String> into) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Day day = day(d);
            for (long b : bands) {
                day.byBand.collect(b, into);
            }
        }
    }

    /** How many committed copies on the days of {@code [from, to]} (all cached) carry this band value. */
    int bandCount(long band, LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            n += day(d).byBand.count(band);
        }
        return n;
    }

    private Day day(LocalDate d) {
        Day day = days.get(d);
        if (day == null) {
            throw new IllegalStateException("dedup day not loaded: " + d);
        }
        return day;
    }

    private static void addAll(List<String> sources, Set<String> into) {
        if (sources != null) {
            into.addAll(sources);
        }
    }

    /**
     * Applies a committed chunk: first the re-keys in order (to every cached copy of the old key), then the final
     * state of every copy the chunk loaded or wrote. Then drops the least recently used days beyond the bound.
     */
    void apply(List<Object[]> rekeys, Collection<Entry> finalStates) {
        for (Object[] rk : rekeys) {
            String newKey = (String) rk[0];
            Set<String> sources = byKey.remove((String) rk[1]);
            if (sources == null) {
                continue;
            }
            for (String src : sources) {
                Entry e = bySource.get(src);
                Entry moved = new Entry(e.copy().withKey(newKey), false, e.bands());
                bySource.put(src, moved);
                byKey.computeIfAbsent(newKey, k -> new LinkedHashSet<>()).add(src);
            }
        }
        for (Entry e : finalStates) {
            Entry old = bySource.get(e.copy().source());
            if (old != null && sameContent(old.copy(), e.copy())) {
                // only the key or the canonical flag can differ: the day's indexes stay as they are
                if (!old.copy().articleKey().equals(e.copy().articleKey())) {
                    unkey(old);
                    byKey.computeIfAbsent(e.copy().articleKey(), k -> new LinkedHashSet<>()).add(e.copy().source());
                }
                bySource.put(e.copy().source(), new Entry(e.copy(), e.canonical(), old.bands()));
                continue;
            }
            if (old != null) {
                remove(old);
            }
            if (e.copy().date() != null && days.containsKey(e.copy().date())) {
                put(e);
            }
        }
        evict();
    }

    private static boolean sameContent(IndexedCopy a, IndexedCopy b) {
        return java.util.Objects.equals(a.date(), b.date()) && a.contentHash().equals(b.contentHash())
                && java.util.Objects.equals(a.headlineHash(), b.headlineHash()) && a.minHash().equals(b.minHash());
    }

    /** Forgets everything (a chunk rolled back: its changes may or may not be in what is cached). */
    void clear() {
        pinned.clear();
        days.clear();
        bySource.clear();
        byKey.clear();
    }

    int size() {
        return bySource.size();
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
        while (bySource.size() > maxCopies && it.hasNext()) {
            Map.Entry<LocalDate, Day> next = it.next();
            if (pinned.contains(next.getKey())) {
                continue;
            }
            Day day = next.getValue();
            it.remove();
            for (String src : day.sources) {
                Entry e = bySource.remove(src);
                if (e != null) {
                    unkey(e);
                }
            }
        }
        pinned.clear();
    }

    private void put(Entry e) {
        IndexedCopy c = e.copy();
        String src = c.source();
        Day day = days.get(c.date());
        bySource.put(src, e);
        byKey.computeIfAbsent(c.articleKey(), k -> new LinkedHashSet<>()).add(src);
        day.sources.add(src);
        day.byContent.computeIfAbsent(c.contentHash(), k -> new ArrayList<>(1)).add(src);
        if (c.headlineHash() != null) {
            day.byHeadline.computeIfAbsent(c.headlineHash(), k -> new ArrayList<>(1)).add(src);
        }
        for (long b : e.bands()) {
            day.byBand.add(b, src);
        }
    }

    private void remove(Entry e) {
        IndexedCopy c = e.copy();
        String src = c.source();
        bySource.remove(src);
        unkey(e);
        Day day = c.date() == null ? null : days.get(c.date());
        if (day == null) {
            return;
        }
        day.sources.remove(src);
        drop(day.byContent, c.contentHash(), src);
        drop(day.byHeadline, c.headlineHash(), src);
        for (long b : e.bands()) {
            day.byBand.remove(b, src);
        }
    }

    private void unkey(Entry e) {
        Set<String> s = byKey.get(e.copy().articleKey());
        if (s != null) {
            s.remove(e.copy().source());
            if (s.isEmpty()) {
                byKey.remove(e.copy().articleKey());
            }
        }
    }

    private static <K> void drop(Map<K, List<String>> map, K key, String src) {
        if (key == null) {
            return;
        }
        List<String> l = map.get(key);
        if (l != null) {
            l.remove(src);
            if (l.isEmpty()) {
                map.remove(key);
            }
        }
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
