package org.wirearchive.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link GluedWords#count}, {@link TextNormalizer#unifyLineEnds} and {@link TextNormalizer#nfc} skip copies and
 * library calls where their first implementations made them; those are kept here as the reference, and both must
 * agree on random text of the pieces that matter to them.
 */
class GluedWordsAndLineEndsReferenceTest {

    private static final String[] PIECES = {"Ministerhas", "Kuwaitsaid", "JuneThe", "yearsHowever", "Goodwill",
        "GOODWILL", "WhatsApp", "ExxonMobil", "Minister", "has", "talks.The", "said", "\u00c9milehas", "Ren\u00e9said",
        "\u0130stanbulsaid", "\u03a3\u03b1\u03c2", "caf\u00e9The", "e\u0301", "\u00e9", "A\u030a", "\u212Bngstr\u00f6m",
        "\u0627\u0644\u0643\u0648\u064a\u062a", "abc\u0627\u0644", "\uD83D\uDE00", "\uD83D", " ", "  ", ".", ",", "\r\n",
        "\r", "\n", "\u2028", "\u2029", "\u0085", "\r\r\n", "x", "Earlier", "meanwhileThey", "abcThese", "\u0300",
        "\u02ff", "\u0301e", "\uFB01", "\u1E9B\u0323"};

    @Test
    void sameAsTheReferenceOnRandomText() {
        Random random = new Random(18);
        for (int t = 0; t < 30000; t++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
                if (random.nextBoolean()) {
                    sb.append(' ');
                }
            }
            String text = sb.toString();
            assertThat(GluedWords.count(text)).as("glued words in [%s]", text).isEqualTo(referenceCount(text));
            assertThat(TextNormalizer.unifyLineEnds(text)).as("line ends of [%s]", text)
                    .isEqualTo(referenceUnifyLineEnds(text));
            assertThat(TextNormalizer.nfc(text)).as("NFC of [%s]", text)
                    .isEqualTo(Normalizer.normalize(text, Normalizer.Form.NFC));
        }
    }

    @Test
    void textWithoutChangesIsReturnedAsIs() {
        String text = "Kuwait City, March 6 (KUNA) -- the minister said.\nA second paragraph.";
        assertThat(TextNormalizer.unifyLineEnds(text)).isSameAs(text);
        assertThat(TextNormalizer.nfc(text)).isSameAs(text);
        assertThat(GluedWords.count("The Ministerhas said that JuneThe talks")).isEqualTo(2);
    }

    // ---------------------------------------------------------------- the references (first implementations)

    private static final String[] GLUED_AFTER = {"has", "was", "were", "said", "says", "that", "which", "would",
        "could", "should", "will"};
    private static final Set<String> REAL = Set.of("goodwill", "freewill");
    private static final Set<String> STARTERS = Set.of("The", "He", "She", "They", "This", "These", "His", "Her",
            "Its", "We", "According", "Meanwhile", "However", "Officials", "Earlier");
    private static final int MIN_LENGTH = 6;

    private static int referenceCount(String text) {
        int found = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!isLatinLetter(c)) {
                i++;
                continue;
            }
            int st = i;
            while (i < n && isLatinLetter(text.charAt(i))) {
                i++;
            }
            if (i < n && Character.isLetter(text.charAt(i))) {
                // mixed with other scripts: not judged
                while (i < n && Character.isLetter(text.charAt(i))) {
                    i++;
                }
                continue;
            }
            if (i - st >= MIN_LENGTH && referenceIsGlued(text.substring(st, i))) {
                found++;
            }
        }
        return found;
    }

    private static boolean referenceIsGlued(String w) {
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
        return c < '\u0250' && Character.isLetter(c);
    }

    private static String referenceUnifyLineEnds(String text) {
        StringBuilder sb = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                if (sb == null) {
                    sb = new StringBuilder(n);
                    sb.append(text, 0, i);
                }
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                sb.append('\n');
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }
}
