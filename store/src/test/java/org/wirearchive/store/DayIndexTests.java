package org.wirearchive.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wirearchive.core.dedup.IndexedCopy;
import org.wirearchive.core.dedup.MinHash;

/**
 * The band look-up of the day cache's index over a window that is resolved once ({@code openWindow},
 * {@code windowCarriers}, {@code closeWindow}) against a plain reference that probes every day of the window for every
 * band, reporting each use of a day at once, as the look-up did before: the same carriers, the same counts and cut-offs
 * at the limit, and the same order of the days' last uses, which is what the eviction drops by.
 */
class DayIndexTests {

    private static final LocalDate FIRST = LocalDate.of(2026, 3, 1);
    private static final int DAYS = 12;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void windowedLookUpsFindAndUseDaysLikeProbingEveryDay(long seed) {
        Random random = new Random(seed);
        LinkedHashMap<LocalDate, Boolean> recency = new LinkedHashMap<>(16, 0.75f, true);
        DayIndex index = new DayIndex(recency::get);
        // the reference: every copy's band values by day
        Map<LocalDate, List<long[]>> bandsByDay = new HashMap<>();
        Map<LocalDate, List<Integer>> idsByDay = new HashMap<>();
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST.plusDays(d);
            index.addDay(day);
            recency.put(day, Boolean.TRUE);
            bandsByDay.put(day, new ArrayList<>());
            idsByDay.put(day, new ArrayList<>());
        }
        // signatures drawn from few variants per band, so that band values are shared by many copies on many days
        int copies = 400 + random.nextInt(400);
        for (int i = 0; i < copies; i++) {
            LocalDate day = FIRST.plusDays(random.nextInt(DAYS));
            MinHash sig = signature(random, 1 + random.nextInt(4));
            index.put(copy("s" + i, day, sig), false);
            bandsByDay.get(day).add(sig.bands());
            idsByDay.get(day).add(index.id("s" + i));
        }
        LinkedHashMap<LocalDate, Boolean> expectedRecency = new LinkedHashMap<>(16, 0.75f, true);
        expectedRecency.putAll(recency);

        for (int lookup = 0; lookup < 300; lookup++) {
            LocalDate from = FIRST.plusDays(random.nextInt(DAYS - 4));
            LocalDate to = from.plusDays(random.nextInt(5));
            int limit = random.nextInt(60);
            long[] bands = signature(random, 1 + random.nextInt(4)).bands();
            index.openWindow(from, to);
            for (long band : bands) {
                IntList got = new IntList(4);
                int n = index.windowCarriers(band, got, limit);
                // the reference: day after day, each used at once, until more than the limit carry the band
                List<Integer> want = new ArrayList<>();
                int count = 0;
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    expectedRecency.get(d);
                    List<long[]> dayBands = bandsByDay.get(d);
                    for (int c = 0; c < dayBands.size(); c++) {
                        if (carries(dayBands.get(c), band)) {
                            count++;
                            want.add(idsByDay.get(d).get(c));
                        }
                    }
                    if (count > limit) {
                        break;
                    }
                }
                if (count > limit) {
                    assertThat(n).isEqualTo(-1);
                } else {
                    assertThat(n).isEqualTo(count);
                    List<Integer> ids = new ArrayList<>();
                    for (int i = 0; i < got.size(); i++) {
                        ids.add(got.get(i));
                    }
                    assertThat(ids).containsExactlyInAnyOrderElementsOf(want);
                }
            }
            index.closeWindow();
            assertThat(recency.keySet()).as("order of the days' last uses after look-up %d", lookup)
                    .containsExactlyElementsOf(expectedRecency.keySet());
            // now and then a day used on its own (a load, a same-body look-up) between the band look-ups
            if (random.nextInt(4) == 0) {
                LocalDate d = FIRST.plusDays(random.nextInt(DAYS));
                index.content("no such hash", d, d, new java.util.HashSet<>());
                expectedRecency.get(d);
            }
        }
    }

    /**
     * The band table is shared by every cached day: the look-ups stay exact while days are dropped (the eviction) and
     * cached again, copies are rewritten or moved to another day (their ids freed and reused), and band values are
     * carried by more copies than the limit; against a reference of the live copies by day.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void lookUpsStayExactWhileDaysAreDroppedAndCachedAgainAndIdsReused(long seed) {
        Random random = new Random(seed);
        LinkedHashMap<LocalDate, Boolean> recency = new LinkedHashMap<>(16, 0.75f, true);
        DayIndex index = new DayIndex(recency::get);
        // what is stored, by source (a dropped day's copies stay stored and come back when the day is cached again)
        Map<String, IndexedCopy> stored = new LinkedHashMap<>();
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST.plusDays(d);
            index.addDay(day);
            recency.put(day, Boolean.TRUE);
        }
        int next = 0;
        for (; next < 300; next++) {
            IndexedCopy c = copy("s" + next, FIRST.plusDays(random.nextInt(DAYS)), variedSignature(random));
            stored.put(c.source(), c);
            index.put(c, false);
        }
        java.util.Set<Integer> freed = new java.util.HashSet<>();
        int reused = 0;
        int overLimit = 0;
        for (int step = 0; step < 400; step++) {
            int what = random.nextInt(10);
            if (what == 0) {
                // the eviction drops a day
                LocalDate d = FIRST.plusDays(random.nextInt(DAYS));
                if (index.hasDay(d)) {
                    for (IndexedCopy c : stored.values()) {
                        if (c.date().equals(d)) {
                            freed.add(index.id(c.source()));
                        }
                    }
                    index.dropDay(d);
                    recency.remove(d);
                }
            } else if (what == 1) {
                // a chunk commits new copies and rewrites (a new body, sometimes a new day) of cached ones
                List<DayIndex.Entry> states = new ArrayList<>();
                List<String> live = liveSources(index, stored);
                for (int i = random.nextInt(6); i > 0; i--) {
                    IndexedCopy c = copy("s" + next++, FIRST.plusDays(random.nextInt(DAYS)), variedSignature(random));
                    stored.put(c.source(), c);
                    states.add(new DayIndex.Entry(c, false));
                }
                for (int i = random.nextInt(4); i > 0 && !live.isEmpty(); i--) {
                    String src = live.get(random.nextInt(live.size()));
                    IndexedCopy old = stored.get(src);
                    LocalDate date = random.nextBoolean() ? old.date() : FIRST.plusDays(random.nextInt(DAYS));
                    IndexedCopy c = copy(src, date, variedSignature(random));
                    freed.add(index.id(src));
                    stored.put(src, c);
                    states.add(new DayIndex.Entry(c, false));
                }
                index.apply(List.of(), states);
                for (DayIndex.Entry e : states) {
                    if (freed.contains(index.id(e.copy().source()))) {
                        reused++;
                    }
                }
            } else {
                LocalDate from = FIRST.plusDays(random.nextInt(DAYS - 4));
                LocalDate to = from.plusDays(random.nextInt(5));
                // the window's days cached again where dropped, with their stored copies
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    if (!index.hasDay(d)) {
                        index.addDay(d);
                        recency.put(d, Boolean.TRUE);
                        for (IndexedCopy c : stored.values()) {
                            if (c.date().equals(d)) {
                                index.put(c, false);
                                if (freed.contains(index.id(c.source()))) {
                                    reused++;
                                }
                            }
                        }
                    }
                }
                LinkedHashMap<LocalDate, Boolean> expectedRecency = new LinkedHashMap<>(16, 0.75f, true);
                expectedRecency.putAll(recency);
                int limit = random.nextInt(40);
                long[] bands = variedSignature(random).bands();
                index.openWindow(from, to);
                for (long band : bands) {
                    IntList got = new IntList(4);
                    int n = index.windowCarriers(band, got, limit);
                    List<Integer> want = new ArrayList<>();
                    int count = 0;
                    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                        expectedRecency.get(d);
                        for (IndexedCopy c : stored.values()) {
                            if (c.date().equals(d) && carries(c.minHash().bands(), band)) {
                                count++;
                                want.add(index.id(c.source()));
                            }
                        }
                        if (count > limit) {
                            break;
                        }
                    }
                    if (count > limit) {
                        overLimit++;
                        assertThat(n).isEqualTo(-1);
                    } else {
                        assertThat(n).isEqualTo(count);
                        List<Integer> ids = new ArrayList<>();
                        for (int i = 0; i < got.size(); i++) {
                            ids.add(got.get(i));
                        }
                        assertThat(ids).containsExactlyInAnyOrderElementsOf(want);
                    }
                }
                index.closeWindow();
                assertThat(recency.keySet()).as("order of the days' last uses after step %d", step)
                        .containsExactlyElementsOf(expectedRecency.keySet());
            }
        }
        assertThat(reused).as("copies put under a freed id").isPositive();
        assertThat(overLimit).as("band values over the limit").isPositive();
    }

    /** The early-stopping similarity test says what the similarity compared with the threshold says. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23})
    void similarAtLeastAgreesWithTheSimilarity(long seed) {
        Random random = new Random(seed);
        DayIndex index = new DayIndex(d -> { });
        LocalDate day = FIRST;
        index.addDay(day);
        for (int i = 0; i < 200; i++) {
            MinHash sig = random.nextInt(10) == 0 ? MinHash.fromBytes(new byte[MinHash.HASHES * 4], 2)
                    : random.nextBoolean() ? signature(random, 1 + random.nextInt(3)) : wideSignature(random);
            index.put(copy("s" + i, day, sig), false);
        }
        double[] thresholds = {Double.NaN, -2, -1, 0, 0.3, 0.4, 0.6979, 0.7, 0.7001, 0.71, 0.99, 1, 1.01};
        int[] ints = new int[MinHash.HASHES];
        long[] sketch = new long[DayIndex.SKETCH_LONGS];
        int agreedTrue = 0;
        for (int probe = 0; probe < 200; probe++) {
            MinHash sig = random.nextBoolean() ? signature(random, 1 + random.nextInt(3)) : wideSignature(random);
            sig.copyInto(ints, 0);
            DayIndex.sketch(ints, 0, sketch, 0);
            for (double t : thresholds) {
                int need = DayIndex.equalPositions(t);
                for (int id = 0; id < index.idBound(); id++) {
                    boolean want = index.similarity(sig, id) >= t;
                    assertThat(index.similarAtLeast(ints, sketch, need, t, id)).as("copy %d at %s", id, t)
                            .isEqualTo(want);
                    agreedTrue += want ? 1 : 0;
                }
            }
        }
        assertThat(agreedTrue).isPositive();
    }

    /** The stored sources whose day is cached. */
    private static List<String> liveSources(DayIndex index, Map<String, IndexedCopy> stored) {
        List<String> out = new ArrayList<>();
        for (IndexedCopy c : stored.values()) {
            if (index.hasDay(c.date())) {
                assertThat(index.id(c.source())).as("cached copy %s", c.source()).isNotNegative();
                out.add(c.source());
            } else {
                assertThat(index.id(c.source())).as("copy %s of a dropped day", c.source()).isEqualTo(-1);
            }
        }
        return out;
    }

    /** Mostly signatures of few variants per position; one in five the same stock signature (a common band). */
    private static MinHash variedSignature(Random random) {
        return signature(random, random.nextInt(5) == 0 ? 1 : 2 + random.nextInt(3));
    }

    private static boolean carries(long[] bands, long band) {
        for (long b : bands) {
            if (b == band) {
                return true;
            }
        }
        return false;
    }

    /** A banded signature whose rows are drawn from {@code variants} values per position. */
    private static MinHash signature(Random random, int variants) {
        byte[] bytes = new byte[MinHash.HASHES * 4];
        for (int i = 0; i < MinHash.HASHES; i++) {
            bytes[4 * i + 3] = (byte) random.nextInt(variants);
        }
        // a band holds 4 positions: few variants per position still make many band values, so most bands differ
        return MinHash.fromBytes(bytes, MinHash.MIN_SHINGLES + 10);
    }

    /** A banded signature whose positions also differ above their low bits (which the sketch does not see). */
    private static MinHash wideSignature(Random random) {
        byte[] bytes = new byte[MinHash.HASHES * 4];
        for (int i = 0; i < MinHash.HASHES; i++) {
            bytes[4 * i + 2] = (byte) random.nextInt(2);
            bytes[4 * i + 3] = (byte) random.nextInt(2);
        }
        return MinHash.fromBytes(bytes, MinHash.MIN_SHINGLES + 10);
    }

    private static IndexedCopy copy(String source, LocalDate date, MinHash sig) {
        return new IndexedCopy(source, "K" + source, null, null, false, IndexedCopy.Origin.OTHER, date, date,
                "hash-" + source, null, 100, true, sig);
    }
}
