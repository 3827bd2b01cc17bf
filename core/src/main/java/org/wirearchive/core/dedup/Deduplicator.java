package org.wirearchive.core.dedup;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.wirearchive.core.article.Article;

/**
 * Decides, one copy at a time, which article a copy belongs to, against everything a {@link DedupIndex} holds (all
 * earlier nights and the copies before it tonight), and updates the index.
 *
 * <p>A copy joins every known copy it matches by one of the {@link DedupRule}s; the articles are the connected groups
 * of that relation, so the grouping does not depend on the order of the input: a copy that matches two known
 * articles joins them. The canonical copy of an article is the best by {@link CanonicalOrder}, and the article key is
 * derived from it ({@link IndexedCopy#ownKey()}), so keys and canonical choices are order-independent too.
 *
 * <p>Not thread-safe: feed copies from one thread (the decisions of one copy depend on all before it).
 */
public final class Deduplicator {

    /** Content rules apply only when the two dates are at most this many days apart. */
    public static final int WINDOW_DAYS = 2;

    /**
     * A MinHash band value that more copies than this carry within a window is boilerplate (a stock sentence, a
     * disclaimer), not evidence: band look-ups ignore it ({@link DedupIndex#findByBands}). Without the cap the
     * candidates of every copy grow with the number of articles a day, and at a million pages the candidate checks
     * dominate the run; true near-duplicates share several bands (about six of 24 at the 0.70 threshold), so a
     * story with fewer copies than this in its window is found as before.
     */
    public static final int MAX_BAND_COPIES = 200;
    /** The default near-duplicate threshold on the estimated Jaccard similarity (calibrated, see docs/dedup.md). */
    public static final double DEFAULT_THRESHOLD = 0.70;
    /** A KUNA page and a MENAFN page with the same headline are joined only when their bodies are at least this
     * similar: routine items reuse headlines. */
    public static final double HEADLINE_LINK_MIN_SIMILARITY = 0.40;

    private final DedupIndex index;
    private final double threshold;

    public Deduplicator(DedupIndex index) {
        this(index, DEFAULT_THRESHOLD);
    }

    /** A deduplicator with another near-duplicate threshold (in (0, 1]). */
    public Deduplicator(DedupIndex index, double threshold) {
        this.index = Objects.requireNonNull(index, "index");
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
        }
        this.threshold = threshold;
    }

    /** Decides for one parsed article and records it in the index. */
    public DedupDecision add(Article article) {
        return add(IndexedCopy.of(article));
    }

    /** Decides for one described copy (its {@code articleKey} is ignored) and records it in the index. */
    public DedupDecision add(IndexedCopy incoming) {
        Optional<IndexedCopy> known = index.findBySource(incoming.source());
        if (known.isPresent() && known.get().contentHash().equals(incoming.contentHash())
                && Objects.equals(known.get().menafnArticleNo(), incoming.menafnArticleNo())
                && Objects.equals(known.get().kunaId(), incoming.kunaId())) {
            return new DedupDecision.Unchanged(known.get().articleKey());
        }
        List<Match> matches = matches(incoming);
        if (matches.isEmpty()) {
            String key = incoming.ownKey();
            index.add(incoming.withKey(key));
            index.setCanonical(key, incoming.source());
            return new DedupDecision.NewArticle(key);
        }
        Match primary = matches.get(0);
        // the canonical copies of every article this copy touches, by key (sorted: deterministic)
        Map<String, IndexedCopy> canonicals = new TreeMap<>();
        for (Match m : matches) {
            String key = m.copy().articleKey();
            canonicals.computeIfAbsent(key, k -> index.canonical(k)
                    .orElseThrow(() -> new IllegalStateException("no canonical copy for article " + k)));
        }
        IndexedCopy best = incoming;
        for (IndexedCopy c : canonicals.values()) {
            if (CanonicalOrder.better(c, best)) {
                best = c;
            }
        }
        boolean incomingWins = best == incoming;
        String key = incomingWins ? incoming.ownKey() : best.articleKey();
        List<String> retired = new ArrayList<>();
        for (String k : canonicals.keySet()) {
            if (!k.equals(key)) {
                retired.add(k);
                index.rekey(k, key);
            }
        }
        index.add(incoming.withKey(key));
        index.setCanonical(key, best.source());
        if (incomingWins) {
            IndexedCopy previous = canonicals.get(primary.copy().articleKey());
            return new DedupDecision.ReplacesCanonical(key, previous.source(), primary.rule(), primary.similarity(),
                    primary.copy().source(), retired);
        }
        return new DedupDecision.Duplicate(key, best.source(), primary.rule(), primary.similarity(),
                primary.copy().source(), retired);
    }

    /** One known copy the incoming copy matches, with the strongest rule that matched. */
    private record Match(IndexedCopy copy, DedupRule rule, double similarity) {
    }

    private static final Comparator<Match> STRONGEST_FIRST = Comparator.comparing(Match::rule)
            .thenComparing(Match::similarity, Comparator.reverseOrder())
            .thenComparing(Match::copy, CanonicalOrder.BEST_FIRST);

    private List<Match> matches(IndexedCopy c) {
        Map<String, IndexedCopy> candidates = new LinkedHashMap<>();
        if (c.menafnArticleNo() != null) {
            index.findByMenafnNo(c.menafnArticleNo()).forEach(f -> candidates.putIfAbsent(f.source(), f));
        }
        if (c.kunaId() != null) {
            index.findByKunaId(c.kunaId()).forEach(f -> candidates.putIfAbsent(f.source(), f));
        }
        if (c.date() != null) {
            LocalDate from = c.date().minusDays(WINDOW_DAYS);
            LocalDate to = c.date().plusDays(WINDOW_DAYS);
            index.findByContentHash(c.contentHash(), from, to).forEach(f -> candidates.putIfAbsent(f.source(), f));
            if (c.headlineHash() != null && (c.origin() == IndexedCopy.Origin.KUNA_SITE
                    || (c.menafnArticleNo() != null && c.providerKuna()))) {
                index.findByHeadlineHash(c.headlineHash(), from, to)
                        .forEach(f -> candidates.putIfAbsent(f.source(), f));
            }
            if (c.minHash().banded()) {
                // band candidates below the threshold could only match by a rule the look-ups above cover
                index.findSimilar(c.minHash(), from, to, threshold).forEach(f -> candidates.putIfAbsent(f.source(), f));
            }
        }
        List<Match> out = new ArrayList<>();
        for (IndexedCopy f : candidates.values()) {
            if (f.source().equals(c.source())) {
                continue; // the same input seen again with other content: it is re-decided
            }
            Match m = match(c, f, threshold);
            if (m != null) {
                out.add(m);
            }
        }
        out.sort(STRONGEST_FIRST);
        return out;
    }

    /** The strongest rule by which {@code a} and {@code b} are the same article, or null. Symmetric. */
    static Match match(IndexedCopy a, IndexedCopy b, double threshold) {
        boolean sameBody = a.contentHash().equals(b.contentHash());
        double sim = sameBody ? 1.0 : a.minHash().similarity(b.minHash());
        if (a.menafnArticleNo() != null && a.menafnArticleNo().equals(b.menafnArticleNo())) {
            return new Match(b, DedupRule.SAME_MENAFN_ID, sim);
        }
        if (a.kunaId() != null && a.kunaId().equals(b.kunaId())) {
            return new Match(b, DedupRule.SAME_KUNA_ID, sim);
        }
        if (!withinWindow(a.date(), b.date())) {
            return null;
        }
        boolean pair = a.kunaMenafnPair(b);
        boolean nearDuplicate = a.minHash().banded() && b.minHash().banded() && sim >= threshold;
        if (pair && (sameBody || nearDuplicate || (a.headlineHash() != null && a.headlineHash().equals(b.headlineHash())
                && sim >= HEADLINE_LINK_MIN_SIMILARITY))) {
            return new Match(b, DedupRule.KUNA_MENAFN_LINK, sim);
        }
        if (sameBody) {
            return new Match(b, DedupRule.SAME_BODY, sim);
        }
        if (nearDuplicate) {
            return new Match(b, DedupRule.NEAR_DUPLICATE, sim);
        }
        return null;
    }

    /** True when both dates are known and at most {@link #WINDOW_DAYS} apart. */
    static boolean withinWindow(LocalDate a, LocalDate b) {
        return a != null && b != null && Math.abs(ChronoUnit.DAYS.between(a, b)) <= WINDOW_DAYS;
    }
}
