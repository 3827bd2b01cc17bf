package org.wirearchive.batch.store;

import java.util.Arrays;
import java.util.Collection;

/**
 * Band value to the sources that carry it, for one day of the {@link DayCache}: an open-addressing table of primitive
 * keys (linear probing, backward-shift deletion) whose values are one source or an array of sources. About 20 bytes
 * per entry instead of the ~90 of a {@code HashMap<Long, List<String>>}; a copy has 24 entries, so this is most of
 * the cache's memory.
 */
final class BandPostings {

    private long[] keys = new long[16];
    private Object[] values = new Object[16]; // null: free; a String; or a String[] of two or more
    private int size;

    /** Records that {@code source} carries {@code band}. */
    void add(long band, String source) {
        if ((size + 1) * 3 > keys.length * 2) {
            grow();
        }
        int i = slot(band);
        Object v = values[i];
        if (v == null) {
            keys[i] = band;
            values[i] = source;
            size++;
        } else if (v instanceof String s) {
            values[i] = new String[] {s, source};
        } else {
            String[] a = (String[]) v;
            String[] b = Arrays.copyOf(a, a.length + 1);
            b[a.length] = source;
            values[i] = b;
        }
    }

    /** Forgets that {@code source} carries {@code band}. */
    void remove(long band, String source) {
        int i = slot(band);
        Object v = values[i];
        if (v == null) {
            return;
        }
        if (v instanceof String s) {
            if (s.equals(source)) {
                delete(i);
            }
            return;
        }
        String[] a = (String[]) v;
        int at = -1;
        for (int k = 0; k < a.length; k++) {
            if (a[k].equals(source)) {
                at = k;
                break;
            }
        }
        if (at < 0) {
            return;
        }
        if (a.length == 2) {
            values[i] = a[1 - at];
        } else {
            String[] b = new String[a.length - 1];
            System.arraycopy(a, 0, b, 0, at);
            System.arraycopy(a, at + 1, b, at, a.length - at - 1);
            values[i] = b;
        }
    }

    /** How many sources carry {@code band}. */
    int count(long band) {
        Object v = values[slot(band)];
        return v == null ? 0 : v instanceof String ? 1 : ((String[]) v).length;
    }

    /** Adds the sources that carry {@code band} to {@code into}. */
    void collect(long band, Collection<String> into) {
        Object v = values[slot(band)];
        if (v instanceof String s) {
            into.add(s);
        } else if (v != null) {
            into.addAll(Arrays.asList((String[]) v));
        }
    }

    /** The slot of {@code band}: where it is, or the free slot where it would go. */
    private int slot(long band) {
        int mask = keys.length - 1;
        int i = hash(band) & mask;
        while (values[i] != null && keys[i] != band) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static int hash(long band) {
        long h = band * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** Empties slot {@code i} and moves later entries of its probe run back (no tombstones). */
    private void delete(int i) {
        int mask = keys.length - 1;
        values[i] = null;
        size--;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (values[j] == null) {
                return;
            }
            int home = hash(keys[j]) & mask;
            // the entry at j may move to i when i lies cyclically in [home, j)
            boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
            if (movable) {
                keys[i] = keys[j];
                values[i] = values[j];
                values[j] = null;
                i = j;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldValues.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                int j = slot(oldKeys[i]);
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
            }
        }
    }
}
