package org.wirearchive.core.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.wirearchive.core.menafn.Providers;

/** Classifies single cleaned lines of a page: noise before the article, end markers, trailers, initials. */
final class PageLines {

    private static final Set<String> MENU_WORDS = Set.of("us", "europe", "arab", "asia", "africa", "politics",
            "economy", "oil&energy", "oil", "&", "energy", "entertainment", "sport", "sports", "business", "tech",
            "technology", "home", "world", "news", "markets", "press", "releases", "health", "culture", "opinion",
            "|", "middle", "east", "gulf", "local", "video", "photos", "search", "menu", "lifestyle", "science");

    private static final Set<String> FURNITURE = Set.of("no image", "close", "you are here", "عربي", "english",
            "français", "francais", "date", "403", "share", "print", "email", "share this", "font size",
            "advertisement", "read more", "latest news", "most read", "related news", "breadcrumb", "main", "back",
            "next", "previous", "tweet", "facebook", "twitter", "whatsapp", "linkedin", "telegram", "skip to content",
            "toggle navigation");

    /** The pieces a font-size control is made of: {@code A+ A-}, {@code A- A A+}, {@code + ↺ − 16 px}. */
    private static final Set<String> FONT_SIZE_PIECES = Set.of("a+", "a-", "a", "a\u2212", "+", "-", "\u2212", "↺",
            "px", "aa", "a+a-", "a-a+");

    private PageLines() {
    }

    /**
     * Menu lines: starting with {@code |}, items separated by {@code |} ({@link #isSeparatedMenu}), or made only of
     * section words.
     */
    static boolean isMenu(String line) {
        if (line.startsWith("|") || line.indexOf('|') > 0 && isSeparatedMenu(line)) {
            return true;
        }
        int words = 0;
        for (String w : line.split(" ")) {
            if (w.isEmpty()) {
                continue;
            }
            if (!MENU_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
                return false;
            }
            words++;
        }
        return words >= 2;
    }

    /** Most words and characters of one menu item ({@code Real Estate}, {@code Oil&Energy}). */
    private static final int MENU_ITEM_WORDS = 2;
    private static final int MENU_ITEM_CHARS = 24;

    /**
     * A menu row by shape, whatever its words: a raw line (before blanks are folded) whose items are separated by
     * {@code |} or by padding (three or more blanks, or two with a no-break space), every item a short capitalised
     * name of at most {@value #MENU_ITEM_WORDS} words with no digit and no punctuation at its end; three or more
     * items, or two one-word items ({@code Entertainment | Sport}). A headline with a site suffix ({@code Oil Prices
     * Climb | Gulf Times}) has a long first item and is no menu.
     */
    static boolean isSeparatedMenu(String raw) {
        return menuItems(raw) != null;
    }

    /** The items of a menu row ({@link #isSeparatedMenu}), cleaned, or null when {@code raw} is no menu row. */
    static List<String> menuItems(String raw) {
        if (!mayBeSeparated(raw)) {
            return null;
        }
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
            if (words.length > MENU_ITEM_WORDS || it.length() > MENU_ITEM_CHARS) {
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

    /** False when {@code raw} has no {@code |} and no two blanks in a row: {@link #menuItems} finds no separator. */
    private static boolean mayBeSeparated(String raw) {
        boolean blank = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '|') {
                return true;
            }
            boolean b = c == ' ' || c == '\t' || Character.isSpaceChar(c);
            if (b && blank) {
                return true;
            }
            blank = b;
        }
        return false;
    }

    /** Page furniture: menus, language links, mirror widgets, font-size controls, breadcrumbs, a leaked 403. */
    static boolean isFurniture(String line) {
        String l = line.toLowerCase(Locale.ROOT);
        if (FURNITURE.contains(l) || isMenu(line)) {
            return true;
        }
        if (isFontSizeControl(line)) {
            return true;
        }
        // breadcrumbs: Home > News > Politics
        return (l.contains(" > ") || l.contains(" » ") || l.contains(" / ")) && l.length() < 80
                && (l.startsWith("home") || l.startsWith("you are here") || l.startsWith("news"));
    }

    /**
     * A font-size control by shape: a short line made only of {@code A+}, {@code A-}, {@code A}, {@code +},
     * {@code −}, {@code ↺}, numbers and {@code px}, with at least one {@code +} or {@code px}.
     */
    static boolean isFontSizeControl(String line) {
        if (line.isEmpty() || line.length() > 24) {
            return false;
        }
        String l = line.toLowerCase(Locale.ROOT);
        if (l.indexOf('+') < 0 && !l.endsWith("px")) {
            return false;
        }
        for (String w : l.split(" ")) {
            if (!w.isEmpty() && !FONT_SIZE_PIECES.contains(w) && !w.chars().allMatch(Character::isDigit)) {
                return false;
            }
        }
        return true;
    }

    /** A page counter, any case: {@code Page 1 of 1}, {@code Page 2 Of 3}, {@code page 1 of 12}. */
    static boolean isPageCounter(String line) {
        // "page N of M", N and M of 1-4 digits, single spaces: 11 to 17 characters once stripped
        if (line.length() < 11) {
            return false;
        }
        String s = line.strip();
        if (s.length() > 17) {
            return false;
        }
        String[] w = s.split(" ");
        return w.length == 4 && w[0].equalsIgnoreCase("page") && w[2].equalsIgnoreCase("of")
                && digits(w[1]) && digits(w[3]);
    }

    private static boolean digits(String s) {
        return !s.isEmpty() && s.length() <= 4 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** True for a line that ends the article body when no end marker was seen. */
    static boolean isStopLine(String line) {
        // a longer line is no stop line (lower case never shortens), and its prefixes are compared in place when its
        // start is ASCII (lower-cased alone, as in the whole line)
        if (line.length() > 40 && isAscii(line, Math.min(line.length(), LONGEST_STOP_PREFIX))) {
            for (String p : Providers.stopPrefixes()) {
                if (startsWithAsciiLowered(line, p)) {
                    return true;
                }
            }
            return isPageCounter(line) || isDocIdLine(line);
        }
        String l = line.toLowerCase(Locale.ROOT);
        if (l.length() <= 40 && Providers.stopLines().contains(l)) {
            return true;
        }
        for (String p : Providers.stopPrefixes()) {
            if (l.startsWith(p)) {
                return true;
            }
        }
        return isPageCounter(line) || isDocIdLine(line);
    }

    private static final int LONGEST_STOP_PREFIX = Providers.stopPrefixes().stream().mapToInt(String::length).max()
            .orElse(0);

    private static boolean isAscii(String s, int end) {
        for (int i = 0; i < end; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** {@code line.toLowerCase(Locale.ROOT).startsWith(lower)} for a line whose first characters are ASCII. */
    private static boolean startsWithAsciiLowered(String line, String lower) {
        int n = lower.length();
        if (n > line.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The start of the page trailer: the legal disclaimer or the document id line. */
    static boolean isTrailerStart(String line) {
        return line.regionMatches(true, 0, "legal disclaimer", 0, 16) || isDocIdLine(line);
    }

    /** A line that starts with a MENAFN document id token. */
    static boolean isDocIdLine(String line) {
        return line.length() >= 24 && Character.isDigit(line.charAt(6)) && line.regionMatches(true, 0, "MENAFN", 0, 6);
    }

    /** An end marker found in a line. */
    record EndMarker(int start, int end, String marker) {
    }

    private static final String[] END_MARKERS = {"(end)", "(more)", "(pickup previous)", "(issued)", "(fin)",
        "(النهاية)", "(انتهى)"};

    /** The first end marker in {@code line} (case-insensitive), or null. */
    static EndMarker endMarker(String line) {
        int p = line.indexOf('(');
        if (p < 0) {
            return null;
        }
        while (p >= 0) {
            for (String m : END_MARKERS) {
                if (line.regionMatches(true, p, m, 0, m.length())) {
                    return new EndMarker(p, p + m.length(), m);
                }
            }
            p = line.indexOf('(', p + 1);
        }
        return null;
    }

    /**
     * Editor initials at the start of {@code text}: 1-5 lower-case letters, optionally dot-chained ({@code ibi},
     * {@code xy.ab}, {@code abc.de.fg}); French {@code (X.Y)(Z.W.)}; Arabic letters (short) after {@code (النهاية)}.
     * Returns the initials as printed, or null.
     */
    static String initials(String text) {
        String s = text.strip();
        while (s.startsWith(".")) {
            s = s.substring(1).strip();
        }
        if (s.isEmpty()) {
            return null;
        }
        if (s.charAt(0) == '(') {
            // French: (X.Y)(Z.W.)
            int close = s.lastIndexOf(')');
            String group = close > 0 ? s.substring(0, close + 1) : s;
            if (group.length() <= 24) {
                for (int i = 0; i < group.length(); i++) {
                    char c = group.charAt(i);
                    if (!(Character.isLetter(c) || c == '.' || c == '(' || c == ')' || c == ' ')) {
                        return null;
                    }
                }
                return group;
            }
            return null;
        }
        int end = s.indexOf(' ');
        String tok = end < 0 ? s : s.substring(0, end);
        if (Dateline.isArabic(tok.charAt(0))) {
            // Arabic initials: up to a few short words of Arabic letters, slashes or dots
            String all = s.length() <= 16 ? s : null;
            if (all == null) {
                return null;
            }
            for (int i = 0; i < all.length(); i++) {
                char c = all.charAt(i);
                if (!(Dateline.isArabic(c) || c == ' ' || c == '/' || c == '.')) {
                    return null;
                }
            }
            return all;
        }
        if (isLatinInitials(tok)) {
            return tok;
        }
        return null;
    }

    /** 1-5 lower-case ASCII letters, optionally dot-chained, at most 20 characters. */
    static boolean isLatinInitials(String tok) {
        if (tok.isEmpty() || tok.length() > 20) {
            return false;
        }
        int run = 0;
        for (int i = 0; i < tok.length(); i++) {
            char c = tok.charAt(i);
            if (c >= 'a' && c <= 'z') {
                run++;
                if (run > 5) {
                    return false;
                }
            } else if (c == '.' && run > 0) {
                run = 0;
            } else {
                return false;
            }
        }
        return run > 0 || tok.endsWith(".");
    }

    private static final String[] BYLINE_PREFIXES = {"news report by ", "report by ", "reported by ",
        "feature by ", "analysis by ", "interview by ", "written by ", "by: ", "by : ", "by "};

    private static final Pattern LEADING_DASHES = Pattern.compile("^[-\u2013\u2014: ]+");
    private static final Pattern SPACES = Pattern.compile(" +");

    /** Words a list of author names may hold besides the names. */
    private static final Set<String> NAME_JOINERS = Set.of("and", "&", "al", "el", "bin", "bint", "ibn", "de", "van",
            "von", "da", "di", "le", "la", "abu", "abdul");

    /**
     * A byline and where it ends in its line.
     *
     * @param name     the names
     * @param end      offset where what follows the byline starts
     * @param textNext true when article text follows on the line ({@code By X - Trend: text}, {@code By X: text})
     */
    record Byline(String name, int end, boolean textNext) {
    }

    /**
     * A byline that is the whole line: {@code By X}, {@code By: X}, {@code News report by A and B},
     * {@code By A, B and C}, maybe with a trailing agency ({@code By X - Trend}); the names, or null.
     */
    static String bylineLine(String line) {
        Byline b = leadingByline(line);
        return b != null && (!b.textNext() || b.end() >= line.strip().length()) ? b.name() : null;
    }

    /**
     * A byline at the start of {@code text}: the prefix, then names up to the end, a dash or an agency tag and
     * colon ({@code By Umid Niayesh - Trend: text}). Names are capitalised words (Arabic allowed) with joiners
     * ({@code and}, {@code al}, commas); at most 12 words, no sentence end.
     */
    static Byline leadingByline(String text) {
        String t = text.stripLeading();
        int lead = text.length() - t.length();
        String l = t.toLowerCase(Locale.ROOT);
        for (String p : BYLINE_PREFIXES) {
            if (!l.startsWith(p)) {
                continue;
            }
            int end = t.length();
            boolean textNext = false;
            int colon = t.indexOf(':', p.length());
            int dash = firstDash(t, p.length());
            String name = t.substring(p.length());
            int cut = -1;
            if (dash > 0) {
                cut = dash;
            }
            if (colon > 0 && (cut < 0 || colon < cut)) {
                cut = colon;
            }
            if (cut > 0) {
                name = t.substring(p.length(), cut);
                String after = LEADING_DASHES.matcher(t.substring(cut)).replaceFirst("");
                int sp = after.indexOf(':');
                String tag = sp > 0 ? after.substring(0, sp).strip() : after.strip();
                if (Providers.isAgencyTag(tag)) {
                    end = t.length() - after.length() + (sp > 0 ? sp + 1 : after.length());
                    textNext = sp > 0;
                } else if (t.charAt(cut) == ':') {
                    end = cut + 1;
                    textNext = true;
                } else {
                    end = cut;
                }
            }
            name = name.strip();
            if (!isNames(name)) {
                return null;
            }
            while (end < t.length() && t.charAt(end) == ' ') {
                end++;
            }
            return new Byline(name, lead + end, textNext);
        }
        return null;
    }

    private static int firstDash(String s, int from) {
        for (int i = from + 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if ((c == '-' || c == '\u2013' || c == '\u2014') && s.charAt(i - 1) == ' ') {
                return i;
            }
        }
        return -1;
    }

    /** Capitalised names joined by {@code and}, commas and name particles. */
    static boolean isNames(String name) {
        if (name.isEmpty() || name.length() > 90 || name.endsWith(".") && !name.endsWith(" Jr.")) {
            return false;
        }
        String[] words = SPACES.split(name.replace(",", " "));
        if (words.length > 12) {
            return false;
        }
        int names = 0;
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            char c = w.charAt(0);
            if (NAME_JOINERS.contains(w.toLowerCase(Locale.ROOT)) || w.startsWith("al-") || w.startsWith("el-")) {
                continue;
            }
            if (!(Character.isUpperCase(c) || Dateline.isArabic(c))) {
                return false;
            }
            names++;
        }
        return names >= 1;
    }

    static int nextNonBlank(List<String> lines, int from) {
        return PageStart.nextNonBlank(lines, from);
    }
}
