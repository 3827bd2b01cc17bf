package org.wirearchive.core.article;

/**
 * Where a publication time came from. The {@link #label()} is what the {@code published_source} column and the
 * parser's JSON print; it never changes for a constant.
 */
public enum DateSource {
    /** A printed timestamp in the header or the footer. */
    TIMESTAMP("TIMESTAMP"),
    /** The date encoded in a MENAFN document id. */
    DOC_ID("DOC_ID"),
    /** A date printed in the title line. */
    TITLE("TITLE"),
    /** A dateline that prints its year. */
    DATELINE("DATELINE"),
    /** A dateline without a year, the year taken from the crawl date. */
    DATELINE_CRAWL_YEAR("DATELINE+CRAWL_YEAR"),
    /** HTML markup such as {@code article:published_time}. */
    HTML_META("HTML_META");

    private final String label;

    DateSource(String label) {
        this.label = label;
    }

    /** The printed form ({@code DATELINE+CRAWL_YEAR}, ...). */
    public String label() {
        return label;
    }

    /** The constant whose {@link #label()} this is. */
    public static DateSource ofLabel(String label) {
        for (DateSource s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a publication-date source: " + label);
    }

    @Override
    public String toString() {
        return label;
    }
}
