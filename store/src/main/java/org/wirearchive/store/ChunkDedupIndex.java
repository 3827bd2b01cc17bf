package org.wirearchive.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.wirearchive.core.dedup.DedupIndex;
import org.wirearchive.core.dedup.Deduplicator;
import org.wirearchive.core.dedup.IndexedCopy;
import org.wirearchive.core.dedup.MinHash;

/**
 * The dedup index as one step's writer sees it: the same table and the same semantics as {@link JdbcDedupIndex}, served
 * a chunk at a time. {@link #begin} starts the chunk's unit of work ({@link DedupChunk}), which loads, in a few
 * set-based queries, the copies the chunk's copies can match by identity (the same sources, MENAFN numbers and KUNA
 * ids, and the canonical copies of the keys they would give); the date-bounded lookups (same body, same headline,
 * MinHash bands) are answered from a {@link DayCache} of whole window days that lives across chunks (a day costs one
 * query the first time it is needed, then nothing). The lookups and writes of {@link Deduplicator} are served and
 * recorded in memory (so the copies of one chunk see each other), and {@link #flush()} writes the chunk's changes with
 * JDBC batches, in the chunk's transaction; the day cache takes the changes only once that transaction committed, and
 * is emptied when it rolls back.
 *
 * <p>Memory is bounded by the chunk, the articles it touches and the cache's bound, never by the archive. Outside a
 * chunk ({@link #begin} not called) every call goes to the database directly.
 */
public class ChunkDedupIndex implements DedupIndex {

    /**
     * Default bound of the day cache, in copies (about 1 to 2 KB of heap each): room for the days around the current
     * crawl day of a dense archive. At 30,000 copies a day a chunk's window days alone hold ~150,000 (kept whatever
     * the bound); the days at the window's edge, used by every second or third chunk (files published a week before
     * their crawl), were dropped after each chunk at a bound of 50,000 and reloaded: 6.6 million copies loaded for
     * 1,000,000 pages, against 2.7 million at 200,000 (a night 14% shorter, peak RSS 922 against 912 MiB).
     */
    public static final int DEFAULT_CACHE_COPIES = 200_000;

    private final JdbcTemplate jdbc;
    private final JdbcDedupIndex direct;
    private final DayCache days;
    private final BandSearch bandSearch;

    /** The chunk's unit of work between {@link #begin} and {@link #flush()} or {@link #discard()}. */
    private DedupChunk chunk;
    /** Who answers the dedup calls: the chunk's unit of work, or the database outside a chunk. */
    private DedupIndex current;

    public ChunkDedupIndex(JdbcTemplate jdbc) {
        this(jdbc, DEFAULT_CACHE_COPIES);
    }

    public ChunkDedupIndex(JdbcTemplate jdbc, int cacheCopies) {
        this.jdbc = jdbc;
        this.direct = new JdbcDedupIndex(jdbc);
        this.days = new DayCache(jdbc, DedupCopies.COLUMNS_AND_CANONICAL, cacheCopies);
        this.bandSearch = new BandSearch(days);
        this.current = direct;
    }

    /** Loads every identity candidate of the chunk's copies and the window days of their dates; starts recording. */
    public void begin(List<IndexedCopy> incoming) {
        discard();
        DedupChunk started = new DedupChunk(jdbc, days, bandSearch, incoming);
        chunk = started;
        current = started;
    }

    /** Forgets the chunk's state without writing (the chunk rolled back, or is about to be retried). */
    public void discard() {
        chunk = null;
        current = direct;
    }

    /**
     * Forgets the chunk, if any, and everything cached: at the end of the step, so that the heap the cached window
     * days took (~200 MB at 30,000 pages a day) is free for the report step. A later step loads the days again.
     */
    public void release() {
        discard();
        days.clear();
    }

    /** How many window days were loaded from the database, and how many copies, since this index was made. */
    public String cacheStatistics() {
        return days.dayLoads() + " day loads, " + days.rowsLoaded() + " copies loaded, " + days.size() + " cached";
    }

    /**
     * Writes what the chunk changed, with JDBC batches, and ends the chunk. The day cache takes the chunk's final
     * state after the surrounding transaction commits (at once when there is none), and is emptied on a rollback.
     */
    public void flush() {
        DedupChunk ending = chunk;
        discard();
        if (ending == null) {
            return;
        }
        DedupChunk.Written written = ending.write();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_COMMITTED) {
                        days.apply(written.rekeys(), written.finalStates());
                    } else {
                        days.clear();
                    }
                }
            });
        } else {
            days.apply(written.rekeys(), written.finalStates());
        }
    }

    @Override
    public List<IndexedCopy> findByMenafnNo(long articleNo) {
        return current.findByMenafnNo(articleNo);
    }

    @Override
    public List<IndexedCopy> findByKunaId(long kunaId) {
        return current.findByKunaId(kunaId);
    }

    @Override
    public List<IndexedCopy> findByContentHash(String contentHash, LocalDate from, LocalDate to) {
        return current.findByContentHash(contentHash, from, to);
    }

    @Override
    public List<IndexedCopy> findByHeadlineHash(String headlineHash, LocalDate from, LocalDate to) {
        return current.findByHeadlineHash(headlineHash, from, to);
    }

    @Override
    public List<IndexedCopy> findByBands(long[] bands, LocalDate from, LocalDate to) {
        return current.findByBands(bands, from, to);
    }

    @Override
    public List<IndexedCopy> findSimilar(MinHash signature, LocalDate from, LocalDate to, double minSimilarity) {
        return current.findSimilar(signature, from, to, minSimilarity);
    }

    @Override
    public Optional<IndexedCopy> canonical(String articleKey) {
        return current.canonical(articleKey);
    }

    @Override
    public Optional<IndexedCopy> findBySource(String source) {
        return current.findBySource(source);
    }

    @Override
    public void add(IndexedCopy copy) {
        current.add(copy);
    }

    @Override
    public void setCanonical(String articleKey, String source) {
        current.setCanonical(articleKey, source);
    }

    @Override
    public void rekey(String oldKey, String newKey) {
        current.rekey(oldKey, newKey);
    }
}
