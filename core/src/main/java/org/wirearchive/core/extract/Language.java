package org.wirearchive.core.extract;

import java.util.Arrays;
import java.util.Set;

/**
 * The language of an article body from its script and words: Arabic when Arabic letters outnumber Latin ones; among
 * Latin texts French when French function words outnumber English ones. The URL's {@code language=} parameter only
 * breaks a tie between Latin languages; it never overrides the script.
 */
final class Language {

    private static final Set<String> FRENCH = Set.of("le", "la", "les", "des", "du", "et", "est", "une", "dans",
            "pour", "sur", "au", "aux", "par", "qui", "que", "avec", "été", "ont", "sont", "ce", "cette", "il");
    private static final Set<String> ENGLISH = Set.of("the", "and", "of", "to", "in", "is", "was", "for", "on",
            "with", "by", "that", "has", "have", "are", "were", "from", "it", "at", "as", "he", "said");

    /** The ASCII words of each set as {@link #asciiKey}s, sorted (the word lists' other words are not ASCII). */
    private static final long[] FRENCH_KEYS = keys(FRENCH);
    private static final long[] ENGLISH_KEYS = keys(ENGLISH);

    private Language() {
    }

    private static long[] keys(Set<String> words) {
        return words.stream().mapToLong(w -> asciiKey(w, 0, w.length())).filter(k -> k >= 0).sorted().toArray();
    }

    /**
     * The lower-case form of {@code s[from, to)} (at most 8 characters) packed 7 bits a character, when all of them are
     * ASCII (whose lower case under {@link java.util.Locale#ROOT} is the ASCII one), else -1. Two ASCII words have the
     * same key exactly when their lower-case forms are equal.
     */
    static long asciiKey(String s, int from, int to) {
        long key = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return -1;
            }
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            key = key << 7 | c;
        }
        return key | (long) (to - from) << 56;
    }

    static String detect(String body, String urlHint) {
        int arabic = 0;
        int latin = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if ((c >= '\u0600' && c <= '\u06FF') || (c >= '\u0750' && c <= '\u077F') || (c >= '\uFB50' && c <= '\uFEFF')) {
                arabic++;
            } else if (c < '\u0250' && Character.isLetter(c)) {
                latin++;
            }
        }
        if (arabic > latin) {
            return "ar";
        }
        int fr = 0;
        int en = 0;
        int start = -1;
        int len = body.length();
        for (int i = 0; i <= len; i++) {
            boolean letter = i < len && Character.isLetter(body.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                if (i - start <= 5) {
                    long key = asciiKey(body, start, i);
                    if (key >= 0) { // an ASCII word: looked up without a copy
                        if (Arrays.binarySearch(FRENCH_KEYS, key) >= 0) {
                            fr++;
                        } else if (Arrays.binarySearch(ENGLISH_KEYS, key) >= 0) {
                            en++;
                        }
                    } else {
                        String w = body.substring(start, i).toLowerCase(java.util.Locale.ROOT);
                        if (FRENCH.contains(w)) {
                            fr++;
                        } else if (ENGLISH.contains(w)) {
                            en++;
                        }
                    }
                }
                start = -1;
            }
        }
        if (fr > en) {
            return "fr";
        }
        if (en > fr) {
            return "en";
        }
        if ("fr".equals(urlHint) || "en".equals(urlHint)) {
            return urlHint;
        }
        return "en";
    }
}
