package org.wirearchive.core.extract;

import java.util.Locale;
import java.util.Set;

/** Classifies single cleaned lines of a page: noise before the article, end markers, trailers, initials. */
final class PageLines {

    private static final Set<String> MENU_WORDS = Set.of("us", "europe", "arab", "asia", "africa", "politics",
            "economy", "oil&energy", "oil", "&", "energy", "entertainment", "sport", "sports", "business", "tech",
            "technology", "home", "world", "news", "markets", "press", "releases", "health", "culture", "opinion",
            "|", "middle", "east", "gulf", "local", "video", "photos", "search", "menu", "lifestyle", "science");

    private static final Set<String> FURNITURE = Set.of("no image", "close", "you are here", "a+ a-", "a+a-",
            "عربي", "english", "français", "francais", "date", "403", "share", "print", "email", "share this",
            "font size", "+ ↺ − 16 px", "+ ↺ - 16 px", "advertisement", "read more", "latest news", "most read",
            "related news", "breadcrumb", "main", "back", "next", "previous", "tweet", "facebook", "twitter",
            "whatsapp", "linkedin", "telegram", "skip to content", "toggle navigation");

    /** Lines after which the article is over when no end marker was printed (lower case, prefix match). */
    private static final String[] STOP_PREFIXES = {"legal disclaimer", "provided by syndigate media",
        "source: ", "source : ", "//petra//", "page 1 of 1", "leave a reply", "leave a comment",
        "your email address will not be published", "comments (", "related articles", "related news",
        "you may also like", "copyright ©", "© copyright", "all rights reserved", "tags:", "keywords:",
        "share this article", "share on", "follow us on", "subscribe to our newsletter", "most popular",
        "\u00A9 20", "\u00A9 19", "copyright 20", "add comment", "add a comment", "add new comment", "post a comment",
        "post comment", "write a comment", "write your comment", "your comment", "leave your comment",
        "comments are closed", "be the first to comment"};

    private static final Set<String> STOP_LINES = Set.of("tags", "label", "comments", "no comment", "category",
            "kuwait news agency (kuna)", "related", "share", "print", "search");

    private static final int LONGEST_STOP_LINE = STOP_LINES.stream().mapToInt(String::length).max().orElse(0);

    private PageLines() {
    }

    /** Menu lines: starting with {@code |}, or made only of section words. */
    static boolean isMenu(String line) {
        if (line.startsWith("|")) {
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

    /** Page furniture: menus, language links, mirror widgets, font-size controls, breadcrumbs, a leaked 403. */
    static boolean isFurniture(String line) {
        String l = line.toLowerCase(Locale.ROOT);
        if (FURNITURE.contains(l) || isMenu(line)) {
            return true;
        }
        if (l.startsWith("a+ a-") || l.startsWith("+ ↺") || l.endsWith(" px") && l.length() < 20) {
            return true;
        }
        // breadcrumbs: Home > News > Politics
        return (l.contains(" > ") || l.contains(" » ") || l.contains(" / ")) && l.length() < 80
                && (l.startsWith("home") || l.startsWith("you are here") || l.startsWith("news"));
    }

    /** True for a line that ends the article body when no end marker was seen. */
    static boolean isStopLine(String line) {
        String l = line.toLowerCase(Locale.ROOT);
        if (l.length() <= LONGEST_STOP_LINE && STOP_LINES.contains(l)) {
            return true;
        }
        for (String p : STOP_PREFIXES) {
            if (l.startsWith(p)) {
                return true;
            }
        }
        return isDocIdLine(line);
    }

    /** The start of the page trailer: the legal disclaimer or the document id line. */
    static boolean isTrailerStart(String line) {
        return line.regionMatches(true, 0, "legal disclaimer", 0, 16) || isDocIdLine(line);
    }

    /** A line that starts with a MENAFN document id token. */
    static boolean isDocIdLine(String line) {
        return line.length() >= 24 && line.regionMatches(true, 0, "MENAFN", 0, 6) && Character.isDigit(line.charAt(6));
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

    /** A byline on its own line: {@code By X}, {@code By: X}, {@code News report by X}; the name, or null. */
    static String bylineLine(String line) {
        String l = line.toLowerCase(Locale.ROOT);
        String[] prefixes = {"news report by ", "report by ", "reported by ", "by: ", "by "};
        for (String p : prefixes) {
            if (l.startsWith(p)) {
                String name = line.substring(p.length()).strip();
                int dash = name.indexOf(" - ");
                if (dash > 0) {
                    name = name.substring(0, dash).strip();
                }
                if (name.isEmpty() || name.length() > 60 || name.split(" ").length > 8 || name.endsWith(".")) {
                    return null;
                }
                return name;
            }
        }
        return null;
    }
}
