package org.wirearchive.core.normalize;

import java.util.Set;

/**
 * Finds words glued together where an AMP page lost its line breaks ({@code Ministerhas}, {@code JuneThe};
 * docs/formats.md, "Decoding"). Only detects, never splits: the text stays as printed and the parser adds a warning. Two patterns, both
 * rare in correctly spaced English:
 * <ul>
 *   <li>a capitalised word of four or more letters with a lower-case function word glued after it
 *       ({@code Ministerhas}, {@code Kuwaitsaid});</li>
 *   <li>a lower-case word run into a sentence-starting word ({@code JuneThe}, {@code yearsHowever}).</li>
 * </ul>
 * Brand names in camel case ({@code WhatsApp}, {@code ExxonMobil}) match neither; text without a space after a period
 * ({@code talks.The}) is not glued words.
 */
public final class GluedWords {

    /** Function words that never end a capitalised word (names ending in {@code had}, {@code and}, … are real). */
    private static final String[] GLUED_AFTER = {"has", "was", "were", "said", "says", "that", "which", "would",
        "could", "should", "will"};

    /** Capitalised words that end in one of those letters and are real words. */
    private static final Set<String> REAL = Set.of("goodwill", "freewill");

    /** Sentence starters that show a lost break when glued to a lower-case run. */
    private static final Set<String> STARTERS = Set.of("The", "He", "She", "They", "This", "These", "His", "Her",
            "Its", "We", "According", "Meanwhile", "However", "Officials", "Earlier");

    /** Shorter words are never glued words. */
    private static final int MIN_LENGTH = 6;

    private GluedWords() {
    }

    /** How many glued words {@code text} holds (Latin words only). */
    public static int count(String text) {
        int found = 0;
        char[] a = text.toCharArray(); // read from an array: cheaper than charAt on a long text
        int n = a.length;
        int i = 0;
        while (i < n) {
            char c = a[i];
            if (!isLatinLetter(c)) {
                i++;
                continue;
            }
            int st = i;
            while (i < n && isLatinLetter(a[i])) {
                i++;
            }
            if (i < n && Character.isLetter(a[i])) {
                // mixed with other scripts: not judged
                while (i < n && Character.isLetter(a[i])) {
                    i++;
                }
                continue;
            }
            if (i - st >= MIN_LENGTH && isGlued(text, st, i)) {
                found++;
            }
        }
        return found;
    }

    /** {@link #isGlued(String)} of {@code text[st, end)}, judged in place: a copy only for a rare candidate. */
    private static boolean isGlued(String text, int st, int end) {
        int len = end - st;
        if (Character.isUpperCase(text.charAt(st)) && allLower(text, st + 1, end)) {
            if (!isAscii(text, st, end)) {
                return isGlued(text.substring(st, end));
            }
            // an ASCII word: its lower case under Locale.ROOT is the ASCII one, and only its first letter changes
            for (String r : REAL) {
                if (r.length() == len && text.regionMatches(true, st, r, 0, len)) {
                    return false;
                }
            }
            for (String f : GLUED_AFTER) {
                if (len - f.length() >= 4 && text.regionMatches(end - f.length(), f, 0, f.length())) {
                    return true;
                }
            }
            return false;
        }
        for (int k = st + 2; k < end - 1; k++) {
            if (Character.isUpperCase(text.charAt(k)) && Character.isLowerCase(text.charAt(k - 1))
                    && Character.isLowerCase(text.charAt(k - 2)) && STARTERS.contains(text.substring(k, end))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAscii(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    static boolean isGlued(String w) {
        if (w.length() < MIN_LENGTH) {
            return false;
        }
        if (Character.isUpperCase(w.charAt(0)) && allLower(w, 1, w.length())) {
            String lower = w.toLowerCase(java.util.Locale.ROOT);
            if (REAL.contains(lower)) {
                return false;
            }
            for (String f : GLUED_AFTER) {
                if (lower.endsWith(f) && w.length() - f.length() >= 4) {
                    return true;
                }
            }
            return false;
        }
        // lower-case run, then a sentence starter: "JuneThe", "yearsHowever"
        for (int k = 2; k < w.length() - 1; k++) {
            if (Character.isUpperCase(w.charAt(k)) && Character.isLowerCase(w.charAt(k - 1))
                    && Character.isLowerCase(w.charAt(k - 2))) {
                String rest = w.substring(k);
                if (STARTERS.contains(rest)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean allLower(String w, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isLowerCase(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLatinLetter(char c) {
        if (c < 0x80) {
            return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        }
        return c < '\u0250' && Character.isLetter(c);
    }
}
