package org.wirearchive.core.dedup;

import java.util.Locale;
import org.wirearchive.core.normalize.TextNormalizer;

/**
 * The comparison form of a body or headline: NFC, lower case ({@link Locale#ROOT}), apostrophes and the mojibake
 * {@code آ} before a quote dropped, every other character that is not a letter or digit turned into a space, runs
 * of spaces folded. Line ends, wrapping, quotes, dashes and punctuation therefore never make two copies differ.
 *
 * <p>The one comparison form of the project. The parser's {@code TextNormalizer.slugKey} is not one: it is the
 * key a headline is matched with its URL slug by (it keeps punctuation, joins abbreviations), and never compares
 * copies.
 */
final class ComparisonForm {

    private ComparisonForm() {
    }

    static String of(String text) {
        if (text == null) {
            return "";
        }
        String s = nfc(text);
        if (!lowersCharByChar(s)) {
            return form(s.toLowerCase(Locale.ROOT));
        }
        // the lower case of every character on its own is the text's lower case: lowered as it is read, no copy
        int n = s.length();
        char[] out = new char[n];
        int len = 0;
        boolean space = false;
        for (int i = 0; i < n; i++) {
            char c = lower(s.charAt(i));
            if (c == '\'' || c == '\u2019' || c == '\u2018' || c == '`') {
                continue; // Kuwait's = Kuwaits (as slugs print it)
            }
            if (c == '\u0622' && i + 1 < n && isQuote(lower(s.charAt(i + 1)))) {
                continue; // mojibake of a curly quote
            }
            if (c < 0x80 ? c >= 'a' && c <= 'z' || c >= '0' && c <= '9' : Character.isLetterOrDigit(c)) {
                if (space && len > 0) {
                    out[len++] = ' ';
                }
                space = false;
                out[len++] = c;
            } else {
                space = true;
            }
        }
        return new String(out, 0, len);
    }

    /**
     * True when {@code s.toLowerCase(Locale.ROOT)} is the lower case of each character on its own: no surrogate, no
     * {@code İ} (two characters in lower case) and no capital sigma (its lower case depends on the next letter).
     */
    private static boolean lowersCharByChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u0130' && (c == '\u0130' || c == '\u03A3' || Character.isSurrogate(c))) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return (char) Character.toLowerCase(c);
    }

    /** The comparison form of a text already in NFC and lower case. */
    private static String form(String s) {
        int n = s.length();
        char[] out = new char[n];
        int len = 0;
        boolean space = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '\u2019' || c == '\u2018' || c == '`') {
                continue; // Kuwait's = Kuwaits (as slugs print it)
            }
            if (c == '\u0622' && i + 1 < n && isQuote(s.charAt(i + 1))) {
                continue; // mojibake of a curly quote
            }
            if (Character.isLetterOrDigit(c)) {
                if (space && len > 0) {
                    out[len++] = ' ';
                }
                space = false;
                out[len++] = c;
            } else {
                space = true;
            }
        }
        return new String(out, 0, len);
    }

    /** NFC; text already in NFC (nearly all) is returned as is instead of being copied. */
    private static String nfc(String text) {
        return TextNormalizer.nfc(text);
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '"' || c == '\u2019' || c == '\u2018' || c == '\u201C' || c == '\u201D';
    }
}
