package org.wirearchive.core.extract;

import org.wirearchive.core.article.DateSource;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.wirearchive.core.article.Published;

/**
 * Header phase, second step: the lines between the page start and the anchor. Sorts them into title candidates,
 * date lines (numeric timestamps, written dates, a byline with a date), bylines, furniture and a teaser; on a page
 * without anchor, finds where the text starts.
 *
 * @param titles          title candidates in page order
 * @param dates           date lines in page order
 * @param byline          a byline line of the header, or null
 * @param teaser          true when a teaser paragraph was dropped
 * @param noAnchorBody    on a page without anchor: the first text line, else -1
 * @param fontSizeControl true when the header has a font-size control ({@code A+ A-})
 */
record HeaderScan(List<String> titles, List<DateLine> dates, String byline, boolean teaser, int noAnchorBody,
                  boolean fontSizeControl) {

    /** A header line that gives a date: its line, the value, and whether it is a numeric timestamp. */
    record DateLine(int line, Published value, boolean numeric) {
    }

    private static final Set<String> WEEKDAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "mon",
            "tue", "wed", "thu", "fri", "sat", "sun");

    /** Scans lines {@code first} (inclusive) to {@code end} (exclusive); {@code anchored}: the page has an anchor. */
    static HeaderScan scan(List<String> lines, int first, int end, boolean anchored, String siteKey) {
        List<String> titles = new ArrayList<>();
        List<DateLine> dates = new ArrayList<>();
        String byline = null;
        boolean teaser = false;
        boolean fontSize = false;
        int noAnchorBody = -1;
        for (int i = first; i < end; i++) {
            String l = lines.get(i);
            if (l.isEmpty()) {
                continue;
            }
            if (PageLines.isFontSizeControl(l)) {
                fontSize = true;
                continue;
            }
            if (!anchored && PageLines.isTrailerStart(l)) {
                break; // the disclaimer or the doc id before any article text: what follows is page trailer
            }
            if (PageLines.isFurniture(l) || PageLines.isStopLine(l) || Headlines.isSiteName(l, siteKey)) {
                continue; // a masthead (the paper's or the mirror's name) is never the title
            }
            LocalDateTime ts = DateText.numericTimestamp(l);
            if (ts != null) {
                dates.add(new DateLine(i, DateText.hasTime(l) ? Published.at(ts, DateSource.TIMESTAMP)
                        : Published.on(ts.toLocalDate(), DateSource.TIMESTAMP), true));
                continue;
            }
            String b = PageLines.bylineLine(l);
            if (b != null) {
                byline = byline == null ? b : byline;
                addWritten(dates, i, l);
                continue;
            }
            if (isDateOnlyLine(l)) {
                addWritten(dates, i, l);
                continue;
            }
            if (!anchored && (looksLikeParagraph(l, titles.isEmpty()) || continuesOnNextLine(lines, i))) {
                if (isCaptionBeforeTitle(lines, i)) {
                    continue; // a photo caption written as a sentence, then the title, then the text (mirrors)
                }
                noAnchorBody = i;
                break;
            }
            if (anchored && looksLikeTeaser(l)) {
                teaser = true;
                continue;
            }
            if (anchored && Headlines.isCaptionParagraph(l) && Anchor.datelineAfter(lines, i) >= 0) {
                continue; // a caption paragraph right before the dateline
            }
            titles.add(l);
        }
        return new HeaderScan(titles, dates, byline, teaser, noAnchorBody, fontSize);
    }

    private static void addWritten(List<DateLine> dates, int i, String l) {
        DateText.Found f = DateText.writtenDate(l);
        if (f != null) {
            dates.add(new DateLine(i, new Published(f.date(), f.time(), DateSource.TIMESTAMP), false));
        }
    }

    static boolean isDateOnlyLine(String l) {
        if (l.length() > 90) {
            return false;
        }
        DateText.Found f = DateText.writtenDate(l);
        if (f == null) {
            return false;
        }
        // mostly date words: at most three words that are not weekday, month or number (site name, "UTC", Hijri month)
        int other = 0;
        List<DateText.Token> tokens = DateText.tokens(l, 200);
        for (int k = 0; k < tokens.size(); k++) {
            DateText.Token t = tokens.get(k);
            int monthEnd = DateText.monthEnd(tokens, k);
            if (monthEnd > k) {
                k = monthEnd; // two-word Arabic month
                continue;
            }
            if (!t.number() && monthEnd < 0 && !WEEKDAYS.contains(t.text().toLowerCase(Locale.ROOT))
                    && !DateText.isArabicWeekday(t.text()) && !DateText.TIME_SEP_AR.equals(t.text())) {
                other++;
            }
        }
        return other <= 3 && !endsSentence(l);
    }

    static boolean looksLikeParagraph(String l, boolean noTitleYet) {
        int words = l.split(" ").length;
        if (words >= 30) {
            return true;
        }
        if (noTitleYet) {
            return words >= 12 && endsSentence(l);
        }
        return words >= 6 || endsSentence(l);
    }

    /**
     * A sentence-case line of six or more words that a hard wrap continues on the next line: the next line starts in
     * lower case, or (after a lower-case word or a comma) with a number that is no date line.
     */
    private static boolean continuesOnNextLine(List<String> lines, int i) {
        String l = lines.get(i);
        if (i + 1 >= lines.size() || lines.get(i + 1).isEmpty() || endsSentence(l) || l.split(" ").length < 6
                || Headlines.isTitleCase(l)) {
            return false;
        }
        String next = lines.get(i + 1);
        char last = l.charAt(l.length() - 1);
        return Character.isLowerCase(next.charAt(0)) || Character.isDigit(next.charAt(0))
                && (Character.isLowerCase(last) || last == ',') && DateText.numericTimestamp(next) == null
                && DateText.writtenDate(next) == null;
    }

    /**
     * Line {@code i} is a caption written as a sentence (under 30 words) followed by a title-like line (no sentence
     * end, at most 16 words) and then a paragraph: on a page without dateline, the caption is not the text's start.
     */
    private static boolean isCaptionBeforeTitle(List<String> lines, int i) {
        String l = lines.get(i);
        if (!Headlines.isSentenceCaption(l) || l.split(" ").length >= 30) {
            return false;
        }
        int t = PageLines.nextNonBlank(lines, i + 1);
        if (t < 0) {
            return false;
        }
        String title = lines.get(t);
        if (endsSentence(title) || title.split(" ").length > 16 || PageLines.isFurniture(title)
                || PageLines.isStopLine(title)) {
            return false;
        }
        int p = PageLines.nextNonBlank(lines, t + 1);
        return p >= 0 && (looksLikeParagraph(lines.get(p), true) || continuesOnNextLine(lines, p));
    }

    private static boolean looksLikeTeaser(String l) {
        return l.split(" ").length >= 25 && endsSentence(l);
    }

    static boolean endsSentence(String l) {
        char c = l.charAt(l.length() - 1);
        return c == '.' || c == '"' || c == '\u201D' || c == '!' || c == '?';
    }
}
