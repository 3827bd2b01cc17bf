package org.wirearchive.core.menafn;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Canonical provider keys, so that spelling variants of one provider group together ({@code Kuwait News Agency
 * (KUNA)}, {@code KUNA}, {@code Kuwait News Agency} → {@code kuna}), and the known MENAFN doc-id provider codes.
 * Unknown providers get a key made from their name (lower case, letters and digits, words joined by {@code -}).
 */
public final class Providers {

    /** The key for MENAFN's own editorial copy ({@code (MENAFN)} wrapper). */
    public static final String MENAFN = "menafn";

    /** A provider known by the doc id's 12-digit code: the name as MENAFN prints it and its key. */
    public record Known(String name, String key) {
    }

    private static final Map<String, Known> BY_CODE = Map.of(
            "000071011013", new Known("Kuwait News Agency (KUNA)", "kuna"),
            "000117011021", new Known("Jordan News Agency", "jna"),
            "000195011045", new Known("AzerNews", "azernews"));

    private static final Map<String, String> BY_NAME = Map.ofEntries(
            Map.entry("kuwait news agency kuna", "kuna"),
            Map.entry("kuwait news agency", "kuna"),
            Map.entry("kuna", "kuna"),
            Map.entry("jordan news agency", "jna"),
            Map.entry("jordan news agency petra", "jna"),
            Map.entry("petra", "jna"),
            Map.entry("jna", "jna"),
            Map.entry("azernews", "azernews"),
            Map.entry("azer news", "azernews"),
            Map.entry("trend news agency", "trend"),
            Map.entry("trend", "trend"),
            Map.entry("the peninsula", "the-peninsula"),
            Map.entry("peninsula", "the-peninsula"),
            Map.entry("gulf times", "gulf-times"),
            Map.entry("jordan times", "jordan-times"),
            Map.entry("the jordan times", "jordan-times"),
            Map.entry("arab times", "arab-times"),
            Map.entry("saudi press agency", "spa"),
            Map.entry("saudi press agency spa", "spa"),
            Map.entry("spa", "spa"),
            Map.entry("qatar news agency", "qna"),
            Map.entry("qna", "qna"),
            Map.entry("menafn", MENAFN));

    private Providers() {
    }

    /** The canonical key of a provider name as printed; null for null or blank input. */
    public static String key(String provider) {
        if (provider == null) {
            return null;
        }
        String words = words(provider);
        if (words.isEmpty()) {
            return null;
        }
        String known = BY_NAME.get(words);
        return known != null ? known : words.replace(' ', '-');
    }

    /** The provider for a known doc-id provider code, or empty (unknown codes are never guessed). */
    public static Optional<Known> byCode(String providerCode) {
        return providerCode == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(providerCode));
    }

    /** Lower case, letters and digits only, words separated by one space. */
    private static String words(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = false;
                sb.append(Character.toLowerCase(c));
            } else if (c != '\'' && c != '\u2019') {
                space = true;
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
