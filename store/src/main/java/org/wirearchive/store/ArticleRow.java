package org.wirearchive.store;

import static org.wirearchive.store.TableBinding.column;

import java.time.LocalDate;
import org.wirearchive.core.article.Article;
import org.wirearchive.store.TableBinding.SqlType;

/**
 * One row of {@code articles}, as {@link ArticleStore} loads, changes and writes it. {@link #TABLE} binds its fields to
 * the table's columns, in the same order.
 */
record ArticleRow(String articleKey, String menafnDocId, Long menafnArticleNo, String menafnProviderCode, Long kunaId,
        String provider, String providerKey, String headline, String headlineSource, String published,
        LocalDate publishedDate, String publishedSource, LocalDate crawlDate, String datelineCity, String byline,
        String editorInitials, String language, String url, String format, String body, String bodySha256,
        Integer bodyLength, String warnings, String canonicalSource, Integer sourceCount, Long firstSeenRun,
        LocalDate firstSeenDate, Long updatedRun) {

    static final TableBinding<ArticleRow> TABLE = new TableBinding<>(ArticleRow.class, "articles",
            c -> new ArticleRow(c.string(), c.string(), c.bigint(), c.string(), c.bigint(), c.string(), c.string(),
                    c.string(), c.string(), c.string(), c.date(), c.string(), c.date(), c.string(), c.string(),
                    c.string(), c.string(), c.string(), c.string(), c.string(), c.string(), c.integer(), c.string(),
                    c.string(), c.integer(), c.bigint(), c.date(), c.bigint()),
            column("article_key", SqlType.VARCHAR, ArticleRow::articleKey),
            column("menafn_doc_id", SqlType.VARCHAR, ArticleRow::menafnDocId),
            column("menafn_article_no", SqlType.BIGINT, ArticleRow::menafnArticleNo),
            column("menafn_provider_code", SqlType.VARCHAR, ArticleRow::menafnProviderCode),
            column("kuna_id", SqlType.BIGINT, ArticleRow::kunaId),
            column("provider", SqlType.VARCHAR, ArticleRow::provider),
            column("provider_key", SqlType.VARCHAR, ArticleRow::providerKey),
            column("headline", SqlType.VARCHAR, ArticleRow::headline),
            column("headline_source", SqlType.VARCHAR, ArticleRow::headlineSource),
            column("published", SqlType.VARCHAR, ArticleRow::published),
            column("published_date", SqlType.DATE, ArticleRow::publishedDate),
            column("published_source", SqlType.VARCHAR, ArticleRow::publishedSource),
            column("crawl_date", SqlType.DATE, ArticleRow::crawlDate),
            column("dateline_city", SqlType.VARCHAR, ArticleRow::datelineCity),
            column("byline", SqlType.VARCHAR, ArticleRow::byline),
            column("editor_initials", SqlType.VARCHAR, ArticleRow::editorInitials),
            column("language", SqlType.VARCHAR, ArticleRow::language),
            column("url", SqlType.VARCHAR, ArticleRow::url),
            column("format", SqlType.VARCHAR, ArticleRow::format),
            column("body", SqlType.VARCHAR, ArticleRow::body),
            column("body_sha256", SqlType.VARCHAR, ArticleRow::bodySha256),
            column("body_length", SqlType.INTEGER, ArticleRow::bodyLength),
            column("warnings", SqlType.VARCHAR, ArticleRow::warnings),
            column("canonical_source", SqlType.VARCHAR, ArticleRow::canonicalSource),
            column("source_count", SqlType.INTEGER, ArticleRow::sourceCount),
            column("first_seen_run", SqlType.BIGINT, ArticleRow::firstSeenRun),
            column("first_seen_date", SqlType.DATE, ArticleRow::firstSeenDate),
            column("updated_run", SqlType.BIGINT, ArticleRow::updatedRun));

    /** A new article from its canonical copy, first seen in {@code firstRun} on {@code firstDate}, no copies counted. */
    static ArticleRow of(String key, Article a, Long firstRun, LocalDate firstDate) {
        return new ArticleRow(key, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, 0, firstRun, firstDate, firstRun)
                .withCanonical(a);
    }

    /** The columns an article takes from its canonical copy replaced by those of {@code a}. */
    ArticleRow withCanonical(Article a) {
        return new ArticleRow(articleKey, str(a.menafnDocId()), a.menafnArticleNo(), a.menafnProviderCode(),
                a.kunaId() == null ? null : a.kunaId().value(), a.provider(), a.providerKey(), a.headline(),
                a.headlineSource(), a.published() == null ? null : a.published().iso(), a.publishedDate(),
                a.published() == null ? null : a.published().source().label(), a.crawlDate(), a.datelineCity(), a.byline(),
                a.editorInitials(), a.language(), a.url(), a.format(), a.body(), a.bodySha256(), a.body().length(),
                warnings(a), a.source(), sourceCount, firstSeenRun, firstSeenDate, updatedRun);
    }

    ArticleRow withUpdatedRun(Long run) {
        return new ArticleRow(articleKey, menafnDocId, menafnArticleNo, menafnProviderCode, kunaId, provider,
                providerKey, headline, headlineSource, published, publishedDate, publishedSource, crawlDate,
                datelineCity, byline, editorInitials, language, url, format, body, bodySha256, bodyLength, warnings,
                canonicalSource, sourceCount, firstSeenRun, firstSeenDate, run);
    }

    ArticleRow withFirstSeen(Long run, LocalDate date) {
        return new ArticleRow(articleKey, menafnDocId, menafnArticleNo, menafnProviderCode, kunaId, provider,
                providerKey, headline, headlineSource, published, publishedDate, publishedSource, crawlDate,
                datelineCity, byline, editorInitials, language, url, format, body, bodySha256, bodyLength, warnings,
                canonicalSource, sourceCount, run, date, updatedRun);
    }

    /** What the article takes from all its copies: their number and the ids (the provider code follows the doc id). */
    ArticleRow withCopies(int count, Long no, Long kuna, String doc, String providerCode) {
        return new ArticleRow(articleKey, doc, no, providerCode, kuna, provider, providerKey, headline, headlineSource,
                published, publishedDate, publishedSource, crawlDate, datelineCity, byline, editorInitials, language,
                url, format, body, bodySha256, bodyLength, warnings, canonicalSource, count, firstSeenRun,
                firstSeenDate, updatedRun);
    }

    /** The stored values an update compares with the canonical copy's, as text. */
    String signature() {
        return signature(bodySha256, headline, published, provider, canonicalSource, menafnDocId,
                kunaId == null ? null : kunaId.toString(), url, format, language, datelineCity, editorInitials, byline,
                warnings);
    }

    /** The same values of an article, as {@link #signature()} gives them of a stored row. */
    static String signature(Article a) {
        return signature(a.bodySha256(), a.headline(), a.published() == null ? null : a.published().iso(),
                a.provider(), a.source(), str(a.menafnDocId()),
                a.kunaId() == null ? null : Long.toString(a.kunaId().value()), a.url(), a.format(), a.language(),
                a.datelineCity(), a.editorInitials(), a.byline(), warnings(a));
    }

    private static String signature(String... values) {
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            sb.append(v).append('\u0001');
        }
        return sb.toString();
    }

    static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String warnings(Article a) {
        return a.warnings().isEmpty() ? null : String.join("; ", a.warnings());
    }
}
