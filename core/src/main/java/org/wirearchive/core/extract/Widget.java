package org.wirearchive.core.extract;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The site header's date widget, recognised by shape and never by value: a weekday name, a day-first date
 * ({@code 02 January 2024}) and optionally a time {@code HH:MM} with {@code GMT} ({@code Tuesday, 14 March 2025
 * 09:41 GMT}). A month-first date counts only with the {@code GMT} time, so that a paper's own date line
 * ({@code Sunday, October 6, 2019}) is not mistaken for it. Whatever date the widget shows, it is never a
 * publication date: it is whatever the site's header said when the page was cached.
 */
final class Widget {

    private static final Set<String> WEEKDAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private Widget() {
    }

    /** The offset just after a widget that starts {@code line} (blanks allowed before it), or -1. */
    static int end(String line) {
        List<DateText.Token> t = DateText.tokens(line, 80);
        if (t.size() < 4 || t.get(0).number() || !WEEKDAYS.contains(t.get(0).text().toLowerCase(Locale.ROOT))
                || !line.substring(0, t.get(0).start()).isBlank()) {
            return -1;
        }
        int i = 1;
        boolean dayFirst;
        if (isDay(t.get(i)) && DateText.month(t.get(i + 1).text()) > 0) {
            dayFirst = true;
        } else if (!t.get(i).number() && DateText.month(t.get(i).text()) > 0 && isDay(t.get(i + 1))) {
            dayFirst = false;
        } else {
            return -1;
        }
        i += 2;
        if (i >= t.size() || !isYear(t.get(i))) {
            return -1;
        }
        int end = t.get(i).end();
        i++;
        // optional HH:MM, then optional GMT
        if (i + 1 < t.size() && t.get(i).number() && t.get(i + 1).number() && t.get(i).text().length() <= 2
                && t.get(i + 1).start() == t.get(i).end() + 1 && line.charAt(t.get(i).end()) == ':') {
            int timeEnd = t.get(i + 1).end();
            int j = i + 2;
            if (j < t.size() && t.get(j).text().equalsIgnoreCase("GMT") && between(line, timeEnd, t.get(j).start())) {
                return t.get(j).end();
            }
            if (dayFirst) {
                return timeEnd;
            }
            return -1;
        }
        if (i < t.size() && t.get(i).text().equalsIgnoreCase("GMT") && between(line, end, t.get(i).start())) {
            return t.get(i).end();
        }
        return dayFirst ? end : -1;
    }

    /** {@code line} without a leading widget, stripped; the line itself when it has none. */
    static String strip(String line) {
        int e = end(line);
        return e < 0 ? line : line.substring(e).strip();
    }

    private static boolean between(String s, int from, int to) {
        return to >= from && s.substring(from, to).isBlank();
    }

    private static boolean isDay(DateText.Token t) {
        return t.number() && t.text().length() <= 2 && Integer.parseInt(t.text()) >= 1
                && Integer.parseInt(t.text()) <= 31;
    }

    private static boolean isYear(DateText.Token t) {
        return t.number() && t.text().length() == 4;
    }
}
