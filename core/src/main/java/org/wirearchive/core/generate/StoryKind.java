package org.wirearchive.core.generate;

/**
 * The kind of a generated story cluster: which copies, repostings and look-alikes the generator writes for it. The
 * {@link #label()} is the truth's {@code kind} column.
 */
public enum StoryKind {
    /** One page. */
    SINGLE("single"),
    /** The same page crawled again on later nights, with whitespace, CRLF or gzip variants. */
    RECRAWL("recrawl"),
    /** A kuna.net.kw page and MENAFN's copy of it. */
    KUNA_MENAFN("kuna-menafn"),
    /** The same story posted again the next day under a new article number. */
    REPOST("repost"),
    /** A page and its corrected version under the same article number. */
    CORRECTION("correction"),
    /** A text page and the HTML page of the same article. */
    HTML_COPY("html-copy"),
    /** "Today in Kuwait's History": the same title every day, different stories (look-alikes, not duplicates). */
    YEARLY_FEATURE("yearly-feature"),
    /** Daily briefings sharing their title and furniture (look-alikes). */
    BRIEFING("briefing"),
    /** One press release through two providers (look-alikes). */
    PRESS_RELEASE("press-release"),
    /** A file without an article (empty or not a page). */
    BAD("bad");

    private final String label;

    StoryKind(String label) {
        this.label = label;
    }

    /** The truth's {@code kind} value. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
