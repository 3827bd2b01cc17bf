package org.wirearchive.batch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The listing digest: equal listings (in any order), equal digests; every kind of change to a listing, another digest. */
class ListingDigestTests {

    record F(String name, long size, long modified) {
    }

    private static String digest(List<F> files) {
        ListingDigest d = new ListingDigest();
        files.forEach(f -> d.add(f.name(), f.size(), f.modified()));
        return d.hex();
    }

    private static List<F> listing(long seed, int n) {
        Random r = new Random(seed);
        List<F> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            files.add(new F("/archive/2025-06-" + (10 + r.nextInt(20)) + "/page-" + i + ".txt", 500 + r.nextInt(5000),
                    1_750_000_000_000L + r.nextInt(1_000_000_000)));
        }
        return files;
    }

    @Test
    @DisplayName("the same listing gives the same 32 hex digits, built twice")
    void stable() {
        List<F> files = listing(1, 200);
        assertThat(digest(files)).isEqualTo(digest(new ArrayList<>(files))).matches("[0-9a-f]{32}");
        assertThat(new ListingDigest().add("a", 1, 2).files()).isEqualTo(1);
    }

    @Test
    @DisplayName("a size, a time, a name changed, a file added or removed: another digest")
    void everyChangeShows() {
        List<F> base = listing(2, 300);
        String d = digest(base);
        List<UnaryOperator<List<F>>> changes = new ArrayList<>();
        for (int i : new int[] {0, 137, 299}) {
            changes.add(l -> set(l, i, new F(l.get(i).name(), l.get(i).size() + 1, l.get(i).modified())));
            changes.add(l -> set(l, i, new F(l.get(i).name(), l.get(i).size(), l.get(i).modified() + 1)));
            changes.add(l -> set(l, i, new F(l.get(i).name(), l.get(i).size(), l.get(i).modified() - 1000)));
            changes.add(l -> set(l, i, new F(l.get(i).name() + "x", l.get(i).size(), l.get(i).modified())));
            changes.add(l -> set(l, i, new F(l.get(i).name().replace("page", "paga"), l.get(i).size(),
                    l.get(i).modified())));
            changes.add(l -> { l.remove(i); return l; });
            changes.add(l -> { l.add(i, new F("/archive/new-" + i + ".txt", 10, 20)); return l; }); // where: no matter
        }
        // two files swapping their sizes, or their times: the same values, in other places
        changes.add(l -> { long s = l.get(3).size(); set(l, 3, new F(l.get(3).name(), l.get(4).size(),
                l.get(3).modified())); return set(l, 4, new F(l.get(4).name(), s, l.get(4).modified())); });
        // the same name with its size and time swapped
        changes.add(l -> set(l, 8, new F(l.get(8).name(), l.get(8).modified(), l.get(8).size())));
        Set<String> seen = new HashSet<>(Set.of(d));
        for (UnaryOperator<List<F>> change : changes) {
            String changed = digest(change.apply(new ArrayList<>(base)));
            assertThat(changed).isNotEqualTo(d);
            assertThat(seen.add(changed)).as("two different changes gave the same digest").isTrue();
        }
        assertThat(digest(List.of())).isNotEqualTo(digest(List.of(new F("", 0, 0))));
    }

    @Test
    @DisplayName("the same files in another order (a directory read in another order): the same digest")
    void orderDoesNotCount() {
        List<F> base = listing(4, 300);
        String d = digest(base);
        for (long seed = 0; seed < 20; seed++) {
            List<F> shuffled = new ArrayList<>(base);
            java.util.Collections.shuffle(shuffled, new Random(seed));
            assertThat(digest(shuffled)).isEqualTo(d);
        }
        List<F> reversed = new ArrayList<>(base);
        java.util.Collections.reverse(reversed);
        assertThat(digest(reversed)).isEqualTo(d);
        // but a file listed twice is another listing than the file once
        List<F> twice = new ArrayList<>(base);
        twice.add(base.get(7));
        assertThat(digest(twice)).isNotEqualTo(d);
    }

    @Test
    @DisplayName("no collision among 20,000 listings that differ in one value")
    void noCollisions() {
        List<F> base = listing(3, 50);
        Set<String> digests = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            for (int delta = 1; delta <= 200; delta++) {
                F f = base.get(i);
                digests.add(digest(set(new ArrayList<>(base), i, new F(f.name(), f.size() + delta, f.modified()))));
                digests.add(digest(set(new ArrayList<>(base), i, new F(f.name(), f.size(), f.modified() + delta))));
            }
        }
        assertThat(digests).hasSize(20_000);
    }

    private static List<F> set(List<F> l, int i, F f) {
        l.set(i, f);
        return l;
    }
}
