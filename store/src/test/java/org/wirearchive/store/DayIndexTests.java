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
     * The index keeps the signatures of its copies in blocks of its own, not in the copies: every copy it hands out
     * (by id, by source, as an entry) has exactly the signature and shingle count it was put with, the similarity it
     * reports is the signatures' own, and the band look-up finds it by its bands; also after days were dropped (their
     * ids reused by copies put later, across more than one block) and after a committed chunk re-applied a copy.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 8, 9})
    void handsOutEveryCopyWithTheSignatureItWasPut(long seed) {
        Random random = new Random(seed);
        DayIndex index = new DayIndex(d -> { });
        Map<String, MinHash> put = new LinkedHashMap<>();
        Map<String, LocalDate> dayOf = new HashMap<>();
        int serial = 0;
        for (int round = 0; round < 4; round++) {
            if (round == 2) { // as at a step's end or a rollback: everything forgotten, the blocks made again
                index.clear();
                assertThat(index.size()).isZero();
                put.clear();
                dayOf.clear();
            }
            for (int d = 0; d < DAYS; d++) {
                LocalDate day = FIRST.plusDays(d);
                if (!index.hasDay(day)) {
                    index.addDay(day);
                }
            }
            // more than one block of ids (1,024) in every round
            for (int i = 0; i < 1_500; i++) {
                LocalDate day = FIRST.plusDays(random.nextInt(DAYS));
                // short bodies too: fewer shingles than bands need
                int shingles = random.nextInt(4) == 0 ? random.nextInt(MinHash.MIN_SHINGLES) : 20 + random.nextInt(300);
                MinHash sig = withShingles(signature(random, 2 + random.nextInt(200)), shingles);
                String source = "s" + serial++;
                index.put(copy(source, day, sig), random.nextBoolean());
                put.put(source, sig);
                dayOf.put(source, day);
            }
            // a committed chunk re-applies some copies as they are (only the key changes) and rewrites others
            List<DayIndex.Entry> finals = new ArrayList<>();
            for (String source : new ArrayList<>(put.keySet())) {
                if (random.nextInt(20) == 0) {
                    MinHash sig = random.nextBoolean() ? put.get(source)
                            : withShingles(signature(random, 50), MinHash.MIN_SHINGLES + 1);
                    finals.add(new DayIndex.Entry(copy(source, dayOf.get(source), sig).withKey("R" + source), false));
                    put.put(source, sig);
                }
            }
            index.apply(List.of(), finals);
            // drop a few days: their ids are reused by the next round's copies
            for (int k = 0; k < 3; k++) {
                LocalDate gone = FIRST.plusDays(random.nextInt(DAYS));
                if (index.hasDay(gone)) {
                    index.dropDay(gone);
                    put.keySet().removeIf(s -> dayOf.get(s).equals(gone));
                }
            }
            int checked = 0;
            MinHash probe = signature(random, 3);
            for (Map.Entry<String, MinHash> e : put.entrySet()) {
                int id = index.id(e.getKey());
                assertThat(id).isNotNegative();
                IndexedCopy got = index.copy(id);
                assertThat(got.minHash()).as(e.getKey()).isEqualTo(e.getValue());
                assertThat(got.minHash().shingles()).isEqualTo(e.getValue().shingles());
                assertThat(index.entry(id).copy().minHash()).isEqualTo(e.getValue());
                assertThat(index.get(e.getKey()).copy()).isEqualTo(got);
                assertThat(index.source(id)).isEqualTo(e.getKey());
                assertThat(index.similarity(probe, id))
                        .isEqualTo(e.getValue().banded() ? probe.similarity(e.getValue()) : -1);
                // the sketch-first test decides as the similarity does: for an unrelated probe, for the copy's own
                // signature, and for one whose changed positions keep their low bytes (the sketch cannot see them)
                for (MinHash p : List.of(probe, e.getValue(), highBitsChanged(e.getValue(), random))) {
                    long[] low = new long[MinHash.LOW_BYTE_WORDS];
                    p.copyLowBytesInto(low, 0);
                    for (double t : new double[] {-1, 0, 0.3, 0.5, 0.7, 0.9, 1, 1.5}) {
                        assertThat(index.similarAtLeast(p, low, MinHash.requiredEqual(t), t, id))
                                .as("%s at %s", e.getKey(), t).isEqualTo(index.similarity(p, id) >= t);
                    }
                }
                if (e.getValue().banded()) {
                    LocalDate day = dayOf.get(e.getKey());
                    index.openWindow(day, day);
                    IntList carriers = new IntList(4);
                    index.windowCarriers(e.getValue().bands()[random.nextInt(MinHash.BANDS)], carriers, 100_000);
                    index.closeWindow();
                    boolean found = false;
                    for (int i = 0; i < carriers.size(); i++) {
                        found |= carriers.get(i) == id;
                    }
                    assertThat(found).as("%s found by one of its bands", e.getKey()).isTrue();
                }
                checked++;
            }
            assertThat(checked).isEqualTo(index.size()).isGreaterThan(1_000);
        }
    }

    /** The signature with a random third of its positions changed above their low byte. */
    private static MinHash highBitsChanged(MinHash sig, Random random) {
        byte[] bytes = sig.toBytes();
        for (int i = 0; i < MinHash.HASHES; i++) {
            if (random.nextInt(3) == 0) {
                bytes[4 * i + 1] ^= (byte) (1 + random.nextInt(255));
            }
        }
        return MinHash.fromBytes(bytes, sig.shingles());
    }

    private static MinHash withShingles(MinHash sig, int shingles) {
        return MinHash.fromBytes(sig.toBytes(), shingles);
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

    private static IndexedCopy copy(String source, LocalDate date, MinHash sig) {
        return new IndexedCopy(source, "K" + source, null, null, false, IndexedCopy.Origin.OTHER, date, date,
                "hash-" + source, null, 100, true, sig);
    }
}
