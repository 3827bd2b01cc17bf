package org.wirearchive.core.article;

/**
 * What the parser repaired or guessed on a page. {@link #code()} is the printed form in the {@code warnings} field
 * and column; a warning with a detail prints {@code code:detail} ({@link #with(String)}). docs/formats.md says when
 * each is given.
 */
public enum Warning {
    /** The page declared no charset, or a wrong one: the decoder detected it (detail: the charset, lower case). */
    CHARSET_DETECTED("charset-detected"),
    /** A teaser paragraph repeating the lead above the article was dropped. */
    TEASER_DROPPED("teaser-dropped"),
    /** No end marker after the body: the page may be cut off. */
    NO_END_MARKER("no-end-marker"),
    /** The article number in the URL differs from the page's (detail: {@code url=} the URL's number). */
    ARTICLE_NO_MISMATCH("article-no-mismatch"),
    /** Words glued together where an AMP page lost its breaks; flagged, never split. */
    GLUED_WORDS_SUSPECTED("glued-words-suspected"),
    /** Mis-decoded text repaired (detail: {@code arabic-as-latin1} or {@code curly-quotes}). */
    MOJIBAKE_REPAIRED("mojibake-repaired"),
    /** Hard-wrapped body lines joined into paragraphs. */
    HARD_WRAP_JOINED("hard-wrap-joined"),
    /** The headline was taken from the URL slug. */
    HEADLINE_FROM_URL("headline-from-url"),
    /** A printed date later than the crawl was skipped and the next source used. */
    PUBLISHED_AFTER_CRAWL("published-after-crawl"),
    /** A dateline without a year would fall after the crawl in the crawl's year: the year before was taken. */
    DATELINE_YEAR_BEFORE_CRAWL("dateline-year-before-crawl"),
    /** No wrapper: the provider came from the MENAFN document id. */
    PROVIDER_FROM_DOC_ID("provider-from-doc-id"),
    /** No wrapper: the provider came from the dateline's agency tag. */
    PROVIDER_FROM_DATELINE("provider-from-dateline"),
    /** No wrapper: the provider came from a source line. */
    PROVIDER_FROM_SOURCE_LINE("provider-from-source-line"),
    /** No wrapper: the provider came from the site the page was crawled from. */
    PROVIDER_FROM_SITE("provider-from-site");

    private final String code;

    Warning(String code) {
        this.code = code;
    }

    /** The printed form without detail. */
    public String code() {
        return code;
    }

    /** The printed form with a detail: {@code code:detail}. */
    public String with(String detail) {
        return code + ":" + detail;
    }

    /** Whether a printed warning is this one (with or without a detail). */
    public boolean isIn(String printed) {
        return printed.equals(code) || printed.startsWith(code + ":");
    }

    @Override
    public String toString() {
        return code;
    }
}
