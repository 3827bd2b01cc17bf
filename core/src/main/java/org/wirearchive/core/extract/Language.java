package org.wirearchive.core.extract;

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

    /**
     * The ASCII words of both sets by {@link #asciiKey}, in an open-addressed table of {@value #SLOTS} slots: the key
     * (0 = empty) and its language ({@link #FR} wins when a word is in both sets, as in the order of the checks).
     */
    private static final int SLOTS = 128;
    private static final byte FR = 1;
    private static final byte EN = 2;
    private static final long[] SLOT_KEY = new long[SLOTS];
    private static final byte[] SLOT_LANG = new byte[SLOTS];

    static {
        for (String w : FRENCH) {
            put(w, FR);
        }
        for (String w : ENGLISH) {
            put(w, EN);
        }
    }

    private Language() {
    }

    private static void put(String word, byte lang) {
        long key = asciiKey(word, 0, word.length());
        if (key < 0) {
            return; // not ASCII: found by the slow path
        }
        int i = slot(key);
        while (SLOT_KEY[i] != 0 && SLOT_KEY[i] != key) {
            i = (i + 1) & (SLOTS - 1);
        }
        if (SLOT_KEY[i] == 0) {
            SLOT_KEY[i] = key;
            SLOT_LANG[i] = lang;
        }
    }

    /** The language of an ASCII word's key, or 0. */
    private static byte lookUp(long key) {
        int i = slot(key);
        while (SLOT_KEY[i] != 0) {
            if (SLOT_KEY[i] == key) {
                return SLOT_LANG[i];
            }
            i = (i + 1) & (SLOTS - 1);
        }
        return 0;
    }

    private static int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 57); // 7 bits: SLOTS
    }

    /**
     * The lower-case form of {@code s[from, to)} (at most 8 characters) packed 7 bits a character, when all of them are
     * ASCII (whose lower case under {@link java.util.Locale#ROOT} is the ASCII one), else -1. Two ASCII words have the
     * same key exactly when their lower-case forms are equal.
     */
    static long asciiKey(String s, int from, int to) {
        return asciiKey(s.toCharArray(), from, to);
    }

    private static long asciiKey(char[] s, int from, int to) {
        long key = 0;
        for (int i = from; i < to; i++) {
            char c = s[i];
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
        // one pass: the script counts and the function words (the words only matter when the script is not Arabic)
        int arabic = 0;
        int latin = 0;
        int fr = 0;
        int en = 0;
        int start = -1;
        char[] a = body.toCharArray(); // read from an array: cheaper than charAt on a long text
        int len = a.length;
        for (int i = 0; i <= len; i++) {
            boolean letter = false;
            if (i < len) {
                char c = a[i];
                if (c < 0x80) {
                    letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
                    if (letter) {
                        latin++;
                    }
                } else {
                    if ((c >= '\u0600' && c <= '\u06FF') || (c >= '\u0750' && c <= '\u077F')
                            || (c >= '\uFB50' && c <= '\uFEFF')) {
                        arabic++;
                    } else if (c < '\u0250' && Character.isLetter(c)) {
                        latin++;
                    }
                    letter = Character.isLetter(c);
                }
            }
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                if (i - start <= 5) {
                    long key = asciiKey(a, start, i);
                    if (key >= 0) { // an ASCII word: looked up without a copy
                        byte lang = lookUp(key);
                        if (lang == FR) {
                            fr++;
                        } else if (lang == EN) {
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
        if (arabic > latin) {
            return "ar";
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
