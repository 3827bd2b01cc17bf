package org.wirearchive.core.dedup;

import java.util.Comparator;

/**
 * The canonical rule: which copy of an article is the one the article row shows. Best first:
 * <ol>
 *   <li>a complete body over one the parser flagged as possibly partial;</li>
 *   <li>the longer body (length of the comparison form): the most complete text, so a correction that adds a
 *       sentence wins;</li>
 *   <li>the original over a copy: kuna.net.kw page, then MENAFN text page, then anything else (saved HTML, mirrors);</li>
 *   <li>the smaller MENAFN article number (the first posting over a re-post);</li>
 *   <li>the earlier crawl date, then the earlier window date (unknown last);</li>
 *   <li>the smaller source name, so that the order is total.</li>
 * </ol>
 * It depends only on the copies, never on the order they arrive in.
 */
public final class CanonicalOrder {

    /** Best copy first. */
    public static final Comparator<IndexedCopy> BEST_FIRST = Comparator
            .comparing((IndexedCopy c) -> !c.complete())
            .thenComparing(IndexedCopy::bodyLength, Comparator.reverseOrder())
            .thenComparing(IndexedCopy::origin)
            .thenComparing(IndexedCopy::menafnArticleNo, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(IndexedCopy::crawlDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(IndexedCopy::date, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(IndexedCopy::source);

    private CanonicalOrder() {
    }

    /** True when {@code a} is a better canonical copy than {@code b}. */
    public static boolean better(IndexedCopy a, IndexedCopy b) {
        return BEST_FIRST.compare(a, b) < 0;
    }
}
