package org.wirearchive.core.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wirearchive.core.extract.MetamorphicTest.Page;
import org.wirearchive.core.extract.MetamorphicTest.Perturbation;
import org.wirearchive.core.extract.MetamorphicTest.Variant;

/**
 * The perturbations of {@link MetamorphicTest}. They build every value themselves (dates, menus, names, captions) and
 * recognise the page layout with their own simple patterns, never with the parser's classes or constants.
 */
final class Perturbations {

    private Perturbations() {
    }

    static final Map<String, Perturbation> ALL = new LinkedHashMap<>();
    static final Map<String, Integer> MIN_APPLIED = new LinkedHashMap<>();

    private static final Pattern CRAWL = Pattern.compile("\\A(\\s*date \\d{4}-\\d{2}-\\d{2})([^\\n]*)");
    private static final Pattern OLD_WIDGET = Pattern.compile(
            "(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \\d{1,2} [A-Z][a-z]+ \\d{4}( \\d{1,2}:\\d{2}( GMT)?)?");
    private static final Pattern DOC_ID = Pattern.compile("(?m)^(MENAFN)(\\d{8})(\\d{12})ID(\\d+)");
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};
    private static final String[] SECTIONS = {"US", "Europe", "Arab", "Asia", "Africa", "Politics", "Economy",
        "Oil&Energy", "Entertainment", "Sport", "Business", "Tech"};
    private static final String[] FIRST = {"Laila", "Hamad", "Noor", "Yousef", "Dana", "Bader", "Rania", "Tariq",
        "Salma", "Ziad"};
    private static final String[] LAST = {"Al-Mansour", "Haddad", "Al-Otaibi", "Karimi", "Al-Qattan", "Nasser",
        "Al-Rifai", "Bishara"};
    private static final String[] SUBJECTS = {"volunteers", "officials", "students", "visitors", "engineers",
        "delegates"};
    private static final String[] SCENES = {"attend the opening of the new hall", "inspect the site on the coast",
        "pose after the ceremony", "tour the exhibition grounds", "sign the agreement at the ministry"};

    static {
        put("widget-any-date-or-none", 40, Perturbations::widget);
        put("blank-lines-doubled", 40, (p, r) -> blankLines(p, true));
        put("blank-lines-removed", 30, (p, r) -> blankLines(p, false));
        put("crlf", 60, (p, r) -> Variant.same(p.text().replace("\r\n", "\n").replace("\n", "\r\n"), "CRLF"));
        put("nbsp-for-spaces", 60, Perturbations::nbsp);
        put("trailing-spaces", 60, Perturbations::trailing);
        put("hard-wrapped-body", 20, Perturbations::hardWrap);
        put("menu-added", 60, Perturbations::menuAdded);
        put("menu-removed", 3, Perturbations::menuRemoved);
        put("menu-any-words", 60, Perturbations::menuAnyWords);
        put("caption-before-dateline", 30, Perturbations::caption);
        put("caption-sentence-before-agency-dateline", 20, Perturbations::captionSentence);
        put("byline-added", 30, Perturbations::bylineAdded);
        put("byline-moved", 3, Perturbations::bylineMoved);
        put("crawl-cut-after-body", 20, Perturbations::crawlCut);
        put("timestamp-line-above-wrapper", 40, Perturbations::timestampAbove);
        put("timestamp-after-crawl-ignored", 30, Perturbations::timestampAfterCrawl);
        put("another-doc-id", 20, Perturbations::anotherDocId);
    }

    private static void put(String name, int min, Perturbation p) {
        ALL.put(name, p);
        MIN_APPLIED.put(name, min);
    }

    // ---- invariant perturbations

    /** The header widget with a random weekday and date (any year, also after the crawl), with or without time. */
    static Object widget(Page p, Random r) {
        String bom = p.text().startsWith("\uFEFF") ? "\uFEFF" : "";
        String text = p.text().substring(bom.length());
        Matcher m = CRAWL.matcher(text);
        String widget = randomWidget(r);
        int mode = r.nextInt(3); // 0 none, 1 on the crawl-date line, 2 on the line after it
        if (m.find()) {
            String rest = OLD_WIDGET.matcher(m.group(2)).replaceFirst("").strip();
            String after = text.substring(m.end());
            String next = after.startsWith("\n") ? after.substring(1) : after;
            Matcher nw = Pattern.compile("\\A\\s*" + OLD_WIDGET.pattern() + "[ \\t]*\\n?").matcher(next);
            if (nw.find() && after.startsWith("\n")) {
                after = "\n" + next.substring(nw.end());
            }
            String head = m.group(1) + (rest.isEmpty() ? "" : " " + rest);
            String out = switch (mode) {
                case 0 -> head + after;
                case 1 -> m.group(1) + " " + widget + (rest.isEmpty() ? "" : " " + rest) + after;
                default -> head + "\n" + widget + after;
            };
            return Variant.same(bom + out, mode == 0 ? "widget removed" : "widget '" + widget + "' mode " + mode);
        }
        if (!p.ok()) {
            return "no crawl-date line and rejected";
        }
        if (OLD_WIDGET.matcher(text).lookingAt()) {
            return Variant.same(bom + OLD_WIDGET.matcher(text).replaceFirst(mode == 0 ? "" : widget),
                    "first-line widget " + (mode == 0 ? "removed" : "'" + widget + "'"));
        }
        return Variant.same(bom + widget + "\n" + text, "widget '" + widget + "' as first line");
    }

    static String randomWidget(Random r) {
        LocalDate d = LocalDate.of(2012 + r.nextInt(20), 1 + r.nextInt(12), 1).plusDays(r.nextInt(28));
        String day = DayOfWeek.of(1 + r.nextInt(7)).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        String w = day + ", " + String.format(Locale.ROOT, "%02d", d.getDayOfMonth()) + " "
                + MONTHS[d.getMonthValue() - 1] + " " + d.getYear();
        return r.nextBoolean() ? w : w + String.format(Locale.ROOT, " %02d:%02d GMT", r.nextInt(24), r.nextInt(60));
    }

    static Object blankLines(Page p, boolean doubled) {
        String t = p.text().replace("\r\n", "\n");
        List<String> lines = Arrays.asList(t.split("\n", -1));
        if (lines.stream().noneMatch(String::isBlank)) {
            return "no blank line";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            boolean blank = l.isBlank() && i < lines.size() - 1;
            if (blank && !doubled) {
                continue;
            }
            sb.append(l).append('\n');
            if (blank) {
                sb.append('\n');
            }
        }
        return Variant.same(sb.toString(), doubled ? "blank lines doubled" : "blank lines removed");
    }

    static Object nbsp(Page p, Random r) {
        double share = 0.2 + r.nextDouble() * 0.8;
        StringBuilder sb = new StringBuilder(p.text());
        for (int i = 0; i < sb.length(); i++) {
            if (sb.charAt(i) == ' ' && r.nextDouble() < share) {
                sb.setCharAt(i, '\u00A0');
            }
        }
        return Variant.same(sb.toString(), String.format(Locale.ROOT, "%.0f%% of spaces as NBSP", share * 100));
    }

    static Object trailing(Page p, Random r) {
        String[] lines = p.text().split("\n", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            sb.append(lines[i]);
            if (r.nextInt(3) == 0 && !lines[i].isEmpty()) {
                sb.append(r.nextBoolean() ? " " : r.nextBoolean() ? "  \t" : "\u00A0 ");
            }
            if (i < lines.length - 1) {
                sb.append('\n');
            }
        }
        return Variant.same(sb.toString(), "trailing blanks");
    }

    /**
     * Body paragraphs wrapped at a width of 55-75 characters at word boundaries, never right after a sentence end
     * (a reader could not tell that break from a paragraph end either): paragraphs alone on a line, and the first
     * paragraph after the wrapper and dateline on its line. A block of four or more lines whose inner lines come out
     * within one character of each other has the shape of a fixed-width cut inside words (AzerNews, Trend), which no
     * reader can tell from a word wrap without a dictionary; such a width is drawn again.
     */
    static Object hardWrap(Page p, Random r) {
        if (!p.ok()) {
            return "rejected page";
        }
        String body = (String) p.field("body");
        List<String> paras = List.of(body.split("\n"));
        String[] lines = p.text().split("\n", -1);
        String opening = paras.get(0).substring(0, Math.min(20, paras.get(0).length()));
        int bodyStart = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(opening)) {
                bodyStart = i; // the last line that opens like the body (a teaser may repeat the lead above)
            }
        }
        if (bodyStart < 0) {
            return "body opening not found as printed";
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            int width = 55 + r.nextInt(21);
            int wrapped = 0;
            boolean ambiguous = false;
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i];
                int at = i == bodyStart ? l.indexOf(opening) : 0;
                String para = l.substring(at).strip();
                if (i >= bodyStart && paras.contains(para) && para.length() > width + 10) {
                    String w = wrap(para, width);
                    ambiguous |= equalInnerLines(w);
                    sb.append(l, 0, at).append(w);
                    wrapped++;
                } else {
                    sb.append(l);
                }
                if (i < lines.length - 1) {
                    sb.append('\n');
                }
            }
            if (wrapped == 0) {
                return "no body paragraph longer than the wrap width";
            }
            if (!ambiguous) {
                return new Variant(sb.toString(), wrapped + " paragraphs wrapped at " + width, Map.of(), Set.of(),
                        Set.of("hard-wrap-joined"));
            }
        }
        return "every width drawn gave an ambiguous block";
    }

    /** Four or more lines whose inner lines are all within one character of the widest: a fixed-width shape. */
    private static boolean equalInnerLines(String wrapped) {
        String[] l = wrapped.split("\n");
        if (l.length < 4) {
            return false;
        }
        int max = 0;
        int min = Integer.MAX_VALUE;
        for (int i = 1; i < l.length - 1; i++) {
            max = Math.max(max, l[i].length());
            min = Math.min(min, l[i].length());
        }
        return max - min <= 1;
    }

    private static String wrap(String para, int width) {
        StringBuilder out = new StringBuilder();
        int col = 0;
        String[] words = para.split(" ");
        for (int k = 0; k < words.length; k++) {
            String w = words[k];
            boolean breakable = k > 0 && !endsSentence(words[k - 1]) && Character.isLetterOrDigit(w.charAt(0));
            if (col > 0 && col + 1 + w.length() > width && breakable) {
                out.append('\n');
                col = 0;
            } else if (col > 0) {
                out.append(' ');
                col++;
            }
            out.append(w);
            col += w.length();
        }
        return out.toString();
    }

    private static boolean endsSentence(String w) {
        return w.endsWith(".") || w.endsWith("!") || w.endsWith("?") || w.endsWith("\"") || w.endsWith(":")
                || w.endsWith("\u201D") || w.endsWith(";");
    }

    /** A menu of section words (space or NBSP padded, maybe a leading bar) after the crawl-date line or on top. */
    static Object menuAdded(Page p, Random r) {
        StringBuilder menu = new StringBuilder();
        int rows = 1 + r.nextInt(3);
        for (int i = 0; i < rows; i++) {
            String pad = r.nextBoolean() ? "          " : "\u00A0 \u00A0 \u00A0";
            menu.append(i == 1 ? "|" : "").append(pad);
            int words = 2 + r.nextInt(4);
            for (int k = 0; k < words; k++) {
                menu.append(SECTIONS[r.nextInt(SECTIONS.length)]).append(pad);
            }
            menu.append('\n');
        }
        if (p.text().replace('\u00A0', ' ').isBlank()) {
            return "empty page";
        }
        String bom = p.text().startsWith("\uFEFF") ? "\uFEFF" : "";
        String text = p.text().substring(bom.length());
        Matcher m = CRAWL.matcher(text);
        if (m.find()) {
            return Variant.same(bom + text.substring(0, m.end()) + "\n" + menu + text.substring(m.end()),
                    rows + " menu rows after the crawl-date line");
        }
        return Variant.same(bom + menu + text, rows + " menu rows on top");
    }

    /** Syllables of invented menu words: no menu of a real site, so only the row's shape can tell it is a menu. */
    private static final String[] SYLLABLES = {"ka", "lo", "mir", "zen", "tar", "bo", "vel", "qu", "ris", "dan",
        "or", "sel"};

    private static String inventedWord(Random r) {
        StringBuilder w = new StringBuilder();
        int n = 2 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
            w.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
        }
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /**
     * Menu rows of invented words (items of one or two words), separated by {@code |}, by no-break-space padding or
     * by a run of spaces, maybe with a leading bar, after the crawl-date line or on top.
     */
    static Object menuAnyWords(Page p, Random r) {
        if (p.text().replace('\u00A0', ' ').isBlank()) {
            return "empty page";
        }
        StringBuilder menu = new StringBuilder();
        int rows = 1 + r.nextInt(3);
        for (int i = 0; i < rows; i++) {
            int style = r.nextInt(3);
            String sep = style == 0 ? " | " : style == 1 ? "\u00A0 \u00A0\u00A0 " : "    ";
            int items = 3 + r.nextInt(3);
            menu.append(r.nextInt(4) == 0 ? "| " : style == 1 ? "\u00A0 \u00A0 " : "");
            for (int k = 0; k < items; k++) {
                menu.append(k > 0 ? sep : "").append(inventedWord(r));
                if (r.nextInt(3) == 0) {
                    menu.append(' ').append(inventedWord(r));
                }
            }
            menu.append('\n');
        }
        String bom = p.text().startsWith("\uFEFF") ? "\uFEFF" : "";
        String text = p.text().substring(bom.length());
        Matcher m = CRAWL.matcher(text);
        if (m.find()) {
            return Variant.same(bom + text.substring(0, m.end()) + "\n" + menu + text.substring(m.end()),
                    rows + " invented menu rows after the crawl-date line: " + menu.toString().replace("\n", " / "));
        }
        return Variant.same(bom + menu + text, rows + " invented menu rows on top: "
                + menu.toString().replace("\n", " / "));
    }

    static Object menuRemoved(Page p, Random r) {
        String[] lines = p.text().split("\n", -1);
        StringBuilder sb = new StringBuilder();
        int removed = 0;
        Set<String> sections = Set.of(SECTIONS);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].replace('\u00A0', ' ').strip();
            List<String> words = new ArrayList<>(Arrays.asList(l.replace("|", " ").strip().split(" +")));
            boolean menu = !l.isEmpty() && words.size() >= 2 && sections.containsAll(words);
            if (menu) {
                removed++;
                continue;
            }
            sb.append(lines[i]);
            if (i < lines.length - 1) {
                sb.append('\n');
            }
        }
        return removed == 0 ? "no menu" : Variant.same(sb.toString(), removed + " menu rows removed");
    }

    /** A photo-caption paragraph between the wrapper and the dateline. */
    static Object caption(Page p, Random r) {
        Wrapper w = Wrapper.find(p.text());
        if (w == null || !p.ok()) {
            return "no wrapper";
        }
        Object city = p.field("dateline_city");
        if (city == null || !w.after().stripLeading().startsWith((String) city)) {
            return "no dateline right after the wrapper";
        }
        String caption = "A handout photo shows " + SUBJECTS[r.nextInt(SUBJECTS.length)] + " as they "
                + SCENES[r.nextInt(SCENES.length)] + " on " + DayOfWeek.of(1 + r.nextInt(7))
                .getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ".";
        return Variant.same(w.before() + w.tag() + "\n\n" + caption + "\n\n" + w.after().stripLeading(),
                "caption '" + caption + "'");
    }

    /** A dateline that opens a line: a city, a month and day, an agency in parentheses. */
    private static final Pattern AGENCY_DATELINE = Pattern.compile(
            "\\A[A-Z][A-Za-z .'-]*(, [A-Za-z ]+)?, [A-Z][a-z]{2,8}\\.? \\d{1,2} \\([A-Za-z]+\\)");
    private static final String[] SIDES = {"left", "right", "centre", "second left", "file"};

    /**
     * A caption written as a short sentence with no picture word ({@code Dana Haddad (left) greets Ziad Nasser at the
     * forum.}) between the wrapper and a dateline that carries an agency tag, on its own line right before the
     * dateline or as its own paragraph.
     */
    static Object captionSentence(Page p, Random r) {
        Wrapper w = Wrapper.find(p.text());
        if (w == null || !p.ok()) {
            return "no wrapper";
        }
        Object city = p.field("dateline_city");
        String after = w.after().stripLeading();
        if (city == null || !after.startsWith((String) city)) {
            return "no dateline right after the wrapper";
        }
        if (!AGENCY_DATELINE.matcher(after.replace('\u00A0', ' ')).find()) {
            return "the dateline has no agency tag in parentheses";
        }
        String caption = FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)] + " ("
                + SIDES[r.nextInt(SIDES.length)] + ") and " + SUBJECTS[r.nextInt(SUBJECTS.length)] + " "
                + SCENES[r.nextInt(SCENES.length)] + (r.nextBoolean() ? "." : "");
        String gap = r.nextBoolean() ? "\n" : "\n\n";
        return Variant.same(w.before() + w.tag() + "\n" + caption + gap + after,
                "caption '" + caption + "' then " + gap.length() + " line end(s)");
    }

    /** A byline in one of the real positions; the byline field becomes it, nothing else changes. */
    static Object bylineAdded(Page p, Random r) {
        Wrapper w = Wrapper.find(p.text());
        if (w == null || !p.ok()) {
            return "no wrapper";
        }
        if (p.field("byline") != null) {
            return "page has a byline";
        }
        if (w.after().isBlank()) {
            return "nothing after the wrapper";
        }
        String[] names = names(r);
        return placeByline(w, names, r.nextInt(5), Map.of("byline", names[1]));
    }

    private static Object placeByline(Wrapper w, String[] names, int pos, Map<String, Object> changes) {
        String after = w.after().stripLeading();
        String text = switch (pos) {
            case 0 -> w.before() + w.tag() + " By " + names[0] + "\n\n" + after;
            case 1 -> w.before() + w.tag() + "\nBy " + names[0] + "\n" + after;
            case 2 -> w.before() + w.tag() + "\nBy: " + names[0] + "\n\n" + after;
            case 3 -> w.before() + w.tag() + " News report by " + names[0] + "\n\n" + after;
            default -> w.before() + w.tag() + "\n\n\nBy " + names[0] + "\n\n\n" + after;
        };
        return new Variant(text, "byline '" + names[0] + "' at position " + pos, changes, Set.of(), Set.of());
    }

    /** [printed names, names as the byline field holds them]: one, two or three authors. */
    private static String[] names(Random r) {
        int count = 1 + r.nextInt(3);
        List<String> n = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            n.add(FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)]);
        }
        String printed = count == 1 ? n.get(0) : count == 2 ? n.get(0) + " and " + n.get(1)
                : n.get(0) + ", " + n.get(1) + " and " + n.get(2);
        return new String[] {printed, printed};
    }

    /** An own-line byline moved to another position. */
    static Object bylineMoved(Page p, Random r) {
        Object byline = p.field("byline");
        if (byline == null) {
            return "page has no byline";
        }
        Pattern own = Pattern.compile("(?m)^[ \\t]*(?:By|By:|News report by) " + Pattern.quote((String) byline)
                + "[ \\t]*\\n");
        Matcher m = own.matcher(p.text());
        if (!m.find()) {
            return "byline not on a line of its own";
        }
        Wrapper w = Wrapper.find(p.text().substring(0, m.start()) + p.text().substring(m.end()));
        if (w == null || w.after().isBlank()) {
            return "no wrapper";
        }
        return placeByline(w, new String[] {(String) byline, (String) byline}, r.nextInt(5), Map.of());
    }

    /** The crawl stops right after the body (end marker and initials kept): trailer-derived fields may change. */
    static Object crawlCut(Page p, Random r) {
        if (!p.ok()) {
            return "rejected page";
        }
        String body = (String) p.field("body");
        String end = body.substring(Math.max(0, body.length() - 12));
        String text = p.text();
        int at = text.lastIndexOf(end);
        if (at < 0) {
            return "body end not found as printed";
        }
        int eol = text.indexOf('\n', at);
        if (eol < 0) {
            return "nothing after the body";
        }
        Object initials = p.field("editor_initials");
        if (initials != null && !text.substring(at, eol).contains((String) initials)) {
            int next = text.indexOf((String) initials, eol);
            if (next > 0) {
                eol = text.indexOf('\n', next);
                if (eol < 0) {
                    return "nothing after the initials";
                }
            }
        }
        String rest = text.substring(eol);
        if (rest.isBlank()) {
            return "nothing after the body";
        }
        Set<String> may = new java.util.HashSet<>(Set.of("menafn_doc_id", "menafn_doc_date", "menafn_article_no",
                "menafn_provider_code", "warnings", "format"));
        if ("DOC_ID".equals(p.field("published_source")) || p.field("menafn_doc_id") != null) {
            may.add("published");
            may.add("published_source");
        }
        if (Pattern.compile("(?m)^\\s*\\[?\\d{1,4}[-/]\\d{1,2}[-/]\\d{1,4}").matcher(rest).find()) {
            may.add("published"); // a footer time stamp after the body
            may.add("published_source");
        }
        List<?> warnings = (List<?>) p.field("warnings");
        if (warnings.contains("provider-from-doc-id") || warnings.contains("provider-from-source-line")) {
            may.add("provider");
            may.add("provider_key");
        }
        return new Variant(text.substring(0, eol + 1), "cut " + rest.length() + " characters after the body",
                Map.of(), may, Set.of());
    }

    // ---- perturbations with a known change

    /** A timestamp line right above the wrapper, on or before the crawl date: it becomes the publication time. */
    static Object timestampAbove(Page p, Random r) {
        Wrapper w = Wrapper.find(p.text());
        if (w == null || !p.ok()) {
            return "no wrapper";
        }
        LocalDate crawl = p.field("crawl_date") == null ? null : LocalDate.parse((String) p.field("crawl_date"));
        LocalDate d = crawl != null ? crawl.minusDays(r.nextInt(400)) : LocalDate.of(2016 + r.nextInt(8), 1, 1)
                .plusDays(r.nextInt(365));
        String time = String.format(Locale.ROOT, "%02d:%02d:%02d", r.nextInt(24), r.nextInt(60), r.nextInt(60));
        String line = d + " " + time;
        return new Variant(w.beforeOnOwnLine() + line + "\n" + w.tag() + w.after(), "timestamp " + line,
                Map.of("published", d + "T" + time, "published_source", "TIMESTAMP"), Set.of(),
                Set.of("published-after-crawl", "dateline-year-before-crawl"));
    }

    /** A timestamp line above the wrapper dated after the crawl: impossible, ignored with a warning. */
    static Object timestampAfterCrawl(Page p, Random r) {
        Wrapper w = Wrapper.find(p.text());
        if (w == null || !p.ok()) {
            return "no wrapper";
        }
        if (p.field("crawl_date") == null) {
            return "no crawl date";
        }
        LocalDate d = LocalDate.parse((String) p.field("crawl_date")).plusDays(1 + r.nextInt(300));
        String line = d + String.format(Locale.ROOT, " %02d:%02d:%02d", r.nextInt(24), r.nextInt(60), r.nextInt(60));
        return new Variant(w.beforeOnOwnLine() + line + "\n" + w.tag() + w.after(), "timestamp " + line,
                Map.of("+warning", "published-after-crawl"), Set.of(), Set.of());
    }

    /** Another article number in the doc id: the ids follow it. */
    static Object anotherDocId(Page p, Random r) {
        if (!p.ok() || p.field("menafn_doc_id") == null) {
            return "no doc id";
        }
        if (p.url() != null && p.url().contains("menafn")) {
            return "menafn URL carries the article number too";
        }
        Matcher m = DOC_ID.matcher(p.text());
        if (!m.find()) {
            return "doc id not at a line start";
        }
        long no = 1_090_000_000L + r.nextInt(30_000_000);
        String id = m.group(1) + m.group(2) + m.group(3) + "ID" + no;
        String text = p.text().substring(0, m.start()) + id + p.text().substring(m.end());
        return new Variant(text, "doc id " + id, Map.of("menafn_doc_id", id, "menafn_article_no", no), Set.of(),
                Set.of());
    }

    /** The provider wrapper as a reader finds it: {@code (MENAFN- …)} with nested parentheses, at a line start. */
    record Wrapper(String before, String tag, String after) {
        static Wrapper find(String text) {
            Matcher m = Pattern.compile("(?m)^[ \\t]*\\(?[ \\t]*MENAFN[ \\t]*[-\\u2013]").matcher(text);
            Matcher crawl = CRAWL.matcher(text);
            int start;
            if (m.find()) {
                start = m.start();
                while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
                    start++;
                }
            } else if (crawl.find() && crawl.group(2).stripLeading().startsWith("(MENAFN-")) {
                start = crawl.start(2) + crawl.group(2).indexOf("(MENAFN-");
            } else {
                return null;
            }
            int depth = text.charAt(start) == '(' ? 0 : 1;
            for (int i = start; i < text.length() && text.charAt(i) != '\n'; i++) {
                char c = text.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return new Wrapper(text.substring(0, start), text.substring(start, i + 1), text.substring(i + 1));
                }
            }
            return null;
        }

        /** The text before the wrapper, ending with a line break. */
        String beforeOnOwnLine() {
            return before.isEmpty() || before.endsWith("\n") ? before : before.stripTrailing() + "\n";
        }
    }
}
