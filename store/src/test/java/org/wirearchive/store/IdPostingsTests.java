package org.wirearchive.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The primitive id table against a plain map of lists, under random adds and removes (growth, deletion, id lists). */
class IdPostingsTests {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void behavesLikeAMapOfLists(long seed) {
        Random random = new Random(seed);
        IdPostings table = new IdPostings();
        Map<Long, List<Integer>> reference = new HashMap<>();
        // few distinct keys (long probe runs, many sources a key) or many (growth), and negative values
        long[] keys = new long[seed % 2 == 0 ? 40 : 5000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = random.nextLong();
        }
        List<long[]> present = new ArrayList<>();
        for (int step = 0; step < 40_000; step++) {
            if (present.isEmpty() || random.nextInt(3) > 0) {
                long k = keys[random.nextInt(keys.length)];
                int id = random.nextInt(1_000_000);
                table.add(k, id);
                reference.computeIfAbsent(k, x -> new ArrayList<>()).add(id);
                present.add(new long[] {k, id});
            } else {
                long[] p = present.remove(random.nextInt(present.size()));
                Integer id = (int) p[1];
                table.remove(p[0], id);
                List<Integer> l = reference.get(p[0]);
                l.remove(id);
                if (l.isEmpty()) {
                    reference.remove(p[0]);
                }
            }
            if (step % 997 == 0) {
                for (long k : keys) {
                    IntList ids = new IntList(1);
                    table.collect(k, ids);
                    List<Integer> got = new ArrayList<>();
                    for (int i = 0; i < ids.size(); i++) {
                        got.add(ids.get(i));
                    }
                    List<Integer> want = reference.getOrDefault(k, List.of());
                    assertThat(got).containsExactlyInAnyOrderElementsOf(want);
                    assertThat(table.count(k)).isEqualTo(want.size());
                    // the bounded collect: all of them within the limit, none beyond it, the count either way
                    for (int limit : new int[] {0, 1, 2, want.size(), want.size() - 1}) {
                        IntList bounded = new IntList(1);
                        assertThat(table.collect(k, bounded, limit)).isEqualTo(want.size());
                        assertThat(bounded.size()).isEqualTo(want.size() <= limit ? want.size() : 0);
                    }
                }
            }
        }
        table.remove(12345L, 7_000_000);
        assertThat(table.count(12345L)).isEqualTo(reference.getOrDefault(12345L, List.of()).size());
    }
}
