package org.wirearchive.store;

import java.util.Arrays;

/**
 * The band table of the {@link DayIndex}: one multimap from MinHash band values to the int ids of the cached copies
 * of every cached day, so that a band look-up probes one table once, whatever the number of days in its window. Each
 * id is posted with its copy's epoch day; the ids of a band value that two or more copies carry are kept sorted by
 * (day, id), so the carriers dated in a window are one run of the list, found by two binary searches and counted
 * without walking the carriers of the other cached days.
 *
 * <p>An open-addressing table (linear probing, backward-shift deletion, no tombstones) whose slot holds the key and
 * one id (its day in {@link #dayOf}), or the index of a sorted list of {@code day << 32 | id} entries, side by side:
 * 16 bytes a slot (a probe reads one cache line) and 8 bytes a shared posting, no object per entry. An id is posted
 * under one day at a time: it is removed (with the day it was added with) before it is added again. Not thread-safe.
 */
final class BandPostings {

    private static final int FREE = -1;

    /**
     * The slots, a key and its value side by side (one cache line for both): {@code table[2 * i]} the key,
     * {@code table[2 * i + 1]} FREE, an id (>= 0; its day is {@code dayOf[id]}), or {@code -2 - n}: the entries are in
     * {@code lists[n]}.
     */
    private long[] table = new long[2 * 1024];
    private int size;
    /** The epoch day each id was posted with. */
    private int[] dayOf = new int[1024];
    /** Sorted entries of the keys that two or more ids carry: {@code [count, entry, entry, ...]} with spare room. */
    private long[][] lists = new long[64][];
    private int[] freeLists = new int[64];
    private int freeListCount;
    private int listCount;

    BandPostings() {
        clearSlots();
    }

    /** Records that {@code id}, a copy dated on {@code epochDay}, carries {@code key}. */
    void add(long key, int id, long epochDay) {
        if (id >= dayOf.length) {
            dayOf = Arrays.copyOf(dayOf, Math.max(id + 1, dayOf.length * 2));
        }
        dayOf[id] = (int) epochDay;
        if ((size + 1) * 4 > capacity() * 3) {
            grow();
        }
        int i = slot(key);
        int v = (int) table[i + 1];
        if (v == FREE) {
            table[i] = key;
            table[i + 1] = id;
            size++;
            return;
        }
        long entry = entry(epochDay, id);
        if (v >= 0) {
            long other = entry(dayOf[v], v);
            int n = newList();
            lists[n] = other < entry ? new long[] {2, other, entry, 0} : new long[] {2, entry, other, 0};
            table[i + 1] = -2 - n;
            return;
        }
        long[] l = lists[-2 - v];
        int count = (int) l[0];
        if (count + 1 == l.length) {
            l = Arrays.copyOf(l, l.length * 2);
            lists[-2 - v] = l;
        }
        int at = lowerBound(l, count, entry);
        System.arraycopy(l, at, l, at + 1, count + 1 - at);
        l[at] = entry;
        l[0] = count + 1;
    }

    /** Forgets that {@code id} carries {@code key} (nothing when it does not). */
    void remove(long key, int id) {
        int i = slot(key);
        int v = (int) table[i + 1];
        if (v == FREE) {
            return;
        }
        if (v >= 0) {
            if (v == id) {
                delete(i);
            }
            return;
        }
        int n = -2 - v;
        long[] l = lists[n];
        int count = (int) l[0];
        long entry = entry(dayOf[id], id);
        int at = lowerBound(l, count, entry);
        if (at > count || l[at] != entry) {
            return;
        }
        System.arraycopy(l, at + 1, l, at, count - at);
        l[0] = --count;
        if (count == 1) {
            table[i + 1] = (int) l[1];
            freeList(n);
        }
    }

    /**
     * Appends the ids that carry {@code key} and are dated in {@code [first, last]} (epoch days; sorted by day, then
     * id) to {@code into} when at most {@code limit} of them are, and returns how many are. When more are, appends
     * nothing and returns {@code -1 - k}: the {@code limit + 1}-th carrier in day order is dated {@code first + k}
     * (the day of the window on which, counting day after day, the limit was passed).
     */
    int carriers(long key, long first, long last, int limit, IntList into) {
        int v = (int) table[slot(key) + 1];
        if (v == FREE) {
            return 0;
        }
        if (v >= 0) {
            long day = dayOf[v];
            if (day < first || day > last) {
                return 0;
            }
            if (limit < 1) {
                return -1 - (int) (day - first);
            }
            into.add(v);
            return 1;
        }
        long[] l = lists[-2 - v];
        int count = (int) l[0];
        // most lists lie within the window: no search then
        int from = l[1] >> 32 >= first ? 1 : lowerBound(l, count, entry(first, 0));
        int to = l[count] >> 32 <= last ? count + 1 : lowerBound(l, count, entry(last + 1, 0));
        int n = to - from;
        if (n > limit) {
            return -1 - (int) ((l[from + limit] >> 32) - first);
        }
        for (int k = from; k < to; k++) {
            into.add((int) l[k]);
        }
        return n;
    }

    /** Forgets every posting. */
    void clear() {
        clearSlots();
        size = 0;
        Arrays.fill(lists, null);
        listCount = 0;
        freeListCount = 0;
    }

    /** How many band values are posted (for tests). */
    int size() {
        return size;
    }

    private static long entry(long epochDay, int id) {
        return epochDay << 32 | id;
    }

    /** The first index in {@code l[1..count]} whose entry is not below {@code entry}, {@code count + 1} if none. */
    private static int lowerBound(long[] l, int count, long entry) {
        int lo = 1;
        int hi = count + 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (l[mid] < entry) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int capacity() {
        return table.length >> 1;
    }

    private void clearSlots() {
        for (int i = 1; i < table.length; i += 2) {
            table[i] = FREE;
        }
    }

    /** The index in {@link #table} of {@code key}'s slot: where it is, or the free slot where it would go. */
    private int slot(long key) {
        int mask = capacity() - 1;
        int s = hash(key) & mask;
        while (table[2 * s + 1] != FREE && table[2 * s] != key) {
            s = (s + 1) & mask;
        }
        return 2 * s;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** Empties the slot at table index {@code at} and moves later entries of its probe run back. */
    private void delete(int at) {
        int mask = capacity() - 1;
        int i = at >> 1;
        table[2 * i + 1] = FREE;
        size--;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (table[2 * j + 1] == FREE) {
                return;
            }
            int home = hash(table[2 * j]) & mask;
            // the entry at j may move to i when i lies cyclically in [home, j)
            boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
            if (movable) {
                table[2 * i] = table[2 * j];
                table[2 * i + 1] = table[2 * j + 1];
                table[2 * j + 1] = FREE;
                i = j;
            }
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        clearSlots();
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] != FREE) {
                int j = slot(old[i]);
                table[j] = old[i];
                table[j + 1] = old[i + 1];
            }
        }
    }

    private int newList() {
        if (freeListCount > 0) {
            return freeLists[--freeListCount];
        }
        if (listCount == lists.length) {
            lists = Arrays.copyOf(lists, lists.length * 2);
        }
        return listCount++;
    }

    private void freeList(int n) {
        lists[n] = null;
        if (freeListCount == freeLists.length) {
            freeLists = Arrays.copyOf(freeLists, freeLists.length * 2);
        }
        freeLists[freeListCount++] = n;
    }
}
