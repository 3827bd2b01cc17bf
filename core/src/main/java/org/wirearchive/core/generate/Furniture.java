package org.wirearchive.core.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.wirearchive.core.generate.PageWriter.Layout;
import org.wirearchive.core.generate.PageWriter.Page;
import org.wirearchive.core.generate.PageWriter.Provider;

/**
 * Everything on a page around the article that a crawl or a site varies, drawn at random: the header's date widget
 * (any date, with or without a time, on the crawl-date line or the next line, or none), the menu (other words, other
 * padding, or none), a byline (own line or on the wrapper line, one to three authors, several wordings), a photo
 * caption before the dateline, blank lines, trailing spaces and CRLF line ends.
 *
 * <p>The values come from this package's own tables, never from the parser's: the generated archive is an
 * independent check of the parser.
 *
 * @param widget          the header date widget as printed, or null
 * @param widgetNextLine  the widget stands on the line after the crawl-date line (else on that line)
 * @param arabicLink      the {@code عربي} link line above the menu
 * @param menu            the menu lines (empty for none)
 * @param headlineGap     blank lines after the headline (1 to 4)
 * @param byline          the byline as printed ({@code By: A and B}), or null
 * @param authors         the authors' names as printed in the byline ({@code A and B}), or null
 * @param bylineOnWrapper the byline follows the wrapper on its line, and the dateline opens the next paragraph
 * @param caption         a photo caption paragraph printed before the dateline, or null
 * @param paragraphGap    a blank line between body paragraphs
 * @param trailingSpaces  header and body lines end in spaces
 * @param crlf            CRLF line ends
 */
record Furniture(String widget, boolean widgetNextLine, boolean arabicLink, List<String> menu, int headlineGap,
                 String byline, String authors, boolean bylineOnWrapper, String caption, boolean paragraphGap,
                 boolean trailingSpaces, boolean crlf) {

    private static final String NBSP = "\u00A0";

    private static final List<String> DAY_NAMES = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday");

    private static final List<List<String>> MENU_WORDS = List.of(
            List.of("US", "Europe", "Arab", "Asia", "Africa"),
            List.of("Politics", "Economy", "Oil&Energy"),
            List.of("Entertainment", "Sport"),
            List.of("Business", "Markets", "Technology", "Travel"),
            List.of("Home", "World", "Opinion", "Videos"),
            List.of("Banking", "Real Estate", "Aviation", "Shipping"),
            List.of("Press Releases", "Events", "Contact Us"),
            List.of("GCC", "Middle East", "North Africa"));

    private static final List<String> CAPTION_FORMS = List.of(
            "A handout photo shows {P} during {E}.",
            "{P} (right) meets {Q} in {C}.",
            "{P} speaks at {E} in {C} (photo)",
            "Participants in {E} pose for a group photo.",
            "Photo: {P} and {Q} after the talks");

    /** No furniture beyond the layout's fixed lines: what a bad page or a test needs. */
    static final Furniture NONE = new Furniture(null, false, false, List.of(), 2, null, null, false, null, false,
            false, false);

    /** Draws the furniture of page {@code p}. */
    static Furniture draw(Random r, Page p) {
        Layout l = p.layout();
        boolean html = l == Layout.KUNA_HTML || l == Layout.MENAFN_HTML;
        boolean header = !html && l != Layout.MENAFN_PLAIN;
        String widget = header && p.widget() ? widget(r) : null;
        boolean widgetNextLine = r.nextInt(3) == 0;
        boolean seed = l == Layout.MENAFN_SEED;
        boolean arabic = header && r.nextInt(100) < (seed ? 85 : 10);
        List<String> menu = header && r.nextInt(100) < (seed ? 85 : 15) ? menu(r) : List.of();
        int gap = 1 + r.nextInt(4);
        String byline = null;
        String authors = null;
        boolean onWrapper = false;
        if (r.nextInt(100) < 25) {
            authors = authors(r);
            byline = bylineForm(r, authors);
            boolean wrapperPrinted = l != Layout.MENAFN_NO_WRAPPER && l != Layout.KUNA_HTML;
            onWrapper = wrapperPrinted && r.nextBoolean();
        }
        String caption = p.provider() != Provider.AZERNEWS && r.nextInt(100) < 8 ? caption(r, p) : null;
        boolean paragraphGap = !html && r.nextInt(5) == 0;
        boolean trailing = !html && r.nextInt(8) == 0;
        boolean crlf = !html && r.nextInt(10) == 0;
        return new Furniture(widget, widgetNextLine, arabic, menu, gap, byline, authors, onWrapper, caption,
                paragraphGap, trailing, crlf);
    }

    /** A weekday, a date of any year from 2015 to 2030 and sometimes {@code HH:MM GMT}: the site header's clock. */
    static String widget(Random r) {
        LocalDate d = LocalDate.of(2015, 1, 1).plusDays(r.nextInt(16 * 365));
        String day = DAY_NAMES.get(d.getDayOfWeek().getValue() - 1);
        String date = String.format(Locale.ROOT, "%s, %02d %s %d", day, d.getDayOfMonth(),
                Words.MONTHS.get(d.getMonthValue() - 1), d.getYear());
        return r.nextInt(4) == 0 ? date : date + String.format(Locale.ROOT, " %02d:%02d GMT", r.nextInt(24),
                r.nextInt(60));
    }

    static List<String> menu(Random r) {
        int lines = 1 + r.nextInt(3);
        List<String> out = new ArrayList<>();
        int first = r.nextInt(MENU_WORDS.size());
        int style = r.nextInt(3);
        for (int i = 0; i < lines; i++) {
            out.add(menuLine(MENU_WORDS.get((first + i) % MENU_WORDS.size()), style, i));
        }
        return out;
    }

    /** A menu line in one of three paddings: NBSP runs (the seed page's), {@code |} separators, a leading bar. */
    static String menuLine(List<String> words, int style, int index) {
        StringBuilder sb = new StringBuilder();
        switch (style) {
            case 0:
                String pad = NBSP + " " + NBSP + " " + NBSP + NBSP + NBSP + NBSP + " ";
                sb.append(index == 1 ? "| " : NBSP + " " + NBSP + " " + NBSP + " ");
                for (String w : words) {
                    sb.append(pad).append(w).append(' ');
                }
                sb.append(NBSP).append(" ").append(NBSP);
                break;
            case 1:
                sb.append(String.join(" | ", words));
                break;
            default:
                sb.append("| ");
                for (String w : words) {
                    sb.append(w).append(" ").append(NBSP).append(NBSP).append(' ');
                }
        }
        return sb.toString();
    }

    /** One to three invented names, as a byline prints them: {@code A}, {@code A and B}, {@code A, B and C}. */
    static String authors(Random r) {
        int n = r.nextInt(10) < 6 ? 1 : r.nextInt(10) < 8 ? 2 : 3;
        String a = Words.person(r);
        return n == 1 ? a : n == 2 ? a + " and " + Words.person(r)
                : a + ", " + Words.person(r) + " and " + Words.person(r);
    }

    static String bylineForm(Random r, String authors) {
        switch (r.nextInt(5)) {
            case 0:
                return "By: " + authors;
            case 1:
                return "News report by " + authors;
            case 2:
                return "Report by " + authors;
            default:
                return "By " + authors;
        }
    }

    static String caption(Random r, Page p) {
        String form = Words.pick(r, CAPTION_FORMS);
        return form.replace("{P}", Words.person(r)).replace("{Q}", Words.person(r))
                .replace("{E}", Words.pick(r, Words.EVENTS))
                .replace("{C}", TextMaker.titleCase(Words.pick(r, Words.CITIES).toLowerCase(Locale.ROOT)));
    }
}
