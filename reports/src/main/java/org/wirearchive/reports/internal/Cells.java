package org.wirearchive.reports.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How values are written into report cells: text, locale-free numbers, ISO dates, formula neutralization. */
public final class Cells {

    /** ISO-8601 local date-time to the second, e.g. {@code 2026-03-09T14:02:51}. */
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

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

    /** Column {@code i} of the current row as report text (null when SQL NULL), by its JDBC type. */
    public static String read(ResultSet rs, int i, int sqlType) throws SQLException {
        switch (sqlType) {
            case Types.DATE: {
                LocalDate d = rs.getObject(i, LocalDate.class);
                return d == null ? null : d.toString();
            }
            case Types.TIMESTAMP: {
                LocalDateTime t = rs.getObject(i, LocalDateTime.class);
                return t == null ? null : TIMESTAMP.format(t);
            }
            case Types.TIMESTAMP_WITH_TIMEZONE: {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                return t == null ? null : INSTANT.format(t.withOffsetSameInstant(ZoneOffset.UTC));
            }
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT: {
                long v = rs.getLong(i);
                return rs.wasNull() ? null : Long.toString(v);
            }
            case Types.DOUBLE:
            case Types.FLOAT:
            case Types.REAL: {
                double v = rs.getDouble(i);
                return rs.wasNull() ? null : decimal(v, 4);
            }
            case Types.DECIMAL:
            case Types.NUMERIC: {
                BigDecimal v = rs.getBigDecimal(i);
                if (v == null) {
                    return null;
                }
                return v.scale() <= 0 ? v.toBigInteger().toString() : v.setScale(4, RoundingMode.HALF_UP).toPlainString();
            }
            case Types.BOOLEAN:
            case Types.BIT: {
                boolean v = rs.getBoolean(i);
                return rs.wasNull() ? null : Boolean.toString(v);
            }
            default:
                return rs.getString(i);
        }
    }

    /** A long, or null when the column is SQL NULL. */
    public static Long readLong(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }
}
