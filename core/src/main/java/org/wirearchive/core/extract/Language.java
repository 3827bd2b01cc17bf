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

    private Language() {
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
                    String w = body.substring(start, i).toLowerCase(java.util.Locale.ROOT);
                    if (FRENCH.contains(w)) {
                        fr++;
                    } else if (ENGLISH.contains(w)) {
                        en++;
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
