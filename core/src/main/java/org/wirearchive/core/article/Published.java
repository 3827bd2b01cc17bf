package org.wirearchive.core.article;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A publication time as far as the page tells it: a date, an optional local time, the time's UTC offset when the page
 * gives one (only HTML markup such as {@code article:published_time} does; printed pages give no zone), and where it
 * came from ({@code TIMESTAMP}, {@code DOC_ID}, {@code DATELINE+CRAWL_YEAR}, ...).
 */
public record Published(LocalDate date, LocalTime time, ZoneOffset offset, String source) {

    // Every source label a parser gives (the published_source column prints them); parsers use these, never literals.
    /** A printed timestamp in the header or the footer. */
    public static final String TIMESTAMP = "TIMESTAMP";
    /** The date encoded in a MENAFN document id. */
    public static final String DOC_ID = "DOC_ID";
    /** A date printed in the title line. */
    public static final String TITLE = "TITLE";
    /** A dateline that prints its year. */
    public static final String DATELINE = "DATELINE";
    /** A dateline without a year, the year taken from the crawl date. */
    public static final String DATELINE_CRAWL_YEAR = "DATELINE+CRAWL_YEAR";
    /** HTML markup such as {@code article:published_time}. */
    public static final String HTML_META = "HTML_META";

    public Published {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(source, "source");
        if (offset != null && time == null) {
            throw new IllegalArgumentException("an offset needs a time: " + date + " " + offset);
        }
    }

    /** A local date and time, as printed pages give them (no offset). */
    public Published(LocalDate date, LocalTime time, String source) {
        this(date, time, null, source);
    }

    /** A time with the offset the markup gave; the date is the local date at that offset. */
    public static Published at(OffsetDateTime dateTime, String source) {
        return new Published(dateTime.toLocalDate(), dateTime.toLocalTime(), dateTime.getOffset(), source);
    }

    public static Published at(LocalDateTime dateTime, String source) {
        return new Published(dateTime.toLocalDate(), dateTime.toLocalTime(), source);
    }

    public static Published on(LocalDate date, String source) {
        return new Published(date, null, source);
    }

    private static final java.time.format.DateTimeFormatter ISO_SECONDS =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", java.util.Locale.ROOT);

    /**
     * ISO-8601: {@code 2025-06-26T05:05:38} with a time (seconds always printed), {@code 2025-06-26T05:05:38+03:00}
     * with an offset too ({@code Z} for UTC), {@code 2025-06-26} without a time.
     */
    public String iso() {
        return time == null ? date.toString()
                : LocalDateTime.of(date, time).format(ISO_SECONDS) + (offset == null ? "" : offset.getId());
    }

    @Override
    public String toString() {
        return iso();
    }
}
