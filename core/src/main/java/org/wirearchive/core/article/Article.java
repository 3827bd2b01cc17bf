package org.wirearchive.core.article;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One extracted, normalized article, immutable. Field names follow the {@code parse} JSON (snake_case there).
 *
 * @param source         where it came from: a file path, or {@code container#entry} for an input inside a container
 * @param url            the page URL when known (HTML canonical link, WARC target URI), else null
 * @param format         which layout was recognised (e.g. {@code menafn-text}, {@code kuna-text}, {@code html})
 * @param menafnDocId    the {@code MENAFN...ID...} document id, or null
 * @param menafnArticleNo the MENAFN article number (from the doc id or the URL), or null
 * @param kunaId         the KUNA article id (from the URL), or null
 * @param provider       the provider exactly as printed in the wrapper (or derived), or null
 * @param providerKey    canonical provider key (e.g. {@code kuna}), or null
 * @param headline       the headline, or null
 * @param headlineSource where the headline came from ({@code title-line}, {@code html}, {@code url-slug})
 * @param published      publication time and its source, or null
 * @param crawlDate      the crawl date (leading {@code date} line, WARC-Date), or null
 * @param datelineCity   the dateline's city as printed, or null
 * @param byline         the byline, or null
 * @param editorInitials editor initials after the end marker, or null
 * @param language       ISO 639-1 code ({@code en}, {@code ar}, {@code fr})
 * @param body           the normalized article text only (paragraphs separated by {@code \n})
 * @param bodySha256     lower-case hex SHA-256 of the UTF-8 normalized body
 * @param warnings       what the parser repaired or guessed, as printed ({@link Warning}; empty when clean)
 */
public record Article(
        String source,
        String url,
        String format,
        MenafnDocId menafnDocId,
        Long menafnArticleNo,
        KunaId kunaId,
        String provider,
        String providerKey,
        String headline,
        String headlineSource,
        Published published,
        LocalDate crawlDate,
        String datelineCity,
        String byline,
        String editorInitials,
        String language,
        String body,
        String bodySha256,
        List<String> warnings) {

    public Article {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(bodySha256, "bodySha256");
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        if (menafnArticleNo == null && menafnDocId != null) {
            menafnArticleNo = menafnDocId.articleNo();
        }
    }

    /** The 12-digit provider fingerprint of the doc id, or null. */
    public String menafnProviderCode() {
        return menafnDocId == null ? null : menafnDocId.providerCode();
    }

    /** The publication date, or null. */
    public LocalDate publishedDate() {
        return published == null ? null : published.date();
    }

    /** A copy with another publication time. */
    public Article withPublished(Published newPublished) {
        return new Article(source, url, format, menafnDocId, menafnArticleNo, kunaId, provider, providerKey,
                headline, headlineSource, newPublished, crawlDate, datelineCity, byline, editorInitials, language, body,
                bodySha256, warnings);
    }

    /** A copy with another source name (e.g. when a container names its entries). */
    public Article withSource(String newSource) {
        return new Article(newSource, url, format, menafnDocId, menafnArticleNo, kunaId, provider, providerKey,
                headline, headlineSource, published, crawlDate, datelineCity, byline, editorInitials, language, body,
                bodySha256, warnings);
    }
}
