package org.wirearchive.core.extract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.wirearchive.core.article.Article;
import org.wirearchive.core.article.KunaId;
import org.wirearchive.core.article.MenafnDocId;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.article.Published;
import org.wirearchive.core.article.RejectReason;
import org.wirearchive.core.kuna.KunaUrl;
import org.wirearchive.core.menafn.MenafnUrl;
import org.wirearchive.core.menafn.ProviderWrapper;
import org.wirearchive.core.menafn.Providers;
import org.wirearchive.core.normalize.GluedWords;
import org.wirearchive.core.normalize.Mojibake;
import org.wirearchive.core.normalize.TextNormalizer;

/**
 * Parses the text of one page (a text dump, or the text of a saved HTML page) into an article. Works on cleaned lines
 * in one forward pass: header (crawl date, widget, menus, title, timestamp), the article anchor (provider wrapper or
 * dateline), the body up to the end marker, and the trailer (initials, doc id, disclaimer).
 */
final class TextArticleParser {

    private static final java.util.Set<String> WEEKDAYS = java.util.Set.of("monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday", "sunday", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
            "dimanche", "mon", "tue", "wed", "thu", "fri", "sat", "sun");

    /** What the caller knows besides the text. */
    record Context(String source, String url, LocalDate crawlDate, String htmlTitle, boolean html,
                   List<String> warnings) {
    }

    private TextArticleParser() {
    }

    static ParseOutcome parse(String text, Context ctx) {
        List<String> warnings = new ArrayList<>(ctx.warnings());
        String[] raw = TextNormalizer.unifyLineEnds(text).split("\n", -1);
        List<String> lines = new ArrayList<>(raw.length);
        boolean arabicRepaired = false;
        for (String r : raw) {
            String l = TextNormalizer.cleanLine(TextNormalizer.nfc(r));
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
            warnings.add("mojibake-repaired:arabic-as-latin1");
        }
        int n = lines.size();

        // ---- crawl date line, 403 and widget on the first non-blank line
        LocalDate crawlDate = null;
        int first = 0;
        while (first < n && lines.get(first).isEmpty()) {
            first++;
        }
        if (first < n) {
            String l = lines.get(first);
            if (l.startsWith("date ") && l.length() >= 15) {
                LocalDate d = isoDate(l.substring(5, 15));
                if (d != null) {
                    crawlDate = d;
                    lines.set(first, l.substring(15).strip());
                }
            }
        }
        if (crawlDate == null) {
            crawlDate = ctx.crawlDate();
        }
        for (int i = first; i < Math.min(n, first + 40); i++) {
            lines.set(i, stripHeaderNoise(lines.get(i)));
        }

        // ---- find the anchor: the wrapper, or a dateline, before any end marker / trailer
        int anchor = -1;
        ProviderWrapper wrapper = null;
        Dateline dateline = null;
        int bodyLine = -1;
        int bodyOffset = 0;
        for (int i = 0; i < n; i++) {
            String l = lines.get(i);
            if (l.isEmpty()) {
                continue;
            }
            Optional<ProviderWrapper> w = ProviderWrapper.find(l);
            if (w.isPresent()) {
                anchor = i;
                wrapper = w.get();
                break;
            }
            if (PageLines.endMarker(l) != null || PageLines.isStopLine(l) && i > first) {
                break;
            }
            if (i - first < 80 && !PageLines.isFurniture(l)) {
                Dateline d = Dateline.find(l);
                if (d != null && (d.agency() != null || i > first || n - i > 1)) {
                    anchor = i;
                    dateline = d;
                    bodyLine = i;
                    bodyOffset = d.bodyStart();
                    break;
                }
            }
        }

        String byline = null;
        if (wrapper != null) {
            String rest = lines.get(anchor).substring(wrapper.end()).strip();
            rest = stripRepeatedSource(rest, wrapper.provider());
            int restOffset = lines.get(anchor).length() - rest.length();
            if (!rest.isEmpty()) {
                bodyLine = anchor;
                bodyOffset = restOffset;
                lines.set(anchor, lines.get(anchor).substring(0, restOffset) + rest);
            } else {
                bodyLine = nextNonBlank(lines, anchor + 1);
                bodyOffset = 0;
            }
            // a byline line before the dateline
            if (bodyLine >= 0 && bodyOffset == 0) {
                String b = PageLines.bylineLine(lines.get(bodyLine));
                if (b != null && Dateline.find(lines.get(bodyLine)) == null) {
                    byline = b;
                    bodyLine = nextNonBlank(lines, bodyLine + 1);
                }
            }
            if (bodyLine >= 0) {
                String l = lines.get(bodyLine).substring(bodyOffset);
                Dateline d = Dateline.find(l);
                if (d != null) {
                    dateline = d;
                    bodyOffset += d.bodyStart();
                }
            }
        }
        if (dateline != null && dateline.byline() != null) {
            byline = dateline.byline();
        }

        // ---- header lines: everything before the anchor
        String siteKey = Headlines.siteKey(ctx.url());
        List<String> titles = new ArrayList<>();
        Published published = null;
        boolean kunaLayout = false;
        boolean teaser = false;
        int headerEnd = anchor >= 0 ? anchor : n;
        int noAnchorBody = -1;
        for (int i = first; i < headerEnd; i++) {
            String l = lines.get(i);
            if (l.isEmpty()) {
                continue;
            }
            String lower = l.toLowerCase(Locale.ROOT);
            if (lower.startsWith("a+ a-") || lower.equals("a+a-")) {
                kunaLayout = true;
                continue;
            }
            if (anchor < 0 && PageLines.isTrailerStart(l)) {
                break; // the disclaimer or the doc id before any article text: what follows is page trailer
            }
            if (PageLines.isFurniture(l) || PageLines.isStopLine(l) || Headlines.isSiteName(l, siteKey)) {
                continue; // a masthead (the paper's or the mirror's name) is never the title
            }
            LocalDateTime ts = DateText.numericTimestamp(l);
            if (ts != null) {
                if (published == null) {
                    published = DateText.hasTime(l) ? Published.at(ts, Published.TIMESTAMP)
                            : Published.on(ts.toLocalDate(), Published.TIMESTAMP);
                }
                continue;
            }
            String b = PageLines.bylineLine(l);
            if (b != null) {
                if (byline == null) {
                    byline = b;
                }
                DateText.Found f = DateText.writtenDate(l);
                if (f != null && published == null) {
                    published = new Published(f.date(), f.time(), Published.TIMESTAMP);
                }
                continue;
            }
            if (isDateOnlyLine(l)) {
                DateText.Found f = DateText.writtenDate(l);
                if (published == null) {
                    published = new Published(f.date(), f.time(), Published.TIMESTAMP);
                }
                continue;
            }
            if (anchor < 0 && looksLikeParagraph(l, titles.isEmpty())) {
                if (isCaptionBeforeTitle(lines, i)) {
                    continue; // a photo caption written as a sentence, then the title, then the text (mirrors)
                }
                noAnchorBody = i;
                break;
            }
            if (anchor >= 0 && looksLikeTeaser(l)) {
                teaser = true;
                continue;
            }
            titles.add(l);
        }
        if (teaser) {
            warnings.add("teaser-dropped");
        }
        if (anchor < 0) {
            if (noAnchorBody < 0) {
                // no paragraph found after a title: a page of furniture, or a title-only page
                return reject(ctx, "no article text was found: the page holds "
                        + (titles.isEmpty() ? "only page furniture" : "a title but no paragraph of text"));
            }
            bodyLine = noAnchorBody;
            bodyOffset = 0;
        }
        if (bodyLine < 0) {
            return reject(ctx, "the provider tag is followed by no article text");
        }

        // ---- body: up to the end marker or a trailer line (a mirror's own name ends it too)
        List<String> bodyLines = new ArrayList<>();
        String initials = null;
        boolean endSeen = false;
        String sourceLine = null;
        int i = bodyLine;
        String firstPart = lines.get(bodyLine).substring(Math.min(bodyOffset, lines.get(bodyLine).length()));
        int trailerStart = n;
        for (; i < n; i++) {
            String l = i == bodyLine ? firstPart : lines.get(i);
            if (i == bodyLine + 1 && bodyLines.size() == 1 && bodyLines.get(0).isEmpty()
                    && (l.equals("--") || l.equals("-"))) {
                continue; // lone "--" line after a dateline with no dash
            }
            PageLines.EndMarker em = PageLines.endMarker(l);
            if (em != null) {
                String before = l.substring(0, em.start()).strip();
                bodyLines.add(before);
                String after = l.substring(em.end()).strip();
                initials = PageLines.initials(after);
                endSeen = true;
                trailerStart = i + 1;
                if (initials == null && after.replace(".", "").isBlank()) {
                    int j = nextNonBlank(lines, i + 1);
                    if (j >= 0 && j - i <= 4) {
                        String cand = PageLines.initials(lines.get(j));
                        if (cand != null && cand.length() == lines.get(j).length()) {
                            initials = cand;
                            trailerStart = j + 1;
                        }
                    }
                }
                break;
            }
            if ((i > bodyLine || bodyOffset == 0) && (PageLines.isStopLine(l) || l.length() <= 32 && DateText.numericTimestamp(l) != null
                    || i > bodyLine && Headlines.isSiteName(l, siteKey))) {
                trailerStart = i;
                if (l.regionMatches(true, 0, "Source:", 0, 7) && l.length() < 80) {
                    sourceLine = l.substring(7).strip();
                }
                if (l.startsWith("//Petra//") || l.startsWith("//petra//")) {
                    String rest = l.substring(9).strip();
                    if (!rest.isEmpty() && rest.length() <= 5 && rest.chars().allMatch(Character::isLetter)) {
                        initials = rest;
                    }
                }
                break;
            }
            String ended = stripAgencyTail(l);
            if (ended != null) {
                sourceLine = "KUNA";
                bodyLines.add(ended);
                trailerStart = i + 1;
                endSeen = true;
                break;
            }
            bodyLines.add(l);
        }
        if (!endSeen) {
            warnings.add("no-end-marker");
        }

        // ---- trailer: doc id and footer timestamps
        MenafnDocId docId = null;
        Published footerTime = null;
        for (int k = Math.min(trailerStart, n); k < n; k++) {
            String l = lines.get(k);
            if (l.isEmpty()) {
                continue;
            }
            if (docId == null && PageLines.isDocIdLine(l)) {
                int sp = l.indexOf(' ');
                docId = MenafnDocId.tryParse(sp < 0 ? l : l.substring(0, sp)).orElse(null);
                continue;
            }
            if (footerTime == null && l.length() <= 32) {
                LocalDateTime ts = DateText.numericTimestamp(l);
                if (ts != null) {
                    footerTime = DateText.hasTime(l) ? Published.at(ts, Published.TIMESTAMP)
                            : Published.on(ts.toLocalDate(), Published.TIMESTAMP);
                }
            }
        }

        // ---- body normalization
        List<String> cleanedBody = trimBlankEnds(bodyLines);
        String joined = String.join("\n", cleanedBody);
        String repaired = Mojibake.repairCurlyQuotes(joined);
        if (!repaired.equals(joined)) {
            warnings.add("mojibake-repaired:curly-quotes");
        }
        List<String> paragraphs = TextNormalizer.unwrap(List.of(repaired.split("\n", -1)));
        long nonBlank = cleanedBody.stream().filter(s -> !s.isEmpty()).count();
        if (paragraphs.size() < nonBlank) {
            warnings.add("hard-wrap-joined");
        }
        String body = String.join("\n", paragraphs);
        if (body.isBlank() || letters(body) < 20) {
            return reject(ctx, body.isBlank() ? "no article text was found after the header"
                    : "the article text is too short to be an article (" + body.length() + " characters)");
        }

        // ---- ids from the URL
        String url = ctx.url();
        Long articleNo = docId != null ? Long.valueOf(docId.articleNo()) : null;
        Optional<Long> urlNo = MenafnUrl.articleNo(url);
        if (urlNo.isPresent()) {
            if (articleNo != null && !articleNo.equals(urlNo.get())) {
                warnings.add("article-no-mismatch:url=" + urlNo.get());
            }
            if (articleNo == null) {
                articleNo = urlNo.get();
            }
        }
        KunaId kunaId = KunaUrl.id(url).orElse(null);

        // ---- provider
        String provider = null;
        String providerKey = null;
        if (wrapper != null) {
            provider = wrapper.provider();
            providerKey = wrapper.editorial() ? Providers.MENAFN : Providers.key(provider);
        } else if (docId != null && Providers.byCode(docId.providerCode()).isPresent()) {
            Providers.Known k = Providers.byCode(docId.providerCode()).get();
            provider = k.name();
            providerKey = k.key();
            warnings.add("provider-from-doc-id");
        } else if (dateline != null && dateline.agency() != null && agencyProvider(dateline.agency()) != null) {
            Providers.Known k = agencyProvider(dateline.agency());
            provider = k.name();
            providerKey = k.key();
            warnings.add("provider-from-dateline");
        } else if (sourceLine != null && !sourceLine.isEmpty()) {
            provider = sourceLine;
            providerKey = Providers.key(sourceLine);
            warnings.add("provider-from-source-line");
        } else if (KunaUrl.isKuna(url) || kunaLayout) {
            provider = "Kuwait News Agency (KUNA)";
            providerKey = "kuna";
            warnings.add("provider-from-site");
        }

        // ---- headline
        String headline = null;
        String headlineSource = null;
        if (ctx.htmlTitle() != null && !ctx.htmlTitle().isBlank()) {
            headline = TextNormalizer.normalizeHeadline(ctx.htmlTitle());
            headlineSource = "html";
        } else {
            String t = Headlines.pick(titles, ctx.url());
            if (t != null) {
                headline = TextNormalizer.normalizeHeadline(Mojibake.repairCurlyQuotes(t));
                headlineSource = "title-line";
            }
        }
        if (headline == null) {
            Optional<String> slug = MenafnUrl.isMenafn(url) ? MenafnUrl.slugHeadline(url) : Optional.empty();
            if (slug.isPresent()) {
                headline = slug.get();
                headlineSource = "url-slug";
                warnings.add("headline-from-url");
            }
        }

        // ---- published: timestamp line, doc id, briefing title, dateline + crawl year, footer timestamp
        if (published == null && docId != null && docId.date().isPresent()) {
            published = Published.on(docId.date().get(), Published.DOC_ID);
        }
        if (published == null && headline != null && headline.toLowerCase(Locale.ROOT).contains("main news for")) {
            DateText.Found f = DateText.writtenDate(headline);
            if (f != null) {
                published = Published.on(f.date(), "TITLE");
            }
        }
        if (published == null && dateline != null && dateline.month() > 0) {
            published = fromDateline(dateline, crawlDate, warnings);
        }
        if (published == null && footerTime != null) {
            published = footerTime;
        }

        // ---- language
        String language = Language.detect(body, KunaUrl.languageHint(url));
        if (GluedWords.count(body) > 0) {
            warnings.add("glued-words-suspected"); // AMP page with its breaks removed: flagged, never split
        }

        String format;
        String site = KunaUrl.isKuna(url) || kunaLayout ? "kuna"
                : wrapper != null || docId != null || MenafnUrl.isMenafn(url) ? "menafn" : null;
        if (ctx.html()) {
            format = site == null ? "html" : "html-" + site;
        } else if ("kuna".equals(site)) {
            format = KunaUrl.isPrintPage(url) ? "kuna-print" : "kuna-text";
        } else if ("menafn".equals(site) || crawlDateLine(raw)) {
            format = "menafn-text";
        } else {
            format = "text";
        }

        Article article = new Article(ctx.source(), url, format, docId, articleNo, kunaId, provider, providerKey,
                headline, headlineSource, published, crawlDate,
                dateline == null ? null : dateline.city(), byline, initials, language, body,
                TextNormalizer.sha256Hex(body), warnings);
        return new ParseOutcome.Parsed(article);
    }

    private static boolean crawlDateLine(String[] raw) {
        for (String r : raw) {
            String s = r.strip();
            if (!s.isEmpty()) {
                return s.startsWith("date ") && isoDate(s.length() >= 15 ? s.substring(5, 15) : "") != null;
            }
        }
        return false;
    }

    private static Providers.Known agencyProvider(String agency) {
        switch (agency.toLowerCase(Locale.ROOT)) {
            case "kuna", "كونا":
                return new Providers.Known("Kuwait News Agency (KUNA)", "kuna");
            case "petra", "بترا":
                return new Providers.Known("Jordan News Agency", "jna");
            case "spa", "واس":
                return new Providers.Known("Saudi Press Agency", "spa");
            case "qna", "قنا":
                return new Providers.Known("Qatar News Agency", "qna");
            default:
                return null;
        }
    }

    /**
     * Dateline month/day with the year of the crawl date; a date more than two days after the crawl date takes the
     * year before (year boundaries). A year printed in the dateline is used as is.
     */
    private static Published fromDateline(Dateline d, LocalDate crawlDate, List<String> warnings) {
        try {
            if (d.year() >= 1990 && d.year() <= 2100) {
                return Published.on(LocalDate.of(d.year(), d.month(), d.day()), "DATELINE");
            }
            if (crawlDate == null) {
                return null;
            }
            LocalDate date = LocalDate.of(crawlDate.getYear(), d.month(), Math.min(d.day(), 28))
                    .withDayOfMonth(d.day());
            if (date.isAfter(crawlDate.plusDays(2))) {
                date = LocalDate.of(crawlDate.getYear() - 1, d.month(), 1).withDayOfMonth(d.day());
                warnings.add("dateline-year-before-crawl");
            }
            return Published.on(date, Published.DATELINE_CRAWL_YEAR);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** Drops {@code 403}, the stale widget and the weekday-date-GMT widget from a header line. */
    static String stripHeaderNoise(String l) {
        if (l.isEmpty()) {
            return l;
        }
        String s = l;
        if (s.startsWith("403") && (s.length() == 3 || s.charAt(3) == ' ')) {
            s = s.substring(3).strip();
        }
        int w = s.indexOf(DateText.WIDGET);
        if (w >= 0) {
            int end = w + DateText.WIDGET.length();
            String tail = s.substring(end);
            // optional " 12:17 GMT"
            int gmt = tail.indexOf("GMT");
            if (gmt >= 0 && gmt <= 8) {
                end += gmt + 3;
            }
            s = (s.substring(0, w) + " " + s.substring(end)).strip();
        }
        if (s.startsWith("403") && (s.length() == 3 || s.charAt(3) == ' ')) {
            s = s.substring(3).strip();
        }
        return s.length() == l.length() ? l : TextNormalizer.cleanLine(s);
    }

    /** Drops a source name repeated right after the wrapper: {@code (MENAFN- The Peninsula) The Peninsula}. */
    private static String stripRepeatedSource(String rest, String provider) {
        if (provider.length() > 2 && rest.regionMatches(true, 0, provider, 0, provider.length())
                && (rest.length() == provider.length() || rest.charAt(provider.length()) == ' ')) {
            return rest.substring(provider.length()).strip();
        }
        // an agency abbreviation alone or before a dateline: "QNA Doha: ..."
        int sp = rest.indexOf(' ');
        String word = sp < 0 ? rest : rest.substring(0, sp);
        if (word.length() >= 2 && word.length() <= 5 && word.chars().allMatch(c -> c >= 'A' && c <= 'Z')
                && Dateline.isAgency(word) && sp > 0 && Dateline.find(rest.substring(sp + 1)) != null
                && Dateline.find(rest) == null) {
            return rest.substring(sp + 1).strip();
        }
        if (sp < 0 && Dateline.isAgency(word)) {
            return "";
        }
        return rest;
    }

    /** A paragraph ending with {@code – KUNA} (mirrors): the paragraph without it, or null. */
    private static String stripAgencyTail(String l) {
        String[] tails = {" \u2013 KUNA", " - KUNA", " -- KUNA", " \u2014 KUNA"};
        for (String t : tails) {
            if (l.endsWith(t)) {
                return l.substring(0, l.length() - t.length()).strip();
            }
        }
        return null;
    }

    private static boolean isDateOnlyLine(String l) {
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

    private static boolean looksLikeParagraph(String l, boolean noTitleYet) {
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
     * Line {@code i} is a caption written as a sentence (under 30 words) followed by a title-like line (no sentence
     * end, at most 16 words) and then a paragraph: on a page without dateline, the caption is not the text's start.
     */
    private static boolean isCaptionBeforeTitle(List<String> lines, int i) {
        String l = lines.get(i);
        if (!Headlines.isSentenceCaption(l) || l.split(" ").length >= 30) {
            return false;
        }
        int t = nextNonBlank(lines, i + 1);
        if (t < 0) {
            return false;
        }
        String title = lines.get(t);
        if (endsSentence(title) || title.split(" ").length > 16 || PageLines.isFurniture(title)
                || PageLines.isStopLine(title)) {
            return false;
        }
        int p = nextNonBlank(lines, t + 1);
        return p >= 0 && looksLikeParagraph(lines.get(p), true);
    }

    private static boolean looksLikeTeaser(String l) {
        return l.split(" ").length >= 25 && endsSentence(l);
    }

    private static boolean endsSentence(String l) {
        char c = l.charAt(l.length() - 1);
        return c == '.' || c == '"' || c == '\u201D' || c == '!' || c == '?';
    }

    private static int nextNonBlank(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).isEmpty()) {
                return i;
            }
        }
        return -1;
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

    private static int letters(String s) {
        int c = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                c++;
            }
        }
        return c;
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

    private static ParseOutcome reject(Context ctx, String message) {
        return new ParseOutcome.Rejected(ctx.source(), ctx.url(), RejectReason.NO_ARTICLE, message);
    }
}
