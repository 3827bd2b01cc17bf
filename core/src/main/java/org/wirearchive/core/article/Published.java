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
 * came from ({@link DateSource}).
 */
public record Published(LocalDate date, LocalTime time, ZoneOffset offset, DateSource source) {

    public Published {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(source, "source");
        if (offset != null && time == null) {
            throw new IllegalArgumentException("an offset needs a time: " + date + " " + offset);
        }
    }

    /** A local date and time, as printed pages give them (no offset). */
    public Published(LocalDate date, LocalTime time, DateSource source) {
        this(date, time, null, source);
    }

    /** A time with the offset the markup gave; the date is the local date at that offset. */
    public static Published at(OffsetDateTime dateTime, DateSource source) {
        return new Published(dateTime.toLocalDate(), dateTime.toLocalTime(), dateTime.getOffset(), source);
    }

    public static Published at(LocalDateTime dateTime, DateSource source) {
        return new Published(dateTime.toLocalDate(), dateTime.toLocalTime(), source);
    }

    public static Published on(LocalDate date, DateSource source) {
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
