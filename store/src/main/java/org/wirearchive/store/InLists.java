package org.wirearchive.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Set-based lookups: {@code col IN (?, ?, ...)} over bounded slices of a value list (portable, any driver). */
final class InLists {

    /** Values per IN list: far below PostgreSQL's 32767 parameters and small enough for H2's index lookups. */
    static final int SLICE = 500;

    private InLists() {
    }

    /**
     * The lengths a slice is padded to. A statement's text is H2's key for its parsed command, and every cached
     * command is visited whenever a transaction first changes a table (H2 checks whether the command's last result
     * depends on it: one walk over the command's expressions, every {@code ?} of an IN list included). Unpadded, the
     * lookups of each chunk had lengths of their own: a few new statements a chunk, never reused, that filled the
     * session's cache with hundreds of parameters each (8% of the writer thread's samples went to that walk, 2% to
     * parsing). Padded, a lookup has at most these 14 texts, parsed once.
     */
    private static final int[] LENGTHS = {1, 2, 4, 8, 16, 32, 48, 64, 96, 128, 192, 256, 384, SLICE};

    /**
     * The values cut into slices of at most {@link #SLICE}, each padded to the next of a few fixed lengths by
     * repeating its last value: {@code x IN (a, b, b)} selects what {@code x IN (a, b)} does. Callers bind each slice
     * whole ({@code marks(slice.size())}).
     */
    static <T> List<List<T>> slices(Collection<T> values) {
        List<List<T>> out = unpaddedSlices(values);
        for (int s = 0; s < out.size(); s++) {
            List<T> slice = out.get(s);
            int padded = paddedLength(slice.size());
            if (padded > slice.size()) {
                List<T> p = new ArrayList<>(padded);
                p.addAll(slice);
                T last = slice.get(slice.size() - 1);
                while (p.size() < padded) {
                    p.add(last);
                }
                out.set(s, p);
            }
        }
        return out;
    }

    /**
     * The values cut into slices of at most {@link #SLICE}, unpadded: for {@link #literals}, whose statements are
     * one-off texts anyway (H2 keeps a constant list as a hash set, which costs nothing to walk).
     */
    static <T> List<List<T>> unpaddedSlices(Collection<T> values) {
        List<T> all = new ArrayList<>(values);
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += SLICE) {
            out.add(all.subList(i, Math.min(all.size(), i + SLICE)));
        }
        return out;
    }

    /** The fixed length a slice of {@code n} values (1 to {@link #SLICE}) is padded to. */
    static int paddedLength(int n) {
        for (int length : LENGTHS) {
            if (n <= length) {
                return length;
            }
        }
        throw new IllegalArgumentException("a slice holds at most " + SLICE + " values, not " + n);
    }

    /**
     * Numbers written into the SQL ({@code 1, 2, 3}): safe (they are numbers), and a constant list is a hash set for
     * H2, where a list of parameters is compared one by one with every row the index returns.
     */
    static String literals(List<Long> values) {
        StringBuilder sb = new StringBuilder(values.size() * 21);
        for (Long v : values) {
            sb.append(sb.isEmpty() ? "" : ", ").append(v.longValue());
        }
        return sb.toString();
    }

    /** {@code ?, ?, ?} for n parameters. */
    static String marks(int n) {
        StringBuilder sb = new StringBuilder(n * 3);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "?" : ", ?");
        }
        return sb.toString();
    }
}
