package org.wirearchive.core.extract;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;
import org.wirearchive.core.menafn.Providers;

/**
 * A saved HTML page reduced to what the text parser needs: the title ({@code <h1>}, else {@code <title>} with the
 * site suffix cut), the URL ({@code <link rel=canonical>}, else {@code og:url}) and the text of the article element
 * (or the body), one line per block element, and the publication time the markup states (meta
 * {@code article:published_time}, {@code itemprop=datePublished}, {@code name=date}, or {@code <time datetime>}).
 */
record HtmlPage(String title, String url, String text, String publishedMeta) {

    /*
     * The CSS selectors, parsed once: jsoup parses a String selector on every select call. Evaluators are thread-safe
     * (jsoup's Evaluator documentation).
     */
    private static final Evaluator CANONICAL = QueryParser.parse("link[rel=canonical][href]");
    private static final Evaluator OG_URL = QueryParser.parse("meta[property=og:url][content]");
    private static final Evaluator H1 = QueryParser.parse("h1");
    private static final Evaluator NOT_TEXT = QueryParser.parse(
            "script, style, noscript, nav, header, footer, aside, form, iframe, svg, button, select");

    /** Where pages state their publication time in markup (first match wins), with the attribute holding it. */
    private record Meta(Evaluator element, String attribute) {
        Meta(String selector, String attribute) {
            this(QueryParser.parse(selector), attribute);
        }
    }

    private static final List<Meta> PUBLISHED_META = List.of(
        new Meta("meta[property=article:published_time][content]", "content"),
        new Meta("meta[itemprop=datePublished][content]", "content"),
        new Meta("meta[name=date][content]", "content"),
        new Meta("time[datetime]", "datetime"));

    private static final List<Evaluator> ARTICLE_SELECTORS = Stream.of("[itemprop=articleBody]", "article",
        ".article-body", ".articleBody", "#articleBody", ".article-content", ".story-body", ".entry-content", "#article",
        ".article", "main").map(QueryParser::parse).toList();

    /** What jsoup's URL resolution accepts as a scheme (it keeps such a link as written when Java has no handler). */
    private static final Pattern URI_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+-.]*:");
    private static final Pattern CONTROL_CHARS = Pattern.compile("[\\x00-\\x1f]*");

    /**
     * The element's {@code href} made absolute, as jsoup's {@code absUrl("href")} gives it. Without a base URI (files
     * read from disk without a {@code <base href>}, most pages) jsoup first fails to parse the empty base and then parses the link alone, each
     * failure a {@link MalformedURLException} with its stack trace, twice a page; here the link alone is parsed
     * directly, with jsoup's rules: control characters removed, a parsed URL in its external form, else the link as
     * written when it starts with a scheme, else empty.
     */
    static String absoluteHref(Element e) {
        if (!e.baseUri().isEmpty()) { // the reader's URL, or a <base href> in the page
            return e.absUrl("href");
        }
        if (!e.hasAttr("href")) {
            return "";
        }
        String link = CONTROL_CHARS.matcher(e.attr("href")).replaceAll("");
        if (link.indexOf(':') < 0) {
            return ""; // no scheme: neither java.net.URL nor jsoup's fallback takes it without a base
        }
        try {
            return new URL(link).toExternalForm();
        } catch (MalformedURLException notJava) {
            return URI_SCHEME.matcher(link).find() ? link : "";
        }
    }

    static HtmlPage parse(String html, String baseUrl) {
        Document doc = Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
        String url = null;
        Element canonical = doc.selectFirst(CANONICAL);
        if (canonical != null && !canonical.attr("href").isBlank()) {
            String abs = absoluteHref(canonical);
            url = abs.isBlank() ? canonical.attr("href") : abs;
        } else {
            Element og = doc.selectFirst(OG_URL);
            if (og != null && !og.attr("content").isBlank()) {
                url = og.attr("content").strip();
            }
        }
        String title = null;
        Element h1 = doc.selectFirst(H1);
        if (h1 != null && !h1.text().isBlank()) {
            title = h1.text();
        } else if (!doc.title().isBlank()) {
            title = cutSiteSuffix(doc.title());
        }
        String published = null;
        for (Meta m : PUBLISHED_META) {
            Element e = doc.selectFirst(m.element());
            if (e != null && !e.attr(m.attribute()).isBlank()) {
                published = e.attr(m.attribute()).strip();
                break;
            }
        }
        doc.select(NOT_TEXT).remove();
        Element root = null;
        for (Evaluator sel : ARTICLE_SELECTORS) {
            Element e = doc.selectFirst(sel);
            if (e != null && e.text().length() > 80) {
                root = e;
                break;
            }
        }
        if (root == null) {
            root = doc.body();
        }
        if (root != null) {
            root.select(H1).remove();
        }
        String text = root == null ? "" : blockText(root);
        String dateBlock = root == null || root == doc.body() ? null : dateBlockBefore(doc, root);
        if (dateBlock != null) {
            text = dateBlock + "\n" + text; // the header's printed time, read as a header date line
        }
        return new HtmlPage(title, url, text, published);
    }

    /**
     * The nearest element before the article element (in document order, outside it) whose whole text is a numeric
     * date or date-time ({@code <div class="date">2023-03-06 17:36:54</div>}), or null: the time the page prints
     * above the article, which the article element's text does not hold.
     */
    static String dateBlockBefore(Document doc, Element root) {
        String found = null;
        for (Element e : doc.getAllElements()) {
            if (e == root) {
                break;
            }
            if (e.childrenSize() == 0 && DateText.numericTimestamp(e.text()) != null) {
                found = e.text().strip();
            }
        }
        return found;
    }

    /** {@code Headline | Site | Network} → {@code Headline}; also {@code " - Site"} when the suffix is short. */
    static String cutSiteSuffix(String title) {
        String t = title.strip();
        int bar = t.indexOf(" | ");
        if (bar > 0) {
            t = t.substring(0, bar);
        }
        int dash = t.lastIndexOf(" - ");
        if (dash > 0 && t.length() - dash <= 30) {
            String suffix = t.substring(dash + 3).toLowerCase(Locale.ROOT);
            for (String word : Providers.titleSuffixWords()) {
                if (suffix.contains(word)) {
                    t = t.substring(0, dash);
                    break;
                }
            }
        }
        return t.strip();
    }

    private static String blockText(Element root) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    sb.append(t.getWholeText().replace('\n', ' ').replace('\r', ' '));
                } else if (node instanceof Element e && (e.isBlock() || e.normalName().equals("br"))) {
                    sb.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock()) {
                    sb.append('\n');
                }
            }
        }, root);
        return sb.toString();
    }
}
