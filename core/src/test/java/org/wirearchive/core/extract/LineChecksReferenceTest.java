package org.wirearchive.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wirearchive.core.menafn.Providers;

/**
 * The line and body checks the parser runs on every page compare in place, without copies, where their first
 * implementations lower-cased, split or copied; those first implementations are kept here as the reference, and both
 * must agree on random text made of the pieces that make case and letters tricky (dotted capital I, capital sigma,
 * accented and Arabic letters, surrogates, blanks of every kind) and of the words the checks look for.
 */
class LineChecksReferenceTest {

    private static final String[] PIECES = {"the", "The", "THE", "le", "Les", "\u00e9t\u00e9", "\u00c9T\u00c9", "and",
        "said", "et", "Page", "page", "of", "OF", "1", "12", "1234", "12345", " ", "  ", "\t", "\u00A0", "\u2009",
        "\u0130", "\u0131", "\u03a3", "\u03c3\u03c2", "\u00e9", "e\u0301", "\u0627\u0644\u0643\u0648\u064a\u062a",
        "\uD83D\uDE00", "\uD83D", "K", "\u212A", "(end)", "-", "\u2013", "\u2014", "KUNA", "Kuna", "kuna", "QNA",
        "Petra", "Source:", "MENAFN", "MENAFN1234567890123456789ID", "photo", "Photo", "PHOTO", "handout", "Pictured",
        "(photo)", "\"", ".", ",", ":", "|", "x", "Be the first to comment", "Kuwait News Agency",
        "Kuwait News Agency (KUNA)", "legal disclaimer", "Subscribe to our newsletter",
        "Your email address will not be published", "Provided by Syndigate Media", "AzerNews", "Goodwill", "Home",
        "Sport", "Real Estate"};

    private static String randomText(Random random, int pieces, String glue) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            if (i > 0 && random.nextInt(3) > 0) {
                sb.append(glue);
            }
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    @Test
    void languageAsTheReference() {
        Random random = new Random(16);
        for (int t = 0; t < 20000; t++) {
            String body = randomText(random, random.nextInt(80), " ");
            String hint = t % 3 == 0 ? "fr" : t % 3 == 1 ? null : "en";
            assertThat(Language.detect(body, hint)).as("[%s]", body).isEqualTo(referenceDetect(body, hint));
        }
    }

    @Test
    void lineChecksAsTheReference() {
        Random random = new Random(17);
        for (int t = 0; t < 40000; t++) {
            String line = randomText(random, random.nextInt(t % 2 == 0 ? 6 : 30), t % 5 == 0 ? "   " : " ");
            if (t % 7 == 0) {
                line = "  " + line + " ";
            }
            assertThat(PageLines.isPageCounter(line)).as("page counter [%s]", line)
                    .isEqualTo(referenceIsPageCounter(line));
            assertThat(PageLines.isStopLine(line)).as("stop line [%s]", line).isEqualTo(referenceIsStopLine(line));
            assertThat(PageLines.isDocIdLine(line)).as("doc id line [%s]", line).isEqualTo(referenceIsDocIdLine(line));
            assertThat(PageLines.menuItems(line)).as("menu [%s]", line).isEqualTo(referenceMenuItems(line));
            assertThat(Headlines.isCaptionParagraph(line)).as("caption [%s]", line)
                    .isEqualTo(referenceIsCaptionParagraph(line));
            for (String siteKey : new String[] {null, "kuwaitnewsagency", "azernews"}) {
                assertThat(Headlines.isSiteName(line, siteKey)).as("site name [%s] %s", line, siteKey)
                        .isEqualTo(referenceIsSiteName(line, siteKey));
            }
            assertThat(BodyScan.agencyTail(line)).as("agency tail [%s]", line).isEqualTo(referenceAgencyTail(line));
        }
    }

    @Test
    void pageCountersAndStopLinesFound() {
        // the random lines above must also hit the true side of the checks now and then: a few known ones
        assertThat(PageLines.isPageCounter("Page 2 Of 13")).isTrue();
        assertThat(PageLines.isStopLine("Be the first to comment")).isTrue();
        assertThat(PageLines.isStopLine("Provided by Syndigate Media and a long tail of more words after it")).isTrue();
        assertThat(PageLines.isStopLine("Provided by Syndigate Media\u00e9 and a long tail of more words after it"))
                .isTrue();
        assertThat(BodyScan.agencyTail("The minister said the talks went well. \u2013 KUNA")).isNotNull();
    }

    // ---------------------------------------------------------------- the references (first implementations)

    private static final Set<String> FRENCH = Set.of("le", "la", "les", "des", "du", "et", "est", "une", "dans",
            "pour", "sur", "au", "aux", "par", "qui", "que", "avec", "\u00e9t\u00e9", "ont", "sont", "ce", "cette", "il");
    private static final Set<String> ENGLISH = Set.of("the", "and", "of", "to", "in", "is", "was", "for", "on",
            "with", "by", "that", "has", "have", "are", "were", "from", "it", "at", "as", "he", "said");

    private static String referenceDetect(String body, String urlHint) {
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

    private static boolean referenceIsPageCounter(String line) {
        String[] w = line.strip().split(" ");
        return w.length == 4 && w[0].equalsIgnoreCase("page") && w[2].equalsIgnoreCase("of")
                && digits(w[1]) && digits(w[3]);
    }

    private static boolean digits(String s) {
        return !s.isEmpty() && s.length() <= 4 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean referenceIsDocIdLine(String line) {
        return line.length() >= 24 && line.regionMatches(true, 0, "MENAFN", 0, 6) && Character.isDigit(line.charAt(6));
    }

    private static boolean referenceIsStopLine(String line) {
        String l = line.toLowerCase(Locale.ROOT);
        if (l.length() <= 40 && Providers.stopLines().contains(l)) {
            return true;
        }
        for (String p : Providers.stopPrefixes()) {
            if (l.startsWith(p)) {
                return true;
            }
        }
        return referenceIsPageCounter(line) || referenceIsDocIdLine(line);
    }

    private static List<String> referenceMenuItems(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        int run = 0;
        boolean padded = false;
        boolean separated = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean blank = c == ' ' || c == '\t' || Character.isSpaceChar(c);
            if (blank) {
                run++;
                padded |= c != ' ';
                continue;
            }
            if (run > 0 && sb.length() > 0) {
                // padding, not a typed double space: three blanks or more, or a no-break space in the run
                if (run >= 3 || run == 2 && padded) {
                    sb.append('|');
                    separated = true;
                } else {
                    sb.append(' ');
                }
            }
            run = 0;
            padded = false;
            if (c == '|') {
                separated = true;
            }
            sb.append(c);
        }
        if (!separated) {
            return null;
        }
        List<String> items = new ArrayList<>();
        boolean allOneWord = true;
        for (String item : sb.toString().split("\\|")) {
            String it = item.strip();
            if (it.isEmpty()) {
                continue;
            }
            String[] words = it.split(" ");
            if (words.length > 2 || it.length() > 24) {
                return null;
            }
            for (String w : words) {
                if (!Character.isUpperCase(w.charAt(0)) || w.chars().anyMatch(Character::isDigit)) {
                    return null;
                }
            }
            char last = it.charAt(it.length() - 1);
            if (!Character.isLetter(last)) {
                return null;
            }
            allOneWord &= words.length == 1;
            items.add(it);
        }
        return items.size() >= 3 || items.size() == 2 && allOneWord ? items : null;
    }

    private static final Set<String> PICTURE_WORDS = Set.of("photo", "photos", "photograph", "picture", "pictured",
            "handout");

    private static boolean referenceIsCaptionParagraph(String line) {
        if (Headlines.isPhotoCredit(line)) {
            return true;
        }
        String[] words = line.split(" ");
        if (words.length < 6 || words.length > 60 || Headlines.isTitleCase(line)) {
            return false;
        }
        for (String w : words) {
            String bare = w.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
            if (PICTURE_WORDS.contains(bare)) {
                return true;
            }
        }
        return false;
    }

    private static boolean referenceIsSiteName(String line, String siteKey) {
        String lower = line.toLowerCase(Locale.ROOT).strip();
        if (Providers.isSiteName(lower)) {
            return true;
        }
        if (siteKey == null || line.length() > 60) {
            return false;
        }
        String key = letters(lower);
        if (key.length() < 4) {
            return false;
        }
        int words = line.split(" ").length;
        if (words > 5) {
            return false;
        }
        return key.equals(siteKey) || words >= 2 && key.length() >= 6 && siteKey.startsWith(key);
    }

    private static String letters(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    private static String[] referenceAgencyTail(String l) {
        for (String tag : Providers.agencyTags()) {
            if (l.length() <= tag.length() + 3 || !l.regionMatches(true, l.length() - tag.length(), tag, 0, tag.length())) {
                continue;
            }
            String head = l.substring(0, l.length() - tag.length());
            String trimmed = head.stripTrailing();
            if (trimmed.length() == head.length()) {
                continue;
            }
            int k = trimmed.length();
            while (k > 0 && "-\u2013\u2014".indexOf(trimmed.charAt(k - 1)) >= 0) {
                k--;
            }
            if (k == trimmed.length() || k == 0 || trimmed.charAt(k - 1) != ' ') {
                continue;
            }
            String text = trimmed.substring(0, k).strip();
            if (!text.isEmpty()) {
                return new String[] {text, l.substring(l.length() - tag.length())};
            }
        }
        return null;
    }
}
