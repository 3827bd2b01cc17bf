package org.wirearchive.store;

import java.util.Arrays;

/**
 * A multimap from primitive {@code long} keys (band values, hashes) to the int ids of the {@link DayCache}'s copies,
 * for one cached day: an open-addressing table (linear probing, backward-shift deletion, no tombstones) whose slot
 * holds one id, or the index of an id list when two or more ids share the key. About 12 bytes a slot and no object
 * per entry: a copy has 24 band postings, so this is where most of the cache's memory goes, and the garbage collector
 * never has to walk it.
 */
final class IdPostings {

    private static final int FREE = -1;

    private long[] keys = new long[16];
    /** FREE, an id (>= 0), or {@code -2 - n}: the ids are in {@code lists[n]}. */
    private int[] values = new int[16];
    private int size;
    /** Id lists of the keys that have two or more ids: {@code [count, id, id, ...]} with spare room. */
    private int[][] lists = new int[4][];
    private int[] freeLists = new int[4];
    private int freeListCount;
    private int listCount;

    IdPostings() {
        Arrays.fill(values, FREE);
    }

    /** Records that {@code id} has {@code key}. */
    void add(long key, int id) {
        if ((size + 1) * 4 > keys.length * 3) {
            grow();
        }
        int i = slot(key);
        int v = values[i];
        if (v == FREE) {
            keys[i] = key;
            values[i] = id;
            size++;
        } else if (v >= 0) {
            int n = newList();
            lists[n] = new int[] {2, v, id, 0};
            values[i] = -2 - n;
        } else {
            int[] l = lists[-2 - v];
            int count = l[0];
            if (count + 1 == l.length) {
                l = Arrays.copyOf(l, l.length * 2);
                lists[-2 - v] = l;
            }
            l[count + 1] = id;
            l[0] = count + 1;
        }
    }

    /** Forgets that {@code id} has {@code key} (nothing when it has not). */
    void remove(long key, int id) {
        int i = slot(key);
        int v = values[i];
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
        int[] l = lists[n];
        int count = l[0];
        for (int k = 1; k <= count; k++) {
            if (l[k] == id) {
                l[k] = l[count]; // order within a key does not matter
                l[0] = --count;
                break;
            }
        }
        if (count == 1) {
            values[i] = l[1];
            freeList(n);
        }
    }

    /** How many ids have {@code key}. */
    int count(long key) {
        int v = values[slot(key)];
        return v == FREE ? 0 : v >= 0 ? 1 : lists[-2 - v][0];
    }

    /** Appends the ids that have {@code key} to {@code into}. */
    void collect(long key, IntList into) {
        collect(key, into, Integer.MAX_VALUE);
    }

    /**
     * Appends the ids that have {@code key} to {@code into} when there are at most {@code limit} of them; returns how
     * many there are (more than {@code limit}: nothing was appended).
     */
    int collect(long key, IntList into, int limit) {
        int v = values[slot(key)];
        if (v == FREE) {
            return 0;
        }
        if (v >= 0) {
            if (limit >= 1) {
                into.add(v);
            }
            return 1;
        }
        int[] l = lists[-2 - v];
        if (l[0] <= limit) {
            into.addAll(l, 1, l[0]);
        }
        return l[0];
    }

    /** The slot of {@code key}: where it is, or the free slot where it would go. */
    private int slot(long key) {
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        while (values[i] != FREE && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** Empties slot {@code i} and moves later entries of its probe run back. */
    private void delete(int i) {
        int mask = keys.length - 1;
        values[i] = FREE;
        size--;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (values[j] == FREE) {
                return;
            }
            int home = hash(keys[j]) & mask;
            // the entry at j may move to i when i lies cyclically in [home, j)
            boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
            if (movable) {
                keys[i] = keys[j];
                values[i] = values[j];
                values[j] = FREE;
                i = j;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        Arrays.fill(values, FREE);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != FREE) {
                int j = slot(oldKeys[i]);
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
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
