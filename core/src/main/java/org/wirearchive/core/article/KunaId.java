package org.wirearchive.core.article;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** A KUNA article id, the {@code id=} number of a kuna.net.kw {@code ArticleDetails.aspx} URL. */
public record KunaId(String raw, long value) {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,15}");

    public KunaId {
        Objects.requireNonNull(raw, "raw");
        String s = raw.strip();
        if (!DIGITS.matcher(s).matches()) {
            throw new IllegalArgumentException("not a KUNA id: " + raw);
        }
        value = Long.parseLong(s);
    }

    public static KunaId of(String raw) {
        return new KunaId(raw, 0);
    }

    public static Optional<KunaId> tryParse(String raw) {
        return raw != null && DIGITS.matcher(raw.strip()).matches() ? Optional.of(of(raw)) : Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KunaId other && value == other.value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
