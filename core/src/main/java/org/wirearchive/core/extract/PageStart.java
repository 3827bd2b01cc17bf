package org.wirearchive.core.extract;

import java.time.LocalDate;
import java.util.List;
import org.wirearchive.core.normalize.TextNormalizer;

/**
 * Header phase, first step: the crawl-date line ({@code  date YYYY-MM-DD}), a leaked {@code 403} and the date widget
 * on the crawl-date line or on the line after it (the first non-blank line when there is no crawl-date line). Edits
 * the lines in place: what remains of those lines (a title printed on the crawl-date line) stays for the header scan.
 *
 * @param first     index of the first non-blank line, or the line count when the page is blank
 * @param crawlDate the crawl date from the page, else the container's, or null
 * @param crawlLine true when the page starts with a crawl-date line
 */
record PageStart(int first, LocalDate crawlDate, boolean crawlLine) {

    /** Reads the page start of {@code lines}, stripping crawl date, 403 and widget from them. */
    static PageStart read(List<String> lines, LocalDate containerCrawlDate) {
        int n = lines.size();
        int first = nextNonBlank(lines, 0);
        if (first < 0) {
            return new PageStart(n, containerCrawlDate, false);
        }
        LocalDate crawlDate = null;
        String l = lines.get(first);
        if (l.startsWith("date ") && l.length() >= 15) {
            crawlDate = isoDate(l.substring(5, 15));
            if (crawlDate != null) {
                lines.set(first, l.substring(15).strip());
            }
        }
        boolean crawlLine = crawlDate != null;
        // the widget: on the crawl-date line, else on the next line that is not furniture (a menu may come first);
        // without a crawl-date line, on the first such line
        int w = first;
        lines.set(w, stripNoise(lines.get(w)));
        if (!crawlLine || lines.get(w).isEmpty()) {
            w = nextContent(lines, crawlLine ? w + 1 : w);
        } else if (Widget.end(lines.get(w)) < 0) {
            int next = nextContent(lines, w + 1);
            if (next >= 0 && Widget.end(lines.get(next)) >= 0) {
                w = next;
            }
        }
        if (w >= 0) {
            lines.set(w, stripNoise(lines.get(w)));
        }
        for (int i = first; i < Math.min(n, first + 40); i++) {
            lines.set(i, strip403(lines.get(i)));
        }
        return new PageStart(first, crawlDate != null ? crawlDate : containerCrawlDate, crawlLine);
    }

    /** {@code 403} and the widget at the start of a header line, in either order. */
    private static String stripNoise(String l) {
        String s = strip403(l);
        s = Widget.strip(s);
        s = strip403(s);
        return s.length() == l.length() ? l : TextNormalizer.cleanLine(s);
    }

    private static String strip403(String s) {
        if (s.startsWith("403") && (s.length() == 3 || s.charAt(3) == ' ')) {
            return s.substring(3).strip();
        }
        return s;
    }

    static LocalDate isoDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The next line from {@code from} that is neither blank nor furniture (menus, language links), or -1. */
    private static int nextContent(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.isEmpty() && !PageLines.isFurniture(l)) {
                return i;
            }
        }
        return -1;
    }

    static int nextNonBlank(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).isEmpty()) {
                return i;
            }
        }
        return -1;
    }
}
