package org.wirearchive.core.article;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MENAFN document id: {@code MENAFN} + {@code DDMMYYYY} + 12 digits (provider fingerprint) + {@code ID} + article
 * number, e.g. {@code MENAFN26062025000071011013ID1109726370}. Keeps the raw token; equality is on the canonical
 * (upper-case) form.
 */
public record MenafnDocId(String raw, String canonical, String datePart, String providerCode, long articleNo) {

    private static final Pattern SHAPE = Pattern.compile("MENAFN(\\d{8})(\\d{12})ID(\\d{1,15})", Pattern.CASE_INSENSITIVE);

    public MenafnDocId {
        Objects.requireNonNull(raw, "raw");
        Matcher m = SHAPE.matcher(raw.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a MENAFN document id: " + raw);
        }
        canonical = "MENAFN" + m.group(1) + m.group(2) + "ID" + m.group(3);
        datePart = m.group(1);
        providerCode = m.group(2);
        articleNo = Long.parseLong(m.group(3));
    }

    /** Parses a whole token; throws {@link IllegalArgumentException} when it is not a document id. */
    public static MenafnDocId of(String raw) {
        return new MenafnDocId(raw, null, null, null, 0);
    }

    /** The id, or empty when the text is not one. */
    public static Optional<MenafnDocId> tryParse(String raw) {
        if (raw == null || !SHAPE.matcher(raw.strip()).matches()) {
            return Optional.empty();
        }
        return Optional.of(of(raw));
    }

    /** The publication date written in the id ({@code DDMMYYYY}), when it is a real calendar date. */
    public Optional<LocalDate> date() {
        try {
            int day = Integer.parseInt(datePart.substring(0, 2));
            int month = Integer.parseInt(datePart.substring(2, 4));
            int year = Integer.parseInt(datePart.substring(4, 8));
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MenafnDocId other && canonical.equals(other.canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    @Override
    public String toString() {
        return canonical;
    }
}
