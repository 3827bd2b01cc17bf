package org.wirearchive.store;

import java.util.Arrays;

/** A growable list of primitive ints (ids of the {@link DayCache}), reused across look-ups with {@link #clear}. */
final class IntList {

    private int[] items;
    private int size;

    IntList() {
        this(8);
    }

    IntList(int capacity) {
        items = new int[Math.max(1, capacity)];
    }

    void add(int v) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = v;
    }

    /** Appends {@code count} ints of {@code from} starting at {@code offset}. */
    void addAll(int[] from, int offset, int count) {
        if (size + count > items.length) {
            items = Arrays.copyOf(items, Math.max(size + count, size * 2));
        }
        System.arraycopy(from, offset, items, size, count);
        size += count;
    }

    int get(int i) {
        return items[i];
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }
}
