package org.wirearchive.core.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Renders one page in one of the archive's layouts, with the furniture drawn for it ({@link Furniture}).
 * Package-private: the generator's drawing code. Every literal it prints is its own.
 */
final class PageWriter {

    private PageWriter() {
    }

    /** Where a page came from and how it is laid out. */
    enum Layout {
        /** The seed page's layout: date line (+ widget), Arabic link and menu (most pages), title, timestamp, wrapper. */
        MENAFN_SEED,
        /** No noise and no title: the text starts with the wrapper. */
        MENAFN_PLAIN,
        /** Date line, title, timestamp, the wrapper alone on its line. */
        MENAFN_WRAPPER_LINE,
        /** Date line, title, timestamp, {@code ( MENAFN - Kuwait News Agency (KUNA))} with spaces inside. */
        MENAFN_SPACED_WRAPPER,
        /** Date line and title, no wrapper: the KUNA dateline starts the text. */
        MENAFN_NO_WRAPPER,
        /** A kuna.net.kw page saved as HTML ({@code A+ A-}, canonical link with the KUNA id). */
        KUNA_HTML,
        /** A MENAFN page saved as HTML (canonical link with the article number). */
        MENAFN_HTML
    }

    /** A wire provider as MENAFN prints it. */
    enum Provider {
        KUNA("Kuwait News Agency (KUNA)", "kuna", "000071011013"),
        JNA("Jordan News Agency", "jna", "000117011021"),
        AZERNEWS("AzerNews", "azernews", "000195011045");

        final String printed;
        final String key;
        final String code;

        Provider(String printed, String key, String code) {
            this.printed = printed;
            this.key = key;
            this.code = code;
        }
    }

    /** How a copy differs from the original on the byte level. */
    enum Variant { PLAIN, WHITESPACE, CRLF, GZIP }

    /**
     * Everything that is printed on one page.
     *
     * @param paragraphs the body paragraphs as the parser should return them; the dateline is printed before the first
     */
    record Page(Layout layout, Provider provider, LocalDate crawlDate, LocalDateTime published, Long menafnNo,
                Long kunaId, String headline, String city, List<String> paragraphs, String initials,
                boolean widget, boolean initialsSameLine, Variant variant) {

        String menafnDocId() {
            LocalDate d = published.toLocalDate();
            return String.format(java.util.Locale.ROOT, "MENAFN%02d%02d%04d%sID%d", d.getDayOfMonth(),
                    d.getMonthValue(), d.getYear(), provider.code, menafnNo);
        }

        /** The dateline as printed, with its trailing space, or empty when the provider prints none. */
        String dateline() {
            LocalDate d = published.toLocalDate();
            switch (provider) {
                case KUNA:
                    return city + ", " + Words.KUNA_MONTHS.get(d.getMonthValue() - 1) + " " + d.getDayOfMonth()
                            + " (KUNA) -- ";
                case JNA:
                    return "Amman, " + Words.PETRA_MONTHS.get(d.getMonthValue() - 1) + " " + d.getDayOfMonth()
                            + " (Petra) -- ";
                default:
                    return "";
            }
        }

        String datelineCity() {
            switch (provider) {
                case KUNA:
                    return city;
                case JNA:
                    return "Amman";
                default:
                    return null;
            }
        }
    }

    private static final String DISCLAIMER = "MENAFN offers this material \u201cas is\u201d with no warranty of any"
            + " sort. Questions about accuracy, rights or content of this item go to the provider named above.";
    private static final String[] FOOTER = {"Tags", "Label", "Comments", "No comment", "Category", "Date", "Search"};
    private static final String ARABIC_LINK = "\u0639\u0631\u0628\u064A";

    /** The page's bytes with the furniture {@code f} (gzip-compressed for {@link Variant#GZIP}). */
    static byte[] render(Page p, Furniture f) {
        String text;
        switch (p.layout()) {
            case KUNA_HTML:
                text = kunaHtml(p, f);
                break;
            case MENAFN_HTML:
                text = menafnHtml(p, f);
                break;
            default:
                text = menafnText(p, f);
        }
        if (p.variant() == Variant.CRLF || f.crlf()) {
            text = text.replace("\n", "\r\n");
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return p.variant() == Variant.GZIP ? gzip(bytes) : bytes;
    }

    static String timestamp(LocalDateTime t) {
        return String.format(java.util.Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
    }

    /** The wrapper as the layout prints it, or null when the layout prints none. */
    static String wrapper(Page p) {
        switch (p.layout()) {
            case MENAFN_NO_WRAPPER:
            case KUNA_HTML:
                return null;
            case MENAFN_SPACED_WRAPPER:
                return "( MENAFN - " + p.provider().printed + ")";
            default:
                return "(MENAFN- " + p.provider().printed + ")";
        }
    }

    private static String menafnText(Page p, Furniture f) {
        boolean ws = p.variant() == Variant.WHITESPACE;
        String trail = ws || f.trailingSpaces() ? "  " : "";
        StringBuilder sb = new StringBuilder(p.paragraphs().size() * 200 + 1500);
        Layout l = p.layout();
        if (l != Layout.MENAFN_PLAIN) {
            sb.append(" date ").append(p.crawlDate());
            if (f.widget() != null && !f.widgetNextLine()) {
                sb.append(' ').append(f.widget());
            }
            sb.append(trail).append('\n');
            if (f.widget() != null && f.widgetNextLine()) {
                sb.append(f.widget()).append(trail).append('\n');
            }
        }
        if (f.arabicLink()) {
            sb.append(ARABIC_LINK).append("\n\n\n");
            if (ws) {
                sb.append('\n');
            }
        }
        if (!f.menu().isEmpty()) {
            for (String m : f.menu()) {
                sb.append(m).append('\n');
            }
            sb.append('\n');
        }
        if (l != Layout.MENAFN_PLAIN) {
            sb.append(p.headline()).append(trail).append("\n".repeat(1 + f.headlineGap() + (ws ? 1 : 0)));
            if (l != Layout.MENAFN_NO_WRAPPER) {
                sb.append(timestamp(p.published())).append('\n');
            }
        }
        String wrapper = wrapper(p);
        boolean lead = f.byline() != null || f.caption() != null;
        if (wrapper != null) {
            sb.append(wrapper);
            if (f.byline() != null && f.bylineOnWrapper()) {
                sb.append(' ').append(f.byline()).append(trail).append("\n\n");
            } else if (l == Layout.MENAFN_WRAPPER_LINE || lead) {
                sb.append(trail).append('\n');
            } else {
                sb.append(' ');
            }
        }
        if (f.byline() != null && !f.bylineOnWrapper()) {
            sb.append(f.byline()).append(trail).append('\n');
        }
        if (f.caption() != null) {
            sb.append(f.caption()).append(trail).append(f.paragraphGap() ? "\n\n" : "\n");
        }
        appendBody(sb, p, (ws ? " \n" : trail + "\n") + (f.paragraphGap() ? "\n" : ""));
        sb.append(ws ? "\n\n\n\n\n" : "\n\n\n");
        sb.append(p.menafnDocId()).append("\n\n");
        sb.append("Legal Disclaimer:\n").append(DISCLAIMER).append('\n');
        for (String foot : FOOTER) {
            sb.append('\n').append(foot).append(foot.equals("Search") ? "" : "\n");
        }
        return sb.toString();
    }

    /** Dateline, paragraphs, {@code (end)} and initials; no trailing newline after the initials. */
    private static void appendBody(StringBuilder sb, Page p, String lineEnd) {
        sb.append(p.dateline());
        List<String> paras = p.paragraphs();
        for (int i = 0; i < paras.size(); i++) {
            sb.append(paras.get(i));
            if (i < paras.size() - 1) {
                sb.append(lineEnd);
            }
        }
        sb.append(" (end)");
        sb.append(p.initialsSameLine() ? " " : "\n").append(p.initials());
    }

    private static String kunaHtml(Page p, Furniture f) {
        String url = "https://www.kuna.net.kw/ArticleDetails.aspx?id=" + p.kunaId() + "&amp;language=en";
        StringBuilder sb = new StringBuilder(p.paragraphs().size() * 200 + 800);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(html(p.headline())).append(" | Kuwait News Agency (KUNA)</title>\n")
                .append("<link rel=\"canonical\" href=\"").append(url).append("\">\n")
                .append("<meta property=\"article:published_time\" content=\"").append(p.published()).append("\">\n")
                .append("</head>\n<body>\n<div class=\"font-tools\">A+ A-</div>\n<h1>").append(html(p.headline()))
                .append("</h1>\n<div class=\"date\">").append(timestamp(p.published())).append("</div>\n")
                .append("<div class=\"article\">\n");
        appendHtmlBody(sb, p, f, null);
        sb.append("</div>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static String menafnHtml(Page p, Furniture f) {
        String url = "https://menafn.com/" + p.menafnNo() + "/" + slug(p.headline());
        StringBuilder sb = new StringBuilder(p.paragraphs().size() * 200 + 800);
        sb.append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>").append(html(p.headline()))
                .append("</title>\n<link rel=\"canonical\" href=\"").append(url).append("\">\n</head>\n<body>\n<h1>")
                .append(html(p.headline())).append("</h1>\n<div class=\"date\">").append(timestamp(p.published()))
                .append("</div>\n<div class=\"article\">\n");
        appendHtmlBody(sb, p, f, wrapper(p));
        sb.append("<p>").append(p.menafnDocId()).append("</p>\n</div>\n<div class=\"disclaimer\">Legal Disclaimer: ")
                .append(html(DISCLAIMER)).append("</div>\n</body>\n</html>\n");
        return sb.toString();
    }

    /** The article's paragraphs; the wrapper (or null), byline and caption come first, as in the text layouts. */
    private static void appendHtmlBody(StringBuilder sb, Page p, Furniture f, String wrapper) {
        String first = wrapper == null ? "" : wrapper + " ";
        if (f.byline() != null) {
            if (f.bylineOnWrapper()) {
                sb.append("<p>").append(html(first + f.byline())).append("</p>\n");
            } else {
                if (wrapper != null) {
                    sb.append("<p>").append(html(wrapper)).append("</p>\n");
                }
                sb.append("<p>").append(html(f.byline())).append("</p>\n");
            }
            first = "";
        }
        if (f.caption() != null) {
            if (!first.isEmpty()) {
                sb.append("<p>").append(html(wrapper)).append("</p>\n");
                first = "";
            }
            sb.append("<p>").append(html(f.caption())).append("</p>\n");
        }
        List<String> paras = p.paragraphs();
        for (int i = 0; i < paras.size(); i++) {
            sb.append("<p>");
            if (i == 0) {
                sb.append(html(first)).append(html(p.dateline()));
            }
            sb.append(html(paras.get(i)));
            if (i == paras.size() - 1) {
                sb.append(" (end) ").append(p.initials());
            }
            sb.append("</p>\n");
        }
    }

    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A MENAFN URL slug: Title-Cased words, punctuation dropped, hyphens between words. */
    static String slug(String headline) {
        StringBuilder sb = new StringBuilder();
        for (String w : headline.split("[^\\p{L}\\p{N}']+")) {
            String word = w.replace("'", "");
            if (word.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('-');
            }
            sb.append(Words.capital(word));
        }
        return sb.toString();
    }

    private static final List<String> NO_ARTICLE_MENU = List.of(
            Furniture.menuLine(List.of("US", "Europe", "Arab", "Asia", "Africa"), 0, 0),
            Furniture.menuLine(List.of("Politics", "Economy", "Oil&Energy"), 0, 1));

    /** A page with the header and footer but no article in it: a reader must reject it. */
    static byte[] noArticlePage(LocalDate crawlDate) {
        StringBuilder sb = new StringBuilder();
        sb.append(" date ").append(crawlDate).append(" 403\n").append(ARABIC_LINK).append("\n\n");
        for (String m : NO_ARTICLE_MENU) {
            sb.append(m).append('\n');
        }
        sb.append("\n\nLegal Disclaimer:\n").append(DISCLAIMER).append('\n');
        for (String f : FOOTER) {
            sb.append('\n').append(f).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(bytes.length / 2 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }
}
