package org.wirearchive.core.dedup;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import org.wirearchive.core.article.Warning;
import org.wirearchive.core.article.Article;
import org.wirearchive.core.menafn.Providers;
import org.wirearchive.core.normalize.TextNormalizer;

/**
 * What the dedup index keeps of one copy (one source): its identifiers, the dates of the window, the content hashes,
 * the fingerprint, and the fields of the canonical rule. A SQL implementation stores one row per copy with these
 * columns (the band values, {@link MinHash#bands()}, are computed from the stored signature).
 *
 * @param source          the input's name (unique per copy)
 * @param articleKey      the article the copy belongs to; null only before {@link Deduplicator} assigns it
 * @param menafnArticleNo the MENAFN article number, or null
 * @param kunaId          the KUNA id, or null
 * @param providerKuna    true when the provider is KUNA (a MENAFN copy of KUNA wire text, or a kuna.net.kw page)
 * @param origin          what kind of page it is, for the canonical rule
 * @param date            the date of the window: the publication date, else the crawl date; null when neither is known
 *                        (then only the id rules apply)
 * @param crawlDate       the crawl date, or null
 * @param contentHash     SHA-256 hex of the body's comparison form
 * @param headlineHash    the first 16 hex of SHA-256 of the headline's comparison form, or null without a headline
 * @param bodyLength      the length of the body's comparison form (the "most complete" measure)
 * @param complete        false when the parser warned {@link Warning#NO_END_MARKER} (the body may be cut off)
 * @param minHash         the body's MinHash signature
 */
public record IndexedCopy(String source, String articleKey, Long menafnArticleNo, Long kunaId, boolean providerKuna,
                          Origin origin, LocalDate date, LocalDate crawlDate, String contentHash, String headlineHash,
                          int bodyLength, boolean complete, MinHash minHash) {

    /** The kind of page, best first for the canonical rule. */
    public enum Origin {
        /** A kuna.net.kw page (KUNA id, no MENAFN number): the original. */
        KUNA_SITE,
        /** A MENAFN page crawled as text. */
        MENAFN_TEXT,
        /** Anything else: saved HTML copies, mirrors. */
        OTHER
    }

    public IndexedCopy {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(minHash, "minHash");
    }

    /** Describes an article (no key yet). */
    public static IndexedCopy of(Article a) {
        return of(a, null);
    }

    /** The same, with the body's signature from {@code memo} when it holds one for the same comparison form. */
    public static IndexedCopy of(Article a, SignatureMemo memo) {
        String body = ComparisonForm.of(a.body());
        String headline = a.headline() == null ? "" : ComparisonForm.of(a.headline());
        Long kuna = a.kunaId() == null ? null : a.kunaId().value();
        boolean html = a.format() != null && a.format().toLowerCase(Locale.ROOT).contains("html");
        Origin origin = kuna != null && a.menafnArticleNo() == null ? Origin.KUNA_SITE
                : a.menafnArticleNo() != null && !html ? Origin.MENAFN_TEXT : Origin.OTHER;
        boolean providerKuna = "kuna".equals(a.providerKey()) || Providers.byCode(a.menafnProviderCode()).map(Providers.Known::key).filter("kuna"::equals).isPresent()
                || origin == Origin.KUNA_SITE;
        boolean complete = !a.warnings().contains(Warning.NO_END_MARKER.code());
        LocalDate date = a.publishedDate() != null ? a.publishedDate() : a.crawlDate();
        String contentHash = TextNormalizer.sha256Hex(body);
        return new IndexedCopy(a.source(), null, a.menafnArticleNo(), kuna, providerKuna, origin, date, a.crawlDate(),
                contentHash, headline.isEmpty() ? null : TextNormalizer.sha256Hex(headline).substring(0, 16),
                body.length(), complete,
                memo == null ? MinHash.ofComparisonForm(body) : memo.signature(contentHash, body));
    }

    /** This copy, belonging to another article. */
    public IndexedCopy withKey(String key) {
        return new IndexedCopy(source, key, menafnArticleNo, kunaId, providerKuna, origin, date, crawlDate, contentHash,
                headlineHash, bodyLength, complete, minHash);
    }

    /** This copy with another signature object (the same signature kept elsewhere, e.g. in an index's own array). */
    public IndexedCopy withMinHash(MinHash signature) {
        return new IndexedCopy(source, articleKey, menafnArticleNo, kunaId, providerKuna, origin, date, crawlDate,
                contentHash, headlineHash, bodyLength, complete, signature);
    }

    /**
     * The article key this copy gives its article when it is the canonical copy: {@code M<menafn article no>}, else
     * {@code K<kuna id>}, else {@code H<yyyymmdd>-<first 16 hex of the content hash>} (date of the window), else for an
     * undated copy {@code H-<16 hex of the content hash>-<8 hex of the source's hash>}.
     */
    public String ownKey() {
        if (menafnArticleNo != null) {
            return "M" + menafnArticleNo;
        }
        if (kunaId != null) {
            return "K" + kunaId;
        }
        if (date != null) {
            return String.format(Locale.ROOT, "H%04d%02d%02d-%s", date.getYear(), date.getMonthValue(),
                    date.getDayOfMonth(), contentHash.substring(0, 16));
        }
        return "H-" + contentHash.substring(0, 16) + "-" + TextNormalizer.sha256Hex(source).substring(0, 8);
    }

    /** True when this is a KUNA original and {@code other} a MENAFN copy of KUNA text, or the other way round. */
    boolean kunaMenafnPair(IndexedCopy other) {
        return (origin == Origin.KUNA_SITE && other.menafnArticleNo != null && other.providerKuna)
                || (other.origin == Origin.KUNA_SITE && menafnArticleNo != null && providerKuna);
    }
}
