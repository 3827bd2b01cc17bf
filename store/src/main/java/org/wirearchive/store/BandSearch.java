package org.wirearchive.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wirearchive.core.dedup.Deduplicator;
import org.wirearchive.core.dedup.IndexedCopy;
import org.wirearchive.core.dedup.MinHash;

/**
 * The band search of {@link ChunkDedupIndex}: the copies that share a MinHash band value with a signature, from the
 * committed copies of the {@link DayCache} (walked as ids, built only when returned) and from the chunk's own rows.
 * It keeps marks per cache id so that each committed copy is tested once per look-up and whether the chunk holds it
 * is found once per chunk. Not thread-safe, like the chunk it serves.
 */
final class BandSearch {

    /** What the band search needs of the chunk's unit of work. */
    interface Chunk {

        /** How many rows the chunk holds. */
        int rows();

        /** True when the chunk holds a row for {@code source} (then the row answers, not the cache). */
        boolean holds(String source);

        /** Adds the chunk's rows that carry {@code band} and are dated in {@code [from, to]}. */
        void carriers(long band, LocalDate from, LocalDate to, List<IndexedCopy> into);

        /** A committed copy with the chunk's re-keys so far applied, as the database will apply them. */
        IndexedCopy rekeyed(IndexedCopy c);
    }

    private final DayCache days;

    // Marks of the day cache's ids. tested: valid where it equals the current look-up's stamp. held (whether the chunk
    // holds a row for the id's source): valid where seen equals the chunk's stamp; an id without a valid mark is not
    // held when it was cached before the chunk started (see nextChunk), else the chunk is asked once. Within a chunk
    // the cache frees no id, a copy it loads gets a new id, and a cached copy becomes held only when pulled into the
    // chunk (marked then).
    private final IntList carriers = new IntList(256);
    /** The look-up's signature's low-byte sketch (see {@link DayIndex#similarAtLeast}). */
    private final long[] lowBytes = new long[MinHash.LOW_BYTE_WORDS];
    private final List<IndexedCopy> chunkRows = new ArrayList<>();
    private int[] tested = new int[0];
    private int[] seen = new int[0];
    private boolean[] held = new boolean[0];
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
        // committed copies and chunk rows are each found once (marks, and the rows' sources): no two share a source,
        // since a committed copy the chunk holds is answered by the chunk's row
        List<IndexedCopy> found = new ArrayList<>();
        Set<String> testedRows = null;
        List<IndexedCopy> rows = chunkRows;
        IntList ids = carriers;
        int limit = Deduplicator.MAX_BAND_COPIES + chunk.rows();
        int required = 0;
        if (signature != null) {
            signature.copyLowBytesInto(lowBytes, 0);
            required = MinHash.requiredEqual(minSimilarity);
        }
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
                int carrying = 0;
                for (int i = 0; i < ids.size(); i++) {
                    if (!heldByChunk(ids.get(i), chunk)) {
                        carrying++;
                    }
                }
                chunk.carriers(b, from, to, rows);
                carrying += rows.size();
                if (carrying > Deduplicator.MAX_BAND_COPIES) {
                    continue;
                }
                for (int i = 0; i < ids.size(); i++) {
                    int id = ids.get(i);
                    if (tested[id] == lookup || heldByChunk(id, chunk)) {
                        continue;
                    }
                    tested[id] = lookup;
                    if (signature == null || days.similarAtLeast(signature, lowBytes, required, minSimilarity, id)) {
                        found.add(chunk.rekeyed(days.copy(id)));
                    }
                }
                for (int i = 0; i < rows.size(); i++) {
                    IndexedCopy c = rows.get(i);
                    if (testedRows == null) {
                        testedRows = new HashSet<>();
                    }
                    if (testedRows.add(c.source()) && (signature == null
                            || (c.minHash().banded() && signature.similarity(c.minHash()) >= minSimilarity))) {
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
        if (++lookups == 0) { // wrapped: forget every old stamp
            Arrays.fill(tested, 0);
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
        if (++chunks == 0) {
            Arrays.fill(seen, 0);
            chunks = 1;
        }
        chunkPuts = days.puts();
    }

    private void cover(int idBound) {
        if (tested.length < idBound) {
            int n = Math.max(idBound, tested.length * 2);
            tested = Arrays.copyOf(tested, n);
            seen = Arrays.copyOf(seen, n);
            held = Arrays.copyOf(held, n);
        }
    }

    /** True when the chunk holds a row for the cached copy {@code id} (then the row answers, not the cache). */
    private boolean heldByChunk(int id, Chunk chunk) {
        if (seen[id] == chunks) {
            return held[id];
        }
        if (days.putAt(id) <= chunkPuts) {
            return false; // cached before the chunk took any row, and never marked
        }
        seen[id] = chunks;
        held[id] = chunk.holds(days.source(id));
        return held[id];
    }

    /** Notes that the chunk now holds a row for the cached copy {@code id}. */
    void markHeld(int id) {
        cover(id + 1);
        seen[id] = chunks;
        held[id] = true;
    }
}
