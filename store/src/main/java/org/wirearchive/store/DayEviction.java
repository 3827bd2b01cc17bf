package org.wirearchive.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The eviction of the {@link DayCache}: which cached days to drop when more than {@code maxCopies} copies are cached.
 * It keeps the days in the order they were last used and drops the least recently used first, except the days the
 * current chunk used ({@link #pin pinned}): the next chunk most likely needs them again. The order is a linked list of
 * the days, and a day is found by its epoch day in a small array before any map (every band look-up uses its window's
 * days a few times: a use costs no hashing of a date). Not thread-safe.
 */
final class DayEviction {

    /** A day known to the eviction: cached (linked in the order of use) or only pinned so far. */
    private static final class Node {
        final LocalDate day;
        final long epochDay;
        Node prev;
        Node next;
        boolean linked;
        boolean pinned;

        Node(LocalDate day) {
            this.day = day;
            this.epochDay = day.toEpochDay();
        }
    }

    private final int maxCopies;
    private final Map<LocalDate, Node> nodes = new HashMap<>();
    /** Nodes by epoch day modulo its length, checked before {@link #nodes}. */
    private final Node[] byEpochDay = new Node[128];
    /** The cached days, least recently used first. */
    private Node head;
    private Node tail;
    /** The days the current chunk used: never dropped when it ends. */
    private final List<Node> pinned = new ArrayList<>();

    DayEviction(int maxCopies) {
        if (maxCopies < 1) {
            throw new IllegalArgumentException("the dedup cache needs room for at least one copy: " + maxCopies);
        }
        this.maxCopies = maxCopies;
    }

    /** A day was loaded into the cache: the most recently used one. */
    void added(LocalDate day) {
        Node n = find(day);
        if (n == null) {
            n = new Node(day);
            nodes.put(day, n);
        }
        if (n.linked) {
            unlink(n);
        }
        append(n);
    }

    /** A cached day was used: now the most recently used one (nothing for a day that is not cached). */
    void used(LocalDate day) {
        Node n = find(day);
        if (n != null && n.linked && n != tail) {
            unlink(n);
            append(n);
        }
    }

    /** The current chunk uses this day: it is not dropped when the chunk ends. */
    void pin(LocalDate day) {
        Node n = find(day);
        if (n == null) {
            n = new Node(day);
            nodes.put(day, n);
        }
        if (!n.pinned) {
            n.pinned = true;
            pinned.add(n);
        }
    }

    /**
     * Drops the least recently used days with {@code drop} while {@code cached} tells more than {@code maxCopies}
     * copies, except the pinned days: when one chunk's window holds more copies than the bound, the bound gives way
     * rather than reloading the same days for every chunk. Then unpins every day (a chunk ended).
     */
    void evict(IntSupplier cached, Consumer<LocalDate> drop) {
        Node n = head;
        while (cached.getAsInt() > maxCopies && n != null) {
            Node next = n.next;
            if (!n.pinned) {
                unlink(n);
                forget(n);
                drop.accept(n.day);
            }
            n = next;
        }
        for (Node p : pinned) {
            p.pinned = false;
            if (!p.linked) {
                forget(p); // pinned, never cached
            }
        }
        pinned.clear();
    }

    /** Forgets every day. */
    void clear() {
        pinned.clear();
        nodes.clear();
        java.util.Arrays.fill(byEpochDay, null);
        head = null;
        tail = null;
    }

    /** The cached days, least recently used first (for tests). */
    List<LocalDate> order() {
        List<LocalDate> out = new ArrayList<>();
        for (Node n = head; n != null; n = n.next) {
            out.add(n.day);
        }
        return out;
    }

    private Node find(LocalDate day) {
        long e = day.toEpochDay();
        int slot = (int) (e & (byEpochDay.length - 1));
        Node n = byEpochDay[slot];
        if (n != null && n.epochDay == e) {
            return n;
        }
        n = nodes.get(day);
        if (n != null) {
            byEpochDay[slot] = n;
        }
        return n;
    }

    private void forget(Node n) {
        nodes.remove(n.day);
        int slot = (int) (n.epochDay & (byEpochDay.length - 1));
        if (byEpochDay[slot] == n) {
            byEpochDay[slot] = null;
        }
    }

    private void append(Node n) {
        n.prev = tail;
        n.next = null;
        if (tail == null) {
            head = n;
        } else {
            tail.next = n;
        }
        tail = n;
        n.linked = true;
    }

    private void unlink(Node n) {
        if (n.prev == null) {
            head = n.next;
        } else {
            n.prev.next = n.next;
        }
        if (n.next == null) {
            tail = n.prev;
        } else {
            n.next.prev = n.prev;
        }
        n.prev = null;
        n.next = null;
        n.linked = false;
    }
}
