package org.wirearchive.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wirearchive.core.dedup.Deduplicator;
import org.wirearchive.core.dedup.IndexedCopy;
import org.wirearchive.core.dedup.MinHash;

/**
 * The band search of {@link ChunkDedupIndex}: the copies that share a MinHash band value with a signature, from the
 * committed copies of the {@link DayCache} (walked as ids, built only when returned) and from the chunk's own rows.
 * It keeps marks per cache id and per chunk row number so that each committed copy and each row is tested once per
 * look-up, and whether the chunk holds a committed copy is found once per chunk. Not thread-safe, like the chunk it
 * serves.
 */
final class BandSearch {

    /** What the band search needs of the chunk's unit of work. */
    interface Chunk {

        /** How many rows the chunk holds. */
        int rows();

        /** True when the chunk holds a row for {@code source} (then the row answers, not the cache). */
        boolean holds(String source);

        /**
         * Adds the numbers of the chunk's rows that carry {@code band} and are dated in {@code [from, to]} (a row keeps
         * its number, below {@link #rowNumbers()}, and its source for the chunk's life).
         */
        void carriers(long band, LocalDate from, LocalDate to, IntList into);

        /** An upper bound of the row numbers. */
        int rowNumbers();

        /** The row with this number as it is now. */
        IndexedCopy row(int number);

        /** A committed copy with the chunk's re-keys so far applied, as the database will apply them. */
        IndexedCopy rekeyed(IndexedCopy c);
    }

    private final DayCache days;

    // Marks of the day cache's ids. state (whether the chunk holds the id's copy, and whether the look-up tested it):
    // valid where its stamp part equals the current look-up's stamp, so a carrier of many of the look-up's band values
    // is looked at once. heldMark (whether the chunk holds a row for the id's source): valid where its stamp part
    // equals the chunk's stamp; an id without a valid mark is not held when it was cached before the chunk started
    // (see nextChunk), else the chunk is asked once. Within a chunk the cache frees no id, a copy it loads gets a new
    // id, and a cached copy becomes held only when pulled into the chunk (marked then).
    private static final int HELD = 1;
    private static final int TESTED = 2;
    private final IntList carriers = new IntList(256);
    private final IntList chunkRows = new IntList(64);
    /** The look-up's signature as ints, for {@link DayCache#similarAtLeast}. */
    private final int[] signatureInts = new int[MinHash.HASHES];
    private final long[] signatureSketch = new long[DayIndex.SKETCH_LONGS];
    /** {@code lookup << 2 | TESTED? | HELD?}. */
    private int[] state = new int[0];
    /** Marks of the chunk's row numbers: valid where it equals the current look-up's stamp. */
    private int[] testedRow = new int[0];
    /** {@code chunks << 1 | 1} held, {@code chunks << 1} not held: a valid mark of the current chunk. */
    private int[] heldMark = new int[0];
    private int lookups;
    private int chunks;
    /** The day cache's {@link DayCache#puts()} when the chunk started: a copy put later is checked by its source. */
    private long chunkPuts;

    BandSearch(DayCache days) {
        this.days = days;
    }

    /**
     * The copies dated in {@code [from, to]} that share a band value with {@code bands}, leaving out every band value
     * more than {@link Deduplicator#MAX_BAND_COPIES} of them carry; with a {@code signature}, only those whose own is
     * banded and at least {@code minSimilarity} similar to it. The committed carriers of a band are walked as ids of
     * the day cache, and only a copy that is returned is built (with the chunk's re-keys so far applied). A carrier
     * the chunk holds is counted and tested as the chunk's row (it may have been rewritten in this chunk).
     */
    List<IndexedCopy> candidates(long[] bands, LocalDate from, LocalDate to, MinHash signature,
            double minSimilarity, Chunk chunk) {
        days.ensure(from, to);
        int lookup = nextLookup(days.idBound());
        // committed copies and chunk rows are each found once (marks by id and by row number): no two share a source,
        // since a committed copy the chunk holds is answered by the chunk's row
        List<IndexedCopy> found = new ArrayList<>();
        if (testedRow.length < chunk.rowNumbers()) {
            testedRow = Arrays.copyOf(testedRow, Math.max(chunk.rowNumbers(), testedRow.length * 2));
        }
        IntList rows = chunkRows;
        int[] sig = signatureInts;
        long[] sketch = signatureSketch;
        int need = 0;
        if (signature != null) {
            signature.copyInto(sig, 0);
            DayIndex.sketch(sig, 0, sketch, 0);
            need = DayIndex.equalPositions(minSimilarity);
        }
        IntList ids = carriers;
        int limit = Deduplicator.MAX_BAND_COPIES + chunk.rows();
        days.openWindow(from, to);
        try {
            for (long b : bands) {
                ids.clear();
                rows.clear();
                // committed carriers that the chunk does not hold are exact; at most every chunk row differs from its
                // committed self: beyond that margin the band is certainly too common, without looking at its copies
                if (days.windowCarriers(b, ids, limit) < 0) {
                    continue;
                }
                // the carriers the chunk does not hold, kept in place (a held one is counted and tested as a row)
                int committed = 0;
                for (int i = 0; i < ids.size(); i++) {
                    int id = ids.get(i);
                    int st = state[id];
                    if (st >>> 2 != lookup) {
                        st = lookup << 2 | (heldByChunk(id, chunk) ? HELD : 0);
                        state[id] = st;
                    }
                    if ((st & HELD) == 0) {
                        ids.set(committed++, id);
                    }
                }
                ids.truncate(committed);
                chunk.carriers(b, from, to, rows);
                if (committed + rows.size() > Deduplicator.MAX_BAND_COPIES) {
                    continue;
                }
                for (int i = 0; i < committed; i++) {
                    int id = ids.get(i);
                    int st = state[id];
                    if ((st & TESTED) != 0) {
                        continue;
                    }
                    state[id] = st | TESTED;
                    if (signature == null || days.similarAtLeast(sig, sketch, need, minSimilarity, id)) {
                        found.add(chunk.rekeyed(days.copy(id)));
                    }
                }
                for (int i = 0; i < rows.size(); i++) {
                    int number = rows.get(i);
                    if (testedRow[number] == lookup) {
                        continue;
                    }
                    testedRow[number] = lookup;
                    IndexedCopy c = chunk.row(number);
                    if (signature == null
                            || (c.minHash().banded() && signature.similarity(c.minHash()) >= minSimilarity)) {
                        found.add(c);
                    }
                }
            }
        } finally {
            days.closeWindow();
        }
        rows.clear();
        return found;
    }

    /** Starts a look-up: a new stamp, and mark arrays that cover every id below {@code idBound}. */
    private int nextLookup(int idBound) {
        cover(idBound);
        if (++lookups == 1 << 29) { // wrapped: forget every old stamp
            Arrays.fill(state, 0);
            Arrays.fill(testedRow, 0);
            lookups = 1;
        }
        return lookups;
    }

    /**
     * Starts a chunk: no cached copy is held until {@link #markHeld} says so. Called once the chunk's window days are
     * cached and before it loads its rows: every row the chunk then takes of a copy cached by then is marked when it
     * is taken ({@link #markHeld}); whether the chunk holds a copy cached later (a day loaded within the chunk) is
     * asked of the chunk, once per chunk.
     */
    void nextChunk() {
        if (++chunks == 1 << 30) { // wrapped: forget every old mark
            Arrays.fill(heldMark, 0);
            chunks = 1;
        }
        chunkPuts = days.puts();
    }

    private void cover(int idBound) {
        if (state.length < idBound) {
            int n = Math.max(idBound, state.length * 2);
            state = Arrays.copyOf(state, n);
            heldMark = Arrays.copyOf(heldMark, n);
        }
    }

    /** True when the chunk holds a row for the cached copy {@code id} (then the row answers, not the cache). */
    private boolean heldByChunk(int id, Chunk chunk) {
        int mark = heldMark[id];
        if (mark >>> 1 == chunks) {
            return (mark & 1) != 0;
        }
        if (days.putAt(id) <= chunkPuts) {
            return false; // cached before the chunk took any row, and never marked
        }
        boolean held = chunk.holds(days.copy(id).source());
        heldMark[id] = chunks << 1 | (held ? 1 : 0);
        return held;
    }

    /** Notes that the chunk now holds a row for the cached copy {@code id}. */
    void markHeld(int id) {
        cover(id + 1);
        heldMark[id] = chunks << 1 | 1;
    }
}
