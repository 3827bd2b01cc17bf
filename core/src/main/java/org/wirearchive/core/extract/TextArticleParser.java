package org.wirearchive.core.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wirearchive.core.article.Warning;
import org.wirearchive.core.article.Article;
import org.wirearchive.core.article.KunaId;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.article.RejectReason;
import org.wirearchive.core.kuna.KunaUrl;
import org.wirearchive.core.menafn.MenafnUrl;
import org.wirearchive.core.menafn.ProviderWrapper;
import org.wirearchive.core.menafn.Providers;
import org.wirearchive.core.normalize.GluedWords;
import org.wirearchive.core.normalize.Mojibake;
import org.wirearchive.core.normalize.TextNormalizer;

/**
 * Parses the text of one page (a text dump, or the text of a saved HTML page) into an article, in phases over the
 * cleaned lines: the page start ({@link PageStart}: crawl date, 403, widget), the anchor ({@link Anchor}: wrapper or
 * dateline, byline, captions), the header lines before it ({@link HeaderScan}: title candidates, date lines), the
 * body ({@link BodyScan}: up to the end marker or a stop line) and the trailer ({@link Trailer}: doc id, footer
 * time). One resolver per field then records where each value came from ({@link PublishedResolver},
 * {@link ProviderResolver}, {@link HeadlineResolver}).
 */
final class TextArticleParser {

    /** What the caller knows besides the text. */
    record Context(String source, String url, LocalDate crawlDate, String htmlTitle, boolean html,
                   List<String> warnings) {
    }

    private TextArticleParser() {
    }

    static ParseOutcome parse(String text, Context ctx) {
        List<String> warnings = new ArrayList<>(ctx.warnings());
        List<String> lines = cleanLines(text, warnings);
        PageStart start = PageStart.read(lines, ctx.crawlDate());
        Anchor anchor = Anchor.find(lines, start.first());
        String siteKey = Headlines.siteKey(ctx.url());
        int headerEnd = anchor.index() >= 0 ? anchor.index() : lines.size();
        HeaderScan header = HeaderScan.scan(lines, start.first(), headerEnd, anchor.index() >= 0, siteKey);
        if (header.teaser()) {
            warnings.add(Warning.TEASER_DROPPED.code());
        }
        int bodyLine = anchor.bodyLine();
        int bodyOffset = anchor.bodyOffset();
        if (anchor.index() < 0) {
            if (header.noAnchorBody() < 0) {
                // no paragraph found after a title: a page of furniture, or a title-only page
                return reject(ctx, "no article text was found: the page holds "
                        + (header.titles().isEmpty() ? "only page furniture" : "a title but no paragraph of text"));
            }
            bodyLine = header.noAnchorBody();
            bodyOffset = 0;
        }
        if (bodyLine < 0) {
            return reject(ctx, "the provider tag is followed by no article text");
        }
        BodyScan bodyScan = BodyScan.read(lines, bodyLine, bodyOffset, siteKey);
        if (!bodyScan.endSeen()) {
            warnings.add(Warning.NO_END_MARKER.code());
        }
        Trailer trailer = Trailer.read(lines, bodyScan.trailerStart());
        String body = normalizeBody(bodyScan.lines(), warnings);
        if (body.isBlank() || !hasLetters(body, 20)) {
            return reject(ctx, body.isBlank() ? "no article text was found after the header"
                    : "the article text is too short to be an article (" + body.length() + " characters)");
        }
        return new ParseOutcome.Parsed(article(ctx, start, anchor, header, bodyScan, trailer, body, warnings,
                crawlDateLine(text)));
    }

    /** The resolvers: every field from the phases' results, with where it came from. */
    private static Article article(Context ctx, PageStart start, Anchor anchor, HeaderScan header, BodyScan bodyScan,
                                   Trailer trailer, String body, List<String> warnings, boolean crawlLine) {
        String url = ctx.url();
        Long articleNo = trailer.docId() != null ? Long.valueOf(trailer.docId().articleNo()) : null;
        Optional<Long> urlNo = MenafnUrl.articleNo(url);
        if (urlNo.isPresent()) {
            if (articleNo != null && !articleNo.equals(urlNo.get())) {
                warnings.add(Warning.ARTICLE_NO_MISMATCH.with("url=" + urlNo.get()));
            }
            if (articleNo == null) {
                articleNo = urlNo.get();
            }
        }
        KunaId kunaId = KunaUrl.id(url).orElse(null);
        boolean kunaSite = KunaUrl.isKuna(url) || header.fontSizeControl() && anchor.wrapper() == null
                && trailer.docId() == null && anchor.dateline() != null
                && Providers.byTag(anchor.dateline().agency()).map(Providers.Known::key)
                        .filter(KunaUrl.PROVIDER_KEY::equals).isPresent();
        ProviderResolver.Resolved provider = ProviderResolver.resolve(anchor.wrapper(), trailer.docId(),
                anchor.dateline(), bodyScan.sourceLine(), kunaSite, warnings);
        HeadlineResolver.Resolved headline = HeadlineResolver.resolve(ctx.htmlTitle(), header.titles(), url, warnings);
        PublishedResolver.Resolved published = PublishedResolver.resolve(header.dates(), trailer.docId(),
                headline.headline(), anchor.dateline(), trailer.footerTime(), start.crawlDate(), warnings);
        String language = Language.detect(body, KunaUrl.languageHint(url));
        if (GluedWords.count(body) > 0) {
            warnings.add(Warning.GLUED_WORDS_SUSPECTED.code()); // AMP page with its breaks removed: flagged, never split
        }
        String byline = anchor.byline() != null ? anchor.byline() : header.byline();
        String format = format(ctx, kunaSite, anchor.wrapper() != null || trailer.docId() != null
                || MenafnUrl.isMenafn(url), crawlLine);
        return new Article(ctx.source(), url, format, trailer.docId(), articleNo, kunaId, provider.provider(),
                provider.key(), headline.headline(), headline.label(), published.value(), start.crawlDate(),
                anchor.dateline() == null ? null : anchor.dateline().city(), byline, bodyScan.initials(), language,
                body, TextNormalizer.sha256Hex(body), warnings);
    }

    private static String format(Context ctx, boolean kunaSite, boolean menafn, boolean crawlLine) {
        String site = kunaSite ? "kuna" : menafn ? "menafn" : null;
        if (ctx.html()) {
            return site == null ? "html" : "html-" + site;
        }
        if ("kuna".equals(site)) {
            return KunaUrl.isPrintPage(ctx.url()) ? "kuna-print" : "kuna-text";
        }
        return "menafn".equals(site) || crawlLine ? "menafn-text" : "text";
    }

    /** Words of a line that starts the article text: the header, where menus sit, is over. */
    private static final int TEXT_LINE_WORDS = 12;

    /**
     * Line ends unified, NFC, cleaned; lines of Windows-1256 Arabic read as Latin-1 re-decoded. In the header (up to
     * the wrapper or the first line of {@value #TEXT_LINE_WORDS} words or more) a menu row padded with blanks, whose
     * padding folding would erase, is written with {@code |} between its items ({@link PageLines#menuItems}).
     */
    static List<String> cleanLines(String text, List<String> warnings) {
        String[] raw = TextNormalizer.unifyLineEnds(text).split("\n", -1);
        List<String> lines = new ArrayList<>(raw.length);
        boolean arabicRepaired = false;
        boolean header = true;
        for (String r : raw) {
            String l = TextNormalizer.cleanLine(TextNormalizer.nfc(r));
            List<String> menu = header ? PageLines.menuItems(r) : null;
            if (menu != null) {
                l = String.join(" | ", menu);
            } else if (header && (words(l) >= TEXT_LINE_WORDS || ProviderWrapper.find(l).isPresent())) {
                header = false;
            }
            if (hasLatin1High(l)) {
                String fixed = Mojibake.repairArabicAsLatin1(l);
                if (!fixed.equals(l)) {
                    arabicRepaired = true;
                    l = TextNormalizer.cleanLine(fixed);
                }
            }
            lines.add(l);
        }
        if (arabicRepaired) {
            warnings.add(Warning.MOJIBAKE_REPAIRED.with("arabic-as-latin1"));
        }
        return lines;
    }

    /** {@code l.split(" ").length}: the pieces between single spaces, trailing empty ones not counted. */
    private static int words(String l) {
        int end = l.length();
        while (end > 0 && l.charAt(end - 1) == ' ') {
            end--;
        }
        if (end == 0) {
            return l.isEmpty() ? 1 : 0; // "" splits into [""], a line of spaces into []
        }
        int n = 1;
        for (int i = 0; i < end; i++) {
            if (l.charAt(i) == ' ') {
                n++;
            }
        }
        return n;
    }

    /** Blank ends trimmed, curly-quote mojibake repaired, hard wraps joined, paragraphs one per line. */
    private static String normalizeBody(List<String> bodyLines, List<String> warnings) {
        List<String> cleanedBody = trimBlankEnds(bodyLines);
        String joined = String.join("\n", cleanedBody);
        String repaired = Mojibake.repairCurlyQuotes(joined);
        if (!repaired.equals(joined)) {
            warnings.add(Warning.MOJIBAKE_REPAIRED.with("curly-quotes"));
        }
        List<String> paragraphs = TextNormalizer.unwrap(List.of(repaired.split("\n", -1)));
        long nonBlank = cleanedBody.stream().filter(s -> !s.isEmpty()).count();
        if (paragraphs.size() < nonBlank) {
            warnings.add(Warning.HARD_WRAP_JOINED.code());
        }
        return String.join("\n", paragraphs);
    }

    private static boolean crawlDateLine(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return text.startsWith("date ", i) && text.length() >= i + 15
                && PageStart.isoDate(text.substring(i + 5, i + 15)) != null;
    }

    private static List<String> trimBlankEnds(List<String> l) {
        int a = 0;
        int b = l.size();
        while (a < b && l.get(a).isEmpty()) {
            a++;
        }
        while (b > a && l.get(b - 1).isEmpty()) {
            b--;
        }
        return l.subList(a, b);
    }

    /** True when {@code s} holds at least {@code min} letters (counted until there are enough). */
    private static boolean hasLetters(String s, int min) {
        int c = 0;
        for (int i = 0; i < s.length() && c < min; i++) {
            char ch = s.charAt(i);
            if (ch < 0x80 ? (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z' : Character.isLetter(ch)) {
                c++;
            }
        }
        return c >= min;
    }

    private static boolean hasLatin1High(String l) {
        int count = 0;
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (c >= '\u00C0' && c <= '\u00FF' && ++count >= 3) {
                return true;
            }
        }
        return false;
    }

    private static ParseOutcome reject(Context ctx, String message) {
        return new ParseOutcome.Rejected(ctx.source(), ctx.url(), RejectReason.NO_ARTICLE, message);
    }
}
