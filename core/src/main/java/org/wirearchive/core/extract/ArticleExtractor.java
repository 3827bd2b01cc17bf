package org.wirearchive.core.extract;

import org.wirearchive.core.article.Warning;
import org.wirearchive.core.article.DateSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.article.Published;
import org.wirearchive.core.article.RejectReason;
import org.wirearchive.core.format.InputDocument;
import org.wirearchive.core.normalize.TextNormalizer;

/**
 * Turns one input document into an article or a typed rejection. Decodes the bytes (declared or detected charset),
 * recognises the layout (MENAFN text, KUNA text, HTML) and delegates to the matching parser. Never throws for bad
 * content: empty input is {@link RejectReason#EMPTY}, binary data {@link RejectReason#BINARY}, a page without an
 * article body {@link RejectReason#NO_ARTICLE}. Stateless and thread-safe.
 */
public final class ArticleExtractor {

    /** Extracts the article of {@code document}; never throws for bad content. */
    public ParseOutcome extract(InputDocument document) {
        byte[] bytes = document.content();
        String source = document.source();
        if (bytes.length == 0) {
            return new ParseOutcome.Rejected(source, document.url(), RejectReason.EMPTY, "the file is empty (0 bytes)");
        }
        if (TextDecoder.looksBinary(bytes)) {
            return new ParseOutcome.Rejected(source, document.url(), RejectReason.BINARY,
                    "the file is binary data (NUL or control bytes), not text or HTML");
        }
        TextDecoder.Decoded decoded = TextDecoder.decode(bytes, document.charset());
        String text = decoded.text();
        if (TextNormalizer.cleansToEmpty(text)) {
            return new ParseOutcome.Rejected(source, document.url(), RejectReason.EMPTY,
                    "the file holds only whitespace (" + bytes.length + " bytes)");
        }
        List<String> warnings = new ArrayList<>(2);
        if (decoded.detected() && !decoded.charset().name().startsWith("UTF")) {
            warnings.add(Warning.CHARSET_DETECTED.with(decoded.charset().name().toLowerCase(Locale.ROOT)));
        }
        boolean html = document.kind() == InputDocument.ContentKind.HTML
                || (document.kind() == InputDocument.ContentKind.UNKNOWN && looksLikeHtml(text));
        if (html) {
            HtmlPage page = HtmlPage.parse(text, document.url());
            String url = document.url() != null ? document.url() : page.url();
            ParseOutcome outcome = TextArticleParser.parse(page.text(), new TextArticleParser.Context(source, url,
                    document.crawlDate(), page.title(), true, warnings));
            if (outcome instanceof ParseOutcome.Parsed p && p.article().published() == null) {
                Published meta = htmlPublished(page.publishedMeta());
                if (meta != null) {
                    return new ParseOutcome.Parsed(p.article().withPublished(meta));
                }
            }
            return outcome;
        }
        return TextArticleParser.parse(text, new TextArticleParser.Context(source, document.url(),
                document.crawlDate(), null, false, warnings));
    }

    /**
     * The markup's publication time ({@code 2023-03-06T17:36:54}, or with its offset {@code 2023-03-06T17:36:54+03:00},
     * kept as given; or a date), or null.
     */
    static Published htmlPublished(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                return Published.on(java.time.LocalDate.parse(v), HTML_META);
            }
            java.time.temporal.TemporalAccessor t = java.time.format.DateTimeFormatter.ISO_DATE_TIME.parse(v.replace(' ', 'T'));
            if (t.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)) { // keep the markup's offset
                return Published.at(java.time.OffsetDateTime.from(t), HTML_META);
            }
            return Published.at(java.time.LocalDateTime.from(t), HTML_META);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** {@code published_source} of a time taken from the HTML markup. */
    public static final DateSource HTML_META = DateSource.HTML_META;

    /** An HTML document: starts (after blanks) with a doctype or one of the usual top-level tags. */
    static boolean looksLikeHtml(String text) {
        int i = 0;
        int n = Math.min(text.length(), 2048);
        while (i < n && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
            i++;
        }
        if (i >= n || text.charAt(i) != '<') {
            return false;
        }
        String head = text.substring(i, Math.min(text.length(), i + 15)).toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head")
                || head.startsWith("<!--") || head.startsWith("<body") || head.startsWith("<meta")
                || head.startsWith("<title") || head.startsWith("<div") || head.startsWith("<article")
                || head.startsWith("<?xml");
    }
}
