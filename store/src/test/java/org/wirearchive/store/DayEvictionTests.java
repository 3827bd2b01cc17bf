package org.wirearchive.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The eviction's order of days and what it drops, against a plain reference (an access-ordered map of the cached
 * days and a set of the pinned ones), over random loads, uses, pins and evictions of days spread over more than a
 * year (so that days share the slots of its array by epoch day).
 */
class DayEvictionTests {

    private static final LocalDate FIRST = LocalDate.of(2025, 12, 20);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void dropsAndOrdersDaysLikeAnAccessOrderedMap(long seed) {
        java.util.Random random = new java.util.Random(seed);
        DayEviction eviction = new DayEviction(40);
        LinkedHashMap<LocalDate, Boolean> recency = new LinkedHashMap<>(64, 0.75f, true);
        Set<LocalDate> pinned = new HashSet<>();
        Map<LocalDate, Integer> copies = new LinkedHashMap<>(); // the cached days and their copies
        int drops = 0;
        for (int step = 0; step < 3000; step++) {
            // days far apart (multiples of the slot array's length) and near ones
            LocalDate day = FIRST.plusDays(random.nextBoolean() ? random.nextInt(20) : 128L * random.nextInt(4)
                    + random.nextInt(3));
            switch (random.nextInt(6)) {
                case 0 -> {
                    if (!copies.containsKey(day)) {
                        pinned.add(day);
                        eviction.pin(day);
                        copies.put(day, 1 + random.nextInt(8));
                        recency.put(day, Boolean.TRUE);
                        eviction.added(day);
                    }
                }
                case 1 -> {
                    pinned.add(day);
                    eviction.pin(day);
                }
                case 2 -> {
                    // a day pinned and used, or only pinned (not cached yet): as a chunk's ensure does
                    pinned.add(day);
                    eviction.pin(day);
                    recency.get(day);
                    eviction.used(day);
                }
                case 3, 4 -> {
                    recency.get(day);
                    eviction.used(day);
                }
                default -> {
                    if (random.nextInt(10) == 0) {
                        int bound = 5 + random.nextInt(30);
                        List<LocalDate> want = new ArrayList<>();
                        Iterator<LocalDate> it = recency.keySet().iterator();
                        while (total(copies) - sum(copies, want) > bound && it.hasNext()) {
                            LocalDate d = it.next();
                            if (!pinned.contains(d)) {
                                it.remove();
                                want.add(d);
                            }
                        }
                        pinned.clear();
                        DayEviction bounded = eviction;
                        List<LocalDate> got = new ArrayList<>();
                        evict(bounded, bound, copies, got);
                        assertThat(got).as("days dropped at step %d", step).isEqualTo(want);
                        drops += got.size();
                    }
                }
            }
            assertThat(eviction.order()).as("order after step %d", step).isEqualTo(new ArrayList<>(recency.keySet()));
        }
        assertThat(drops).isPositive();
        eviction.clear();
        assertThat(eviction.order()).isEmpty();
    }

    /** Evicts down to {@code bound} copies (the eviction's own bound is larger: the test sets it per call). */
    private static void evict(DayEviction eviction, int bound, Map<LocalDate, Integer> copies, List<LocalDate> got) {
        eviction.evict(() -> total(copies) + 40 - bound, d -> {
            got.add(d);
            copies.remove(d);
        });
    }

    private static int total(Map<LocalDate, Integer> copies) {
        return copies.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static int sum(Map<LocalDate, Integer> copies, List<LocalDate> days) {
        return days.stream().mapToInt(copies::get).sum();
    }
}
