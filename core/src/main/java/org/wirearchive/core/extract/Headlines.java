package org.wirearchive.core.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.wirearchive.core.menafn.MenafnUrl;
import org.wirearchive.core.menafn.Providers;
import org.wirearchive.core.normalize.TextNormalizer;
import org.wirearchive.core.normalize.Urls;

/**
 * Chooses the headline among the header lines of a page (docs/formats.md, "Fields" and "Header noise") and recognises the lines
 * that are not headlines: photo captions and credits, the paper's or the mirror's own name, an HTML {@code <title>}
 * printed as text with its site suffix.
 */
final class Headlines {

    /** Label prefixes of a host name that are not the site's name. */
    private static final Set<String> HOST_PREFIXES = Set.of("www", "www2", "m", "amp", "mobile", "en", "ar", "fr",
            "news");

    private Headlines() {
    }

    /**
     * The site's name key from a URL's host: the first label that is not {@code www}, {@code m}, {@code amp}, …, in
     * lower case ({@code https://www.gulfwiretoday.example/x} → {@code gulfwiretoday}), or null.
     */
    static String siteKey(String url) {
        if (url == null) {
            return null;
        }
        String[] labels = Urls.host(url).split("\\.");
        for (int i = 0; i < labels.length - 1; i++) {
            if (!HOST_PREFIXES.contains(labels[i]) && !labels[i].isEmpty()) {
                String key = letters(labels[i]);
                return key.length() >= 4 ? key : null;
            }
        }
        return null;
    }

    /**
     * A line that is only a site's or paper's name: a known name, or the name of the page's own host written with
     * spaces ({@code Gulf Wire Today} on {@code gulfwiretoday.example}; also a name the host extends, {@code Arab
     * Times} on {@code arabtimesonline}).
     */
    static boolean isSiteName(String line, String siteKey) {
        if ((siteKey == null || line.length() > 60) && line.strip().length() > Providers.longestSiteName()) {
            return false; // lower case never shortens a line: longer than every site name
        }
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

    /** Words that say a paragraph describes a picture. */
    private static final Set<String> PICTURE_WORDS = Set.of("photo", "photos", "photograph", "picture", "pictured",
            "handout");

    /**
     * A photo credit or marked caption: a credit prefix of the provider table ({@code (Photo: …)}, {@code Photo: …},
     * {@code File photo}, {@code Caption: …}), an agency tag before {@code photo} ({@code KUNA photo}), a line ending
     * {@code (KUNA Photo)}, {@code (photo)}, {@code (file)}.
     */
    static boolean isPhotoCredit(String line) {
        String l = line.toLowerCase(Locale.ROOT).strip();
        for (String p : Providers.creditPrefixes()) {
            if (l.startsWith(p)) {
                return true;
            }
        }
        String first = l.startsWith("(") ? l.substring(1) : l;
        int sp = first.indexOf(' ');
        if (sp > 0 && first.startsWith("photo", sp + 1) && Providers.isAgencyTag(first.substring(0, sp))) {
            return true;
        }
        return l.endsWith(" photo)") || l.endsWith("(photo)") || l.endsWith("(file)") || l.contains("(photo:")
                || l.contains("(photo by") || l.endsWith(" photo") && l.length() < 30;
    }

    /**
     * A photo-caption paragraph by shape: a photo credit, or a sentence-case paragraph of at most 60 words that
     * speaks of a picture ({@code A handout photo shows …}, {@code KUWAIT: In this file photo … – Photo by X}).
     */
    static boolean isCaptionParagraph(String line) {
        if (isPhotoCredit(line)) {
            return true;
        }
        String[] words = line.split(" ");
        if (words.length < 6 || words.length > 60 || isTitleCase(line)) {
            return false;
        }
        for (String w : words) {
            if (!couldBePictureWord(w)) {
                continue;
            }
            String bare = NOT_LETTER.matcher(w).replaceAll("").toLowerCase(Locale.ROOT);
            if (PICTURE_WORDS.contains(bare)) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern NOT_LETTER = Pattern.compile("[^\\p{L}]");
    private static final int PICTURE_WORD_MIN = PICTURE_WORDS.stream().mapToInt(String::length).min().orElseThrow();
    private static final int PICTURE_WORD_MAX = PICTURE_WORDS.stream().mapToInt(String::length).max().orElseThrow();

    /**
     * False when {@code w} is ASCII and has fewer or more letters than any picture word: its letters in lower case,
     * as long as its letters, cannot be one. Spares the copies of most words.
     */
    private static boolean couldBePictureWord(String w) {
        int letters = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c >= 0x80) {
                return true;
            }
            if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                letters++;
            }
        }
        return letters >= PICTURE_WORD_MIN && letters <= PICTURE_WORD_MAX;
    }

    /**
     * A caption written as a full sentence: six or more words ending with a period (headlines do not end with one),
     * not an abbreviation like {@code U.S.}.
     */
    static boolean isSentenceCaption(String line) {
        if (!line.endsWith(".") || line.endsWith("..")) {
            return false;
        }
        String[] words = line.split(" ");
        if (words.length < 6) {
            return false;
        }
        String last = words[words.length - 1];
        // "U.S." or "Co.": an abbreviation, not a sentence end
        return !(last.length() <= 4 && last.chars().filter(c -> c == '.').count() >= 2)
                && !(last.length() <= 3 && Character.isUpperCase(last.charAt(0)));
    }

    /** A {@code <title>} printed as text: {@code Headline | Site | Network} → {@code Headline}. */
    static String cutTitleSuffix(String line) {
        int bar = line.indexOf(" | ");
        if (bar <= 0) {
            return line;
        }
        String head = line.substring(0, bar).strip();
        String tail = line.substring(bar + 3);
        // every suffix part short: site and network names
        for (String part : tail.split(" \\| ")) {
            if (part.strip().length() > 40 || part.split(" ").length > 5) {
                return line;
            }
        }
        return head.split(" ").length >= 2 ? head : line;
    }

    /**
     * Title Case: at least two words of four or more letters and all of them capitalised (KUNA and MENAFN titles),
     * unlike a sentence-case caption.
     */
    static boolean isTitleCase(String line) {
        int upper = 0;
        for (String w : line.split(" ")) {
            if (w.length() < 4 || !Character.isLetter(w.charAt(0))) {
                continue;
            }
            if (Character.isLowerCase(w.charAt(0))) {
                return false;
            }
            if (Character.isUpperCase(w.charAt(0))) {
                upper++;
            }
        }
        return upper >= 2;
    }

    /**
     * The headline among the header lines, in page order, or null:
     * <ol>
     *   <li>photo credits and site names are skipped, a {@code <title>} suffix is cut;</li>
     *   <li>a line that matches the menafn.com URL slug wins;</li>
     *   <li>else the first line that is not a sentence caption (a full sentence ending with a period);</li>
     *   <li>but a line printed twice (captions are printed twice on kuna.net.kw) or a caption paragraph, followed
     *       by a Title Case line printed once (or by any Title Case line when the first is in sentence case), is a
     *       caption before the title: the Title Case line wins.</li>
     * </ol>
     * Repeats collapse to the first. When every line looks like a caption, the first is taken.
     */
    static String pick(List<String> titles, String url) {
        String site = siteKey(url);
        List<String> cands = new ArrayList<>();
        for (String t : titles) {
            String c = cutTitleSuffix(t);
            if (!isSiteName(c, site) && !isPhotoCredit(c)) {
                cands.add(c);
            }
        }
        if (cands.isEmpty()) {
            return null;
        }
        Optional<String> slug = MenafnUrl.isMenafn(url) ? MenafnUrl.slugHeadline(url) : Optional.empty();
        if (slug.isPresent()) {
            String sk = TextNormalizer.headlineSlugKey(slug.get());
            for (String c : cands) {
                String ck = TextNormalizer.headlineSlugKey(c);
                if (!sk.isEmpty() && (ck.equals(sk) || sk.length() >= 20 && ck.startsWith(trimLastWord(sk)))) {
                    return c;
                }
            }
        }
        List<String> real = new ArrayList<>();
        for (String c : cands) {
            if (!isSentenceCaption(c)) {
                real.add(c);
            }
        }
        if (real.isEmpty()) {
            return cands.get(0);
        }
        String first = real.get(0);
        if (count(cands, first) >= 2 || isCaptionParagraph(first)) {
            for (String c : real) {
                if (!c.equals(first) && isTitleCase(c) && !isCaptionParagraph(c)
                        && (count(cands, c) == 1 || !isTitleCase(first))) {
                    return c; // a caption (printed twice) before the title (kuna.net.kw)
                }
            }
        }
        return first;
    }

    private static int count(List<String> l, String s) {
        int n = 0;
        for (String x : l) {
            if (x.equals(s)) {
                n++;
            }
        }
        return n;
    }

    private static String trimLastWord(String s) {
        int sp = s.lastIndexOf(' ');
        return sp < 0 ? s : s.substring(0, sp);
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
}
