package org.wirearchive.core.dedup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The persistent state of deduplication: one entry per copy ever seen, each with the article key it belongs to, and
 * which copy is each article's canonical one. Every lookup is by an indexed value, the content lookups restricted to a
 * date range, so a SQL implementation needs only these indexes and never loads all of history into memory:
 * {@code menafn_article_no}, {@code kuna_id}, {@code (content_hash, date)}, {@code (headline_hash, date)},
 * {@code article_key}, and {@code date}: the band lookup can load the copies of the window's days and compare the
 * {@link MinHash#BANDS} band values of their signatures (band values already encode their band number).
 *
 * <p>Lookups return copies in any order; {@link Deduplicator} sorts what it uses. Copies without a date are never
 * returned by a date-range lookup.
 */
public interface DedupIndex {

    /** Copies with this MENAFN article number. */
    List<IndexedCopy> findByMenafnNo(long articleNo);

    /** Copies with this KUNA id. */
    List<IndexedCopy> findByKunaId(long kunaId);

    /** Copies with this content hash and a date in {@code [from, to]}. */
    List<IndexedCopy> findByContentHash(String contentHash, LocalDate from, LocalDate to);

    /** Copies with this headline hash and a date in {@code [from, to]}. */
    List<IndexedCopy> findByHeadlineHash(String headlineHash, LocalDate from, LocalDate to);

    /**
     * Copies sharing at least one band value with {@code bands} and a date in {@code [from, to]}, ignoring every band
     * value that more than {@link Deduplicator#MAX_BAND_COPIES} copies dated in {@code [from, to]} carry.
     */
    List<IndexedCopy> findByBands(long[] bands, LocalDate from, LocalDate to);

    /**
     * The copies {@link #findByBands} finds for the bands of {@code signature} whose own signature is banded and at
     * least {@code minSimilarity} similar to it: the only band candidates that can be near-duplicates. (A band
     * candidate below the threshold can match only by an id, the same body or, for a KUNA/MENAFN pair, the same
     * headline, and the id, body and headline look-ups find those.) Implementations may answer this without
     * materialising the other candidates; the result must be the same set as this default's.
     */
    default List<IndexedCopy> findSimilar(MinHash signature, LocalDate from, LocalDate to, double minSimilarity) {
        List<IndexedCopy> out = new ArrayList<>();
        for (IndexedCopy c : findByBands(signature.bands(), from, to)) {
            if (c.minHash().banded() && signature.similarity(c.minHash()) >= minSimilarity) {
                out.add(c);
            }
        }
        return out;
    }

    /** The canonical copy of an article, or empty for an unknown key. */
    Optional<IndexedCopy> canonical(String articleKey);

    /** Stores a copy under its {@link IndexedCopy#articleKey()}; a source already stored is replaced. */
    void add(IndexedCopy copy);

    /** Marks the copy {@code source} as the canonical copy of {@code articleKey}. */
    void setCanonical(String articleKey, String source);

    /** Moves every copy of {@code oldKey} to {@code newKey} (the article {@code oldKey} ceases to exist). */
    void rekey(String oldKey, String newKey);

    /** True when a copy with this source name is stored (a rerun of the same input). */
    Optional<IndexedCopy> findBySource(String source);
}
