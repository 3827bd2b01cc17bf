package org.wirearchive.store;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The eviction of the {@link DayCache}: which cached days to drop when more than {@code maxCopies} copies are cached.
 * It keeps the days in the order they were last used and drops the least recently used first, except the days the
 * current chunk used ({@link #pin pinned}): the next chunk most likely needs them again. Not thread-safe.
 */
final class DayEviction {

    private final int maxCopies;
    /** The cached days, least recently used first. */
    private final Map<LocalDate, Boolean> recency = new LinkedHashMap<>(64, 0.75f, true);
    /** The days the current chunk used: never dropped when it ends. */
    private final Set<LocalDate> pinned = new HashSet<>();

    DayEviction(int maxCopies) {
        if (maxCopies < 1) {
            throw new IllegalArgumentException("the dedup cache needs room for at least one copy: " + maxCopies);
        }
        this.maxCopies = maxCopies;
    }

    /** A day was loaded into the cache: the most recently used one. */
    void added(LocalDate day) {
        recency.put(day, Boolean.TRUE);
    }

    /** A cached day was used: now the most recently used one. */
    void used(LocalDate day) {
        recency.get(day);
    }

    /** The current chunk uses this day: it is not dropped when the chunk ends. */
    void pin(LocalDate day) {
        pinned.add(day);
    }

    /**
     * Drops the least recently used days with {@code drop} while {@code cached} tells more than {@code maxCopies}
     * copies, except the pinned days: when one chunk's window holds more copies than the bound, the bound gives way
     * rather than reloading the same days for every chunk. Then unpins every day (a chunk ended).
     */
    void evict(IntSupplier cached, Consumer<LocalDate> drop) {
        Iterator<LocalDate> it = recency.keySet().iterator();
        while (cached.getAsInt() > maxCopies && it.hasNext()) {
            LocalDate day = it.next();
            if (pinned.contains(day)) {
                continue;
            }
            it.remove();
            drop.accept(day);
        }
        pinned.clear();
    }

    /** Forgets every day. */
    void clear() {
        pinned.clear();
        recency.clear();
    }
}
