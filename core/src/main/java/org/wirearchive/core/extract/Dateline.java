package org.wirearchive.core.extract;

import java.util.List;
import java.util.Locale;
import org.wirearchive.core.menafn.Providers;

/**
 * A dateline at the start of an article's first paragraph (docs/formats.md, "Fields"), found by a hand-written scanner:
 * {@code TOKYO, June 26 (KUNA) --}, {@code Amman, Mar.3 (Petra) -}, {@code KOWEÏT, 3 Novembre (KUNA) --},
 * {@code الكويت - 5 - 11 (كونا) --}, {@code BAKU, Azerbaijan, February 12 .}, {@code KUWAIT:}, {@code Doha, Qatar:},
 * {@code ASTANA –}, {@code Riyadh, March 14, 2022, SPA --}, optionally after a byline
 * ({@code Report by X DOHA, Feb 20 (KUNA) --}).
 *
 * @param city      the city as printed (text before the first comma), or null
 * @param month     month number, 0 when the dateline has none
 * @param day       day of month, 0 when none
 * @param year      the year when the dateline prints one (SPA), else 0
 * @param agency    the agency in parentheses ({@code KUNA}, {@code Petra}, {@code كونا}), or the trailing agency
 *                  word ({@code SPA}), or null
 * @param byline    a byline glued before the dateline, or null
 * @param bodyStart offset in the line where the article text starts
 */
record Dateline(String city, int month, int day, int year, String agency, String byline, int bodyStart) {

    private static final String[] BYLINE_PREFIXES = {"news report by ", "report by ", "reported by ", "by: ", "by "};

    /** The dateline at the start of {@code line}, or null. */
    static Dateline find(String line) {
        if (line.isEmpty()) {
            return null;
        }
        String lower = line.length() > 20 ? line.substring(0, 20).toLowerCase(Locale.ROOT) : line.toLowerCase(Locale.ROOT);
        for (String p : BYLINE_PREFIXES) {
            if (lower.startsWith(p)) {
                int cityStart = firstAllCapsWord(line, p.length());
                if (cityStart < 0) {
                    return null;
                }
                String byline = trimPunct(line.substring(p.length(), cityStart));
                if (byline.isEmpty() || byline.length() > 60) {
                    return null;
                }
                Dateline d = findPlain(line, cityStart);
                return d == null || d.agency() == null ? null
                        : new Dateline(d.city(), d.month(), d.day(), d.year(), d.agency(), byline, d.bodyStart());
            }
        }
        return findPlain(line, 0);
    }

    private static Dateline findPlain(String s, int from) {
        int n = s.length();
        int limit = Math.min(n, from + 160);
        // 1. an agency in parentheses
        int p = s.indexOf('(', from);
        while (p >= 0 && p < limit) {
            int q = s.indexOf(')', p + 1);
            if (q < 0 || q - p > 24) {
                break;
            }
            String inner = s.substring(p + 1, q).strip();
            if (isAgency(inner)) {
                String prefix = s.substring(from, p).strip();
                if (!plausiblePrefix(prefix)) {
                    return null;
                }
                int k = skipSeparator(s, q + 1, true);
                if (!prefix.isEmpty() && !hasMonthDay(prefix) && !separatorAt(s, q + 1) && k < n) {
                    return null; // "… (كونا) …" inside a title: a dateline has a date or a dash after the tag
                }
                return build(prefix, inner, k);
            }
            p = s.indexOf('(', q);
        }
        // 2. a separator after a place: "--", " - ", " – ", ":", " ." (Trend), within the first 90 characters
        int scanEnd = Math.min(n, from + 90);
        for (int i = from + 1; i < scanEnd; i++) {
            char c = s.charAt(i);
            int kind = 0; // 1 dash, 2 colon, 3 period
            if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                kind = 1;
            } else if ((c == '-' || c == '\u2013' || c == '\u2014') && s.charAt(i - 1) == ' '
                    && (i + 1 >= n || s.charAt(i + 1) == ' ')) {
                kind = 1;
            } else if (c == ':' && (i + 1 >= n || s.charAt(i + 1) == ' ')
                    && (!Character.isDigit(s.charAt(i - 1)) || hasMonthDay(s.substring(from, i)))) {
                kind = 2; // "KUWAIT:", "Doha, Qatar:", "KUWAIT CITY, April 20:"
            } else if (c == '.' && s.charAt(i - 1) == ' ' && (i + 1 >= n || s.charAt(i + 1) == ' ')) {
                kind = 3;
            } else if (c == '.' && Character.isDigit(s.charAt(i - 1)) && (i + 1 >= n || s.charAt(i + 1) == ' ')
                    && s.substring(from, i).indexOf(',') > 0 && hasMonthDay(s.substring(from, i))) {
                kind = 3; // "BAKU, Azerbaijan, February 17." (Trend)
            } else if (c == '.' || c == '!' || c == '?') {
                if (!(c == '.' && i > 0 && Character.isLetter(s.charAt(i - 1)) && isAbbrev(s, i))) {
                    return null; // a sentence ended first: no dateline
                }
            }
            if (kind == 0) {
                continue;
            }
            String prefix = s.substring(from, i).strip();
            int bodyStart = skipSeparator(s, i, false);
            if (prefix.isEmpty() || !plausiblePrefix(prefix)) {
                return null;
            }
            String gluedBy = null;
            String agencyTag = null;
            int by = gluedByline(prefix);
            if (by > 0) {
                gluedBy = prefix.substring(by + 2).strip(); // "Apr. 27By Name - Trend:" (Trend)
                prefix = prefix.substring(0, by);
                int afterTag = skipTagColon(s, bodyStart);
                if (afterTag > bodyStart) {
                    agencyTag = s.substring(bodyStart, s.indexOf(':', bodyStart)).strip(); // "- Trend:" names the agency
                    bodyStart = afterTag;
                }
            }
            boolean hasMonthDay = hasMonthDay(prefix);
            if (n - bodyStart < 30 && !hasMonthDay) {
                return null; // a short line: more likely a headline than a dateline
            }
            boolean arabic = isArabic(prefix.charAt(0));
            boolean capsFirst = firstWordAllCaps(prefix);
            boolean ok = switch (kind) {
                case 1 -> capsFirst || hasMonthDay || (arabic && prefix.length() <= 30);
                case 2 -> capsFirst || prefix.indexOf(',') > 0 || (arabic && prefix.length() <= 30);
                default -> hasMonthDay;
            };
            if (!ok) {
                return null;
            }
            String agency = null;
            String trimmed = trimPunct(prefix);
            int lastSpace = trimmed.lastIndexOf(' ');
            String lastWord = lastSpace < 0 ? "" : trimmed.substring(lastSpace + 1);
            if (lastSpace > 0 && prefix.indexOf(',') > 0 && isAgency(lastWord) && !lastWord.equals(trimmed)) {
                agency = lastWord; // Riyadh, March 14, 2022, SPA --
            }
            Dateline d = build(prefix, agency != null ? agency : agencyTag, bodyStart);
            return gluedBy == null ? d
                    : new Dateline(d.city(), d.month(), d.day(), d.year(), d.agency(), gluedBy, d.bodyStart());
        }
        return null;
    }

    /** The offset of {@code By} glued to the day of a dateline with a date ({@code Apr. 27By Name}), or -1. */
    private static int gluedByline(String prefix) {
        for (int i = 1; i + 3 < prefix.length(); i++) {
            if (Character.isDigit(prefix.charAt(i - 1)) && prefix.startsWith("By ", i)
                    && hasMonthDay(prefix.substring(0, i)) && PageLines.isNames(prefix.substring(i + 3).strip())) {
                return i;
            }
        }
        return -1;
    }

    /** Past an agency tag and colon at {@code k} ({@code Trend: text}); {@code k} itself when there is none. */
    private static int skipTagColon(String s, int k) {
        int colon = s.indexOf(':', k);
        if (colon > k && colon - k <= 12 && Providers.isAgencyTag(s.substring(k, colon).strip())) {
            return skipSeparator(s, colon, false);
        }
        return k;
    }

    private static boolean isAbbrev(String s, int dot) {
        // "Dec." "Sept." "St." "Mr." or a single capital letter: not a sentence end in a dateline
        int st = dot - 1;
        while (st > 0 && Character.isLetter(s.charAt(st - 1))) {
            st--;
        }
        String w = s.substring(st, dot);
        return w.length() <= 4 && Character.isUpperCase(w.charAt(0));
    }

    private static int skipSeparator(String s, int k, boolean optional) {
        int n = s.length();
        while (k < n && s.charAt(k) == ' ') {
            k++;
        }
        if (k < n) {
            char c = s.charAt(k);
            if (c == '-') {
                while (k < n && s.charAt(k) == '-') {
                    k++;
                }
            } else if (c == '\u2013' || c == '\u2014' || c == ':' || c == '.' || c == '\u060C') {
                k++;
            }
        }
        while (k < n && s.charAt(k) == ' ') {
            k++;
        }
        return k;
    }

    private static Dateline build(String prefix, String agency, int bodyStart) {
        String p = trimPunct(prefix);
        String city;
        int comma = p.indexOf(',');
        int arabicComma = p.indexOf('\u060C');
        if (arabicComma >= 0 && (comma < 0 || arabicComma < comma)) {
            comma = arabicComma; // الكويت، ٣١ ديسمبر
        }
        if (comma >= 0) {
            city = p.substring(0, comma);
        } else if (!p.isEmpty() && isArabic(p.charAt(0)) && p.indexOf(" - ") > 0) {
            city = p.substring(0, p.indexOf(" - "));
        } else {
            city = p;
            // "KUWAIT CITY April 20" without comma: cut at the month
            List<DateText.Token> t = DateText.tokens(p, 200);
            for (DateText.Token tok : t) {
                if (!tok.number() && DateText.month(tok.text()) > 0 && tok.start() > 0) {
                    city = p.substring(0, tok.start());
                    break;
                }
            }
        }
        int paren = city.indexOf('(');
        if (paren > 0) {
            city = city.substring(0, paren);
        }
        city = trimPunct(city);
        int month = 0;
        int day = 0;
        int year = 0;
        List<DateText.Token> t = DateText.tokens(p, 200);
        for (int i = 0; i < t.size(); i++) {
            DateText.Token tok = t.get(i);
            if (tok.number()) {
                if (tok.text().length() == 4) {
                    year = Integer.parseInt(tok.text());
                }
                continue;
            }
            int mEnd = DateText.monthEnd(t, i);
            if (mEnd < 0 || month != 0) {
                continue;
            }
            int m = DateText.monthOf(t, i, mEnd);
            if (mEnd + 1 < t.size() && isDayToken(t.get(mEnd + 1))) {
                month = m;
                day = Integer.parseInt(t.get(mEnd + 1).text());
            } else if (i > 0 && isDayToken(t.get(i - 1))) {
                month = m;
                day = Integer.parseInt(t.get(i - 1).text());
            }
        }
        if (month == 0 && !p.isEmpty() && isArabic(p.charAt(0))) {
            // الكويت - 5 - 11: day - month
            int a = -1;
            int b = -1;
            for (DateText.Token tok : t) {
                if (tok.number() && tok.text().length() <= 2) {
                    if (a < 0) {
                        a = Integer.parseInt(tok.text());
                    } else if (b < 0) {
                        b = Integer.parseInt(tok.text());
                    }
                }
            }
            if (a >= 1 && a <= 31 && b >= 1 && b <= 12) {
                day = a;
                month = b;
            }
        }
        return new Dateline(city.isEmpty() ? null : city, month, day, year, agency, null, bodyStart);
    }

    private static boolean isDayToken(DateText.Token t) {
        if (!t.number() || t.text().length() > 2) {
            return false;
        }
        int d = Integer.parseInt(t.text());
        return d >= 1 && d <= 31;
    }

    /** An agency tag of the provider table ({@code KUNA}, {@code Petra}, {@code كونا}); never any capitals. */
    static boolean isAgency(String inner) {
        return inner.length() >= 2 && inner.length() <= 12 && Providers.isAgencyTag(inner);
    }

    /** True when a dash or colon follows offset {@code k} (blanks skipped). */
    private static boolean separatorAt(String s, int k) {
        while (k < s.length() && s.charAt(k) == ' ') {
            k++;
        }
        return k < s.length() && "-\u2013\u2014:".indexOf(s.charAt(k)) >= 0;
    }

    /**
     * A city and colon after an agency tag ({@code QNA Doha: text}): one or two capitalised words, a colon, text.
     * Only for text that followed a tag; on its own {@code Doha:} is too weak a sign.
     */
    static Dateline cityColon(String s) {
        int colon = s.indexOf(':');
        if (colon <= 1 || colon > 30 || colon + 1 < s.length() && s.charAt(colon + 1) != ' ') {
            return null;
        }
        String city = s.substring(0, colon);
        String[] words = city.split(" ");
        if (words.length > 2) {
            return null;
        }
        for (String w : words) {
            if (w.isEmpty() || !Character.isUpperCase(w.charAt(0)) || !w.chars().allMatch(Character::isLetter)) {
                return null;
            }
        }
        int k = skipSeparator(s, colon, false);
        return s.length() - k < 30 ? null : new Dateline(city, 0, 0, 0, null, null, k);
    }

    /** A place (and date) prefix: short, starts with a capital or Arabic letter, no word starting lower case. */
    private static boolean plausiblePrefix(String prefix) {
        if (prefix.isEmpty()) {
            return true;
        }
        if (prefix.length() > 80) {
            return false;
        }
        char first = prefix.charAt(0);
        if (!(Character.isUpperCase(first) || isArabic(first))) {
            return false;
        }
        int words = 1;
        for (int i = 1; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            char before = prefix.charAt(i - 1);
            if (before == ' ') {
                words++;
                if (Character.isLowerCase(c)) {
                    return false;
                }
            }
        }
        return words <= 10;
    }

    private static boolean firstWordAllCaps(String prefix) {
        int letters = 0;
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c == ' ' || c == ',') {
                break;
            }
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }

    private static boolean hasMonthDay(String prefix) {
        List<DateText.Token> t = DateText.tokens(prefix, 200);
        for (int i = 0; i < t.size(); i++) {
            int mEnd = DateText.monthEnd(t, i);
            if (mEnd >= 0 && ((mEnd + 1 < t.size() && isDayToken(t.get(mEnd + 1)))
                    || (i > 0 && isDayToken(t.get(i - 1))))) {
                return true;
            }
        }
        return false;
    }

    /** Index of the first word of two or more upper-case letters at or after {@code from}, or -1. */
    private static int firstAllCapsWord(String s, int from) {
        int i = from;
        int n = Math.min(s.length(), from + 80);
        while (i < n) {
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
            int st = i;
            int upper = 0;
            boolean allUpper = true;
            while (i < n && s.charAt(i) != ' ') {
                char c = s.charAt(i);
                if (Character.isLetter(c)) {
                    if (Character.isUpperCase(c)) {
                        upper++;
                    } else {
                        allUpper = false;
                    }
                }
                i++;
            }
            if (allUpper && upper >= 2) {
                return st;
            }
        }
        return -1;
    }

    static boolean isArabic(char c) {
        return c >= '\u0600' && c <= '\u06FF';
    }

    private static String trimPunct(String s) {
        int st = 0;
        int en = s.length();
        while (st < en && " ,:-\u2013\u2014.".indexOf(s.charAt(st)) >= 0) {
            st++;
        }
        while (en > st && " ,:-\u2013\u2014".indexOf(s.charAt(en - 1)) >= 0) {
            en--;
        }
        return s.substring(st, en);
    }
}
