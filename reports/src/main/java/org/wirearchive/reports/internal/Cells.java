package org.wirearchive.reports.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How values are written into report cells: text, locale-free numbers, ISO dates, formula neutralization. */
public final class Cells {

    /**
     * An instant (a {@code TIMESTAMP WITH TIME ZONE}) in UTC to the millisecond, e.g. {@code 2026-03-09T11:02:51.207Z}:
     * the same text whichever zone the database or the process that writes the report is in.
     */
    public static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'",
            Locale.ROOT);

    private Cells() {
    }

    /**
     * Neutralizes a spreadsheet formula as OWASP advises: a cell starting with {@code = + - @}, a tab or a carriage
     * return gets a leading apostrophe. Null becomes the empty string.
     */
    public static String neutralize(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char c = value.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
            return "'" + value;
        }
        return value;
    }

    /** A decimal with four places, e.g. {@code 0.9500}; null stays null. */
    public static String decimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    /** A decimal with the given places; null stays null. */
    public static String decimal(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).toPlainString();
    }

    /** A whole number as text; null stays null. */
    public static String number(Long value) {
        return value == null ? null : Long.toString(value);
    }

    /** An ISO date, e.g. {@code 2026-03-09}; null stays null. */
    public static String date(LocalDate value) {
        return value == null ? null : value.toString();
    }

    /** An instant as {@link #INSTANT} text; null stays null. */
    public static String instant(Instant value) {
        return value == null ? null : INSTANT.format(value.atOffset(ZoneOffset.UTC));
    }
}
