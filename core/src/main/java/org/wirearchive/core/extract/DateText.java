package org.wirearchive.core.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Dates as pages print them (docs/formats.md, "Fields"): numeric timestamps, English and French month names, Arabic month
 * names with Arabic-Indic digits. A small tokenizer instead of regular expressions: one pass, no backtracking.
 */
final class DateText {

    private static final Map<String, Integer> MONTHS = new HashMap<>();

    static {
        String[][] names = {
            {"jan", "january", "janvier", "كانون الثاني", "يناير"},
            {"feb", "february", "février", "fevrier", "feb", "شباط", "فبراير"},
            {"mar", "march", "mars", "آذار", "اذار", "مارس"},
            {"apr", "april", "avril", "نيسان", "أبريل", "ابريل"},
            {"may", "mai", "أيار", "ايار", "مايو"},
            {"jun", "june", "juin", "حزيران", "يونيو"},
            {"jul", "july", "juillet", "تموز", "يوليو"},
            {"aug", "august", "août", "aout", "آب", "اب", "أغسطس", "اغسطس"},
            {"sep", "sept", "september", "septembre", "أيلول", "ايلول", "سبتمبر"},
            {"oct", "october", "octobre", "تشرين الأول", "أكتوبر", "اكتوبر"},
            {"nov", "november", "novembre", "تشرين الثاني", "نوفمبر"},
            {"dec", "december", "décembre", "decembre", "كانون الأول", "ديسمبر"},
        };
        for (int m = 0; m < names.length; m++) {
            for (String name : names[m]) {
                MONTHS.put(foldArabic(name), m + 1);
            }
        }
    }

    private DateText() {
    }

    /** The month number of an English, French or Arabic month name or abbreviation (dot allowed), else 0. */
    static int month(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.endsWith(".")) {
            w = w.substring(0, w.length() - 1);
        }
        Integer m = MONTHS.get(foldArabic(w));
        return m == null ? 0 : m;
    }

    /**
     * Arabic spelling variants folded for month look-up only: hamza forms of alif to {@code ا}, the Persian letters
     * {@code ی ک ھ} (mixed into Arabic pages) to {@code ي ك ه}, {@code ى} to {@code ي}.
     */
    static String foldArabic(String w) {
        boolean arabic = false;
        for (int i = 0; i < w.length() && !arabic; i++) {
            arabic = w.charAt(i) >= '\u0600' && w.charAt(i) <= '\u06FF';
        }
        if (!arabic) {
            return w;
        }
        StringBuilder sb = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            sb.append(switch (c) {
                case '\u0623', '\u0625', '\u0622' -> '\u0627';
                case '\u06CC', '\u0649' -> '\u064A';
                case '\u06A9' -> '\u0643';
                case '\u06BE' -> '\u0647';
                default -> c;
            });
        }
        return sb.toString();
    }

    /**
     * The index of the last token of a month name starting at token {@code i} (one token, or two for the Arabic
     * names {@code تشرين الثاني}, {@code كانون الأول}), or -1 when no month starts there.
     */
    static int monthEnd(List<Token> t, int i) {
        Token tok = t.get(i);
        if (tok.number()) {
            return -1;
        }
        if (month(tok.text()) > 0) {
            return i;
        }
        if (i + 1 < t.size() && !t.get(i + 1).number() && month(tok.text() + " " + t.get(i + 1).text()) > 0) {
            return i + 1;
        }
        return -1;
    }

    /** The month number of the month name at tokens {@code i..end} (see {@link #monthEnd}). */
    static int monthOf(List<Token> t, int i, int end) {
        return end == i ? month(t.get(i).text()) : month(t.get(i).text() + " " + t.get(end).text());
    }

    /** A token: a run of letters (word) or digits (number), with its start offset. */
    record Token(String text, boolean number, int start, int end) {
    }

    /** Splits into letter runs and digit runs; Arabic-Indic digits become ASCII digits. */
    static List<Token> tokens(String s, int limit) {
        List<Token> out = new ArrayList<>();
        int n = Math.min(s.length(), limit);
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (digit(c) >= 0) {
                int st = i;
                StringBuilder sb = new StringBuilder();
                while (i < n && digit(s.charAt(i)) >= 0) {
                    sb.append((char) ('0' + digit(s.charAt(i))));
                    i++;
                }
                out.add(new Token(sb.toString(), true, st, i));
                if (sb.length() == 1 && sb.charAt(0) == '1' && i + 1 < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')
                        && (s.charAt(i + 1) == 'r' || s.charAt(i + 1) == 'R')
                        && (i + 2 >= n || !Character.isLetter(s.charAt(i + 2)))) {
                    i += 2; // French ordinal "1er Décembre": the day is 1
                }
            } else if (Character.isLetter(c)) {
                int st = i;
                while (i < n && Character.isLetter(s.charAt(i))) {
                    i++;
                }
                out.add(new Token(s.substring(st, i), false, st, i));
            } else {
                i++;
            }
        }
        return out;
    }

    static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= '\u0660' && c <= '\u0669') {
            return c - '\u0660';
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
            return c - '\u06F0';
        }
        return -1;
    }

    /**
     * A line that is only a timestamp: {@code 2023-03-09 14:02:51}, {@code 3/9/2023 2:02:51 PM} (month first, with
     * AM/PM, maybe in brackets), {@code 09/03/2023 14:02:51} or {@code 09/03/2023} (day first, Arab sites).
     */
    static LocalDateTime numericTimestamp(String line) {
        String s = line.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        if (s.isEmpty() || s.length() > 32 || digit(s.charAt(0)) < 0) {
            return null;
        }
        if (s.indexOf('\u0631') > 0) {
            s = s.replace('\u0631', ':'); // 14/03/2022 12ر30: the Arabic time separator
        }
        List<Token> t = tokens(s, 40);
        // every character must be a digit, separator, space or AM/PM
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(digit(c) >= 0 || c == '-' || c == '/' || c == ':' || c == ' ' || c == '.' || c == 'T'
                    || "APMapm".indexOf(c) >= 0)) {
                return null;
            }
        }
        try {
            if (t.size() >= 3 && t.get(0).number() && t.get(0).text().length() == 4 && s.charAt(4) == '-') {
                LocalDate d = LocalDate.of(num(t, 0), num(t, 1), num(t, 2));
                return d.atTime(time(t, 3, null));
            }
            if (t.size() >= 3 && s.indexOf('/') > 0 && t.get(2).text().length() == 4) {
                String ampm = null;
                Token last = t.get(t.size() - 1);
                if (!last.number()) {
                    ampm = last.text().toUpperCase(Locale.ROOT);
                    if (!ampm.equals("AM") && !ampm.equals("PM")) {
                        return null;
                    }
                }
                LocalDate d = ampm != null
                        ? LocalDate.of(num(t, 2), num(t, 0), num(t, 1))
                        : LocalDate.of(num(t, 2), num(t, 1), num(t, 0));
                return d.atTime(time(t, 3, ampm));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** True when the time part is present in a numeric timestamp line. */
    static boolean hasTime(String line) {
        return line.indexOf(':') > 0 || line.indexOf('\u0631') > 0;
    }

    private static int num(List<Token> t, int i) {
        if (i >= t.size() || !t.get(i).number() || t.get(i).text().length() > 4) {
            throw new NumberFormatException("no number at " + i);
        }
        return Integer.parseInt(t.get(i).text());
    }

    private static LocalTime time(List<Token> t, int i, String ampm) {
        if (i + 1 >= t.size() || !t.get(i).number() || !t.get(i + 1).number()) {
            return LocalTime.MIDNIGHT;
        }
        int h = num(t, i);
        int m = num(t, i + 1);
        int sec = i + 2 < t.size() && t.get(i + 2).number() ? num(t, i + 2) : 0;
        if (ampm != null) {
            if (h == 12) {
                h = 0;
            }
            if (ampm.equals("PM")) {
                h += 12;
            }
        }
        return LocalTime.of(h, m, sec);
    }

    /** A date with an optional time found in text. */
    record Found(LocalDate date, LocalTime time) {
    }

    /**
     * The first written-out date in a line: day-month-year ({@code 9 March 2023}, {@code 06 October 2019},
     * {@code ١٤ آذار ٢٠٢٢}) or month-day-year ({@code October 6, 2019}, {@code Mar 9,2023}), with a following
     * {@code HH:MM} time when present. Null when none. (The header widget is removed by position before, see
     * {@link Widget}.)
     */
    static Found writtenDate(String line) {
        List<Token> t = tokens(line, 200);
        for (int i = 0; i < t.size(); i++) {
            Token tok = t.get(i);
            if (tok.number()) {
                continue;
            }
            int m = month(tok.text());
            int mEnd = i; // index of the month's last token
            if (m == 0 && i + 1 < t.size() && !t.get(i + 1).number()) {
                m = month(tok.text() + " " + t.get(i + 1).text()); // two-word Arabic month names
                mEnd = i + 1;
            }
            if (m == 0) {
                continue;
            }
            Integer day = null;
            Integer year = null;
            int after = -1;
            if (i > 0 && isDay(t.get(i - 1)) && mEnd + 1 < t.size() && isYear(t.get(mEnd + 1))) {
                day = Integer.parseInt(t.get(i - 1).text());
                year = Integer.parseInt(t.get(mEnd + 1).text());
                after = mEnd + 2;
            } else if (mEnd + 2 < t.size() && isDay(t.get(mEnd + 1)) && isYear(t.get(mEnd + 2))) {
                day = Integer.parseInt(t.get(mEnd + 1).text());
                year = Integer.parseInt(t.get(mEnd + 2).text());
                after = mEnd + 3;
            }
            if (day == null) {
                continue;
            }
            try {
                LocalDate d = LocalDate.of(year, m, day);
                return new Found(d, timeAt(line, t, after));
            } catch (DateTimeException e) {
                continue;
            }
        }
        return null;
    }

    /**
     * An {@code HH:MM} time at token {@code i}, also with the Arabic separator {@code ر} ({@code 12ر30}, KUNA Arabic
     * copy), or null.
     */
    private static LocalTime timeAt(String line, List<Token> t, int i) {
        if (i < 0 || i + 1 >= t.size() || !t.get(i).number() || t.get(i).text().length() > 2) {
            return null;
        }
        Token h = t.get(i);
        Token m = t.get(i + 1);
        if (m.number()) {
            if (m.start() - h.end() != 1 || line.charAt(h.end()) != ':') {
                return null;
            }
        } else if (TIME_SEP_AR.equals(m.text()) && m.start() == h.end() && i + 2 < t.size()
                && t.get(i + 2).number() && t.get(i + 2).start() == m.end()) {
            m = t.get(i + 2);
        } else {
            return null;
        }
        if (m.text().length() != 2) {
            return null;
        }
        int hh = Integer.parseInt(h.text());
        int mi = Integer.parseInt(m.text());
        return hh < 24 && mi < 60 ? LocalTime.of(hh, mi) : null;
    }

    /** The Arabic time separator: {@code 12ر30} is 12:30. */
    static final String TIME_SEP_AR = "\u0631";

    /** Arabic weekday names (with and without hamza), words a written date line may carry. */
    private static final java.util.Set<String> ARABIC_WEEKDAYS = java.util.Set.of("الاحد", "الاثنين", "الثلاثاء",
            "الاربعاء", "الخميس", "الجمعة", "السبت");

    /** An Arabic weekday name, any hamza or Persian-letter spelling. */
    static boolean isArabicWeekday(String word) {
        return ARABIC_WEEKDAYS.contains(foldArabic(word));
    }

    private static boolean isDay(Token t) {
        return t.number() && t.text().length() <= 2 && Integer.parseInt(t.text()) >= 1 && Integer.parseInt(t.text()) <= 31;
    }

    private static boolean isYear(Token t) {
        if (!t.number() || t.text().length() != 4) {
            return false;
        }
        int y = Integer.parseInt(t.text());
        return y >= 1990 && y <= 2100;
    }
}
