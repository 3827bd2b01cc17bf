package org.wirearchive.batch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The primitive band table against a plain map of lists, under random adds and removes (growth and deletion). */
class BandPostingsTests {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void behavesLikeAMapOfLists(long seed) {
        Random random = new Random(seed);
        BandPostings table = new BandPostings();
        Map<Long, List<String>> reference = new HashMap<>();
        // few distinct keys (long probe runs, many sources a key) or many (growth), and negative values
        long[] keys = new long[seed % 2 == 0 ? 40 : 5000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = random.nextLong();
        }
        List<long[]> present = new ArrayList<>();
        for (int step = 0; step < 40_000; step++) {
            if (present.isEmpty() || random.nextInt(3) > 0) {
                long k = keys[random.nextInt(keys.length)];
                String src = "s" + random.nextInt(1_000_000);
                table.add(k, src);
                reference.computeIfAbsent(k, x -> new ArrayList<>()).add(src);
                present.add(new long[] {k, Long.parseLong(src.substring(1))});
            } else {
                long[] p = present.remove(random.nextInt(present.size()));
                String src = "s" + p[1];
                table.remove(p[0], src);
                List<String> l = reference.get(p[0]);
                l.remove(src);
                if (l.isEmpty()) {
                    reference.remove(p[0]);
                }
            }
            if (step % 997 == 0) {
                for (long k : keys) {
                    List<String> got = new ArrayList<>();
                    table.collect(k, got);
                    List<String> want = reference.getOrDefault(k, List.of());
                    assertThat(got).containsExactlyInAnyOrderElementsOf(want);
                    assertThat(table.count(k)).isEqualTo(want.size());
                }
            }
        }
        table.remove(12345L, "absent");
        assertThat(table.count(12345L)).isEqualTo(reference.getOrDefault(12345L, List.of()).size());
    }
}
