package org.wirearchive.core.dedup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link DedupIndex} in the heap, with a hash map per indexed column. For tests and small runs; the database holds
 * the real one. Not thread-safe.
 */
public final class InMemoryDedupIndex implements DedupIndex {

    private final Map<String, IndexedCopy> bySource = new HashMap<>();
    private final Map<Long, Set<String>> byMenafnNo = new HashMap<>();
    private final Map<Long, Set<String>> byKunaId = new HashMap<>();
    private final Map<String, Set<String>> byContentHash = new HashMap<>();
    private final Map<String, Set<String>> byHeadlineHash = new HashMap<>();
    private final Map<Long, Set<String>> byBand = new HashMap<>();
    private final Map<String, Set<String>> byKey = new HashMap<>();
    private final Map<String, String> canonical = new HashMap<>();

    @Override
    public List<IndexedCopy> findByMenafnNo(long articleNo) {
        return copies(byMenafnNo.get(articleNo), null, null);
    }

    @Override
    public List<IndexedCopy> findByKunaId(long kunaId) {
        return copies(byKunaId.get(kunaId), null, null);
    }

    @Override
    public List<IndexedCopy> findByContentHash(String contentHash, LocalDate from, LocalDate to) {
        return copies(byContentHash.get(contentHash), from, to);
    }

    @Override
    public List<IndexedCopy> findByHeadlineHash(String headlineHash, LocalDate from, LocalDate to) {
        return copies(byHeadlineHash.get(headlineHash), from, to);
    }

    @Override
    public List<IndexedCopy> findByBands(long[] bands, LocalDate from, LocalDate to) {
        Map<String, IndexedCopy> found = new LinkedHashMap<>();
        for (long b : bands) {
            List<IndexedCopy> carrying = copies(byBand.get(b), from, to);
            if (carrying.size() <= Deduplicator.MAX_BAND_COPIES) {
                carrying.forEach(c -> found.putIfAbsent(c.source(), c));
            }
        }
        return new ArrayList<>(found.values());
    }

    @Override
    public Optional<IndexedCopy> canonical(String articleKey) {
        String source = canonical.get(articleKey);
        return source == null ? Optional.empty() : Optional.ofNullable(bySource.get(source));
    }

    @Override
    public Optional<IndexedCopy> findBySource(String source) {
        return Optional.ofNullable(bySource.get(source));
    }

    @Override
    public void add(IndexedCopy copy) {
        if (copy.articleKey() == null) {
            throw new IllegalArgumentException("a stored copy needs an article key: " + copy.source());
        }
        IndexedCopy old = bySource.put(copy.source(), copy);
        if (old != null) {
            unindex(old);
        }
        String s = copy.source();
        if (copy.menafnArticleNo() != null) {
            put(byMenafnNo, copy.menafnArticleNo(), s);
        }
        if (copy.kunaId() != null) {
            put(byKunaId, copy.kunaId(), s);
        }
        put(byContentHash, copy.contentHash(), s);
        if (copy.headlineHash() != null) {
            put(byHeadlineHash, copy.headlineHash(), s);
        }
        for (long b : copy.minHash().bands()) {
            put(byBand, b, s);
        }
        put(byKey, copy.articleKey(), s);
    }

    @Override
    public void setCanonical(String articleKey, String source) {
        canonical.put(articleKey, source);
    }

    @Override
    public void rekey(String oldKey, String newKey) {
        if (oldKey.equals(newKey)) {
            return;
        }
        Set<String> sources = byKey.remove(oldKey);
        canonical.remove(oldKey);
        if (sources == null) {
            return;
        }
        for (String s : sources) {
            bySource.put(s, bySource.get(s).withKey(newKey));
            put(byKey, newKey, s);
        }
    }

    /** All article keys with their copies' sources (for tests: the grouping). */
    public Map<String, Set<String>> groups() {
        Map<String, Set<String>> out = new HashMap<>();
        byKey.forEach((k, v) -> out.put(k, Set.copyOf(v)));
        return out;
    }

    /** The canonical source of every article key (for tests). */
    public Map<String, String> canonicalSources() {
        return Map.copyOf(canonical);
    }

    /** The number of copies stored. */
    public int size() {
        return bySource.size();
    }

    private void unindex(IndexedCopy c) {
        String s = c.source();
        remove(byMenafnNo, c.menafnArticleNo(), s);
        remove(byKunaId, c.kunaId(), s);
        remove(byContentHash, c.contentHash(), s);
        remove(byHeadlineHash, c.headlineHash(), s);
        for (long b : c.minHash().bands()) {
            remove(byBand, b, s);
        }
        remove(byKey, c.articleKey(), s);
    }

    private List<IndexedCopy> copies(Set<String> sources, LocalDate from, LocalDate to) {
        List<IndexedCopy> out = new ArrayList<>();
        if (sources == null) {
            return out;
        }
        for (String s : sources) {
            IndexedCopy c = bySource.get(s);
            if (from == null || (c.date() != null && !c.date().isBefore(from) && !c.date().isAfter(to))) {
                out.add(c);
            }
        }
        return out;
    }

    private static <K> void put(Map<K, Set<String>> map, K key, String source) {
        map.computeIfAbsent(key, (Function<K, Set<String>>) k -> new HashSet<>()).add(source);
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
}
