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

    /** The values cut into slices of at most {@link #SLICE}. */
    static <T> List<List<T>> slices(Collection<T> values) {
        List<T> all = new ArrayList<>(values);
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += SLICE) {
            out.add(all.subList(i, Math.min(all.size(), i + SLICE)));
        }
        return out;
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
