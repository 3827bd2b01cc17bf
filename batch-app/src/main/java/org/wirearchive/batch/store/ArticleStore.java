package org.wirearchive.batch.store;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.wirearchive.core.article.Article;
import org.wirearchive.core.article.ParseOutcome;

/**
 * The article store: articles, sources and their dedup links, in plain SQL that runs on H2 and PostgreSQL. Every
 * write is an upsert keyed on the article key or the source name, so processing the same input again changes nothing.
 * Runs inside the caller's transaction (the chunk's).
 */
public class ArticleStore {

    /** The canonical copy of a stored article, as far as dedup needs it. */
    public record StoredArticle(String key, String canonicalSource) {
    }

    private final JdbcTemplate jdbc;

    public ArticleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a rejected input. */
    public void reject(ParseOutcome.Rejected r, long runId, LocalDate runDate) {
        upsertSource(r.source(), r.url(), "rejected", null, null, r.reason().code(), r.message(), null, null, null,
                null, runId, runDate);
    }

    /** Stores an accepted article: the first copy of its story, or a duplicate of a stored one. */
    public void accept(Article a, long runId, LocalDate runDate) {
        StoredArticle byNo = a.menafnArticleNo() == null ? null
                : first("SELECT article_key, canonical_source FROM articles WHERE menafn_article_no = ?", a.menafnArticleNo());
        StoredArticle byKuna = byNo != null || a.kunaId() == null ? null
                : first("SELECT article_key, canonical_source FROM articles WHERE kuna_id = ?", a.kunaId().value());
        StoredArticle byBody = byNo != null || byKuna != null ? null
                : first("SELECT article_key, canonical_source FROM articles WHERE body_sha256 = ?", a.bodySha256());
        StoredArticle match = byNo != null ? byNo : byKuna != null ? byKuna : byBody;
        String reason = byNo != null ? "same-menafn-id" : byKuna != null ? "same-kuna-id" : "same-body";

        if (match == null) {
            insertArticle(keyFor(a), a, runId, runDate);
            upsertSource(a.source(), a.url(), "accepted", keyFor(a), null, null, null, null, a.bodySha256(),
                    a.publishedDate(), a.providerKey(), runId, runDate);
            recount(keyFor(a));
        } else if (match.canonicalSource().equals(a.source())) {
            updateArticle(match.key(), a, runId);
            upsertSource(a.source(), a.url(), "accepted", match.key(), null, null, null, null, a.bodySha256(),
                    a.publishedDate(), a.providerKey(), runId, runDate);
            recount(match.key());
        } else {
            upsertSource(a.source(), a.url(), "duplicate", match.key(), match.canonicalSource(), reason,
                    null, 1.0, a.bodySha256(), a.publishedDate(), a.providerKey(), runId, runDate);
            recount(match.key());
        }
    }

    /** Remembers a processed file as it was (size, modification time, content hash), so later nights skip it. */
    public void recordInManifest(String path, long size, java.sql.Timestamp modified, String sha256, int outcomes,
                                 long runId) {
        int n = jdbc.update("UPDATE manifest SET size_bytes = ?, modified = ?, content_sha256 = ?, run_id = ?, outcomes = ? "
                + "WHERE path = ?", size, modified, sha256, runId, outcomes, path);
        if (n == 0) {
            jdbc.update("INSERT INTO manifest (path, size_bytes, modified, content_sha256, run_id, outcomes) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", path, size, modified, sha256, runId, outcomes);
        }
    }

    private static String signature(Article a) {
        Object[] values = {a.bodySha256(), a.headline(), a.published() == null ? null : a.published().iso(), a.provider(),
                a.source(), str(a.menafnDocId()), a.kunaId() == null ? null : Long.toString(a.kunaId().value()), a.url(),
                a.format(), a.language(), a.datelineCity(), a.editorInitials(), a.byline(), warnings(a)};
        StringBuilder sb = new StringBuilder();
        for (Object v : values) {
            sb.append(v == null ? null : v.toString()).append('\u0001');
        }
        return sb.toString();
    }

    /** The article key: from the strongest id of the canonical copy, so it does not depend on file order. */
    public static String keyFor(Article a) {
        if (a.menafnArticleNo() != null) {
            return "M" + a.menafnArticleNo();
        }
        if (a.kunaId() != null) {
            return "K" + a.kunaId().value();
        }
        return "H" + a.bodySha256().substring(0, 16).toLowerCase(Locale.ROOT);
    }

    private StoredArticle first(String sql, Object arg) {
        List<StoredArticle> rows = jdbc.query(sql + " ORDER BY article_key",
                (rs, i) -> new StoredArticle(rs.getString(1), rs.getString(2)), arg);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private void insertArticle(String key, Article a, long runId, LocalDate runDate) {
        jdbc.update("""
                INSERT INTO articles (article_key, menafn_doc_id, menafn_article_no, menafn_provider_code, kuna_id,
                  provider, provider_key, headline, headline_source, published, published_date, published_source,
                  crawl_date, dateline_city, byline, editor_initials, language, url, format, body, body_sha256,
                  body_length, warnings, canonical_source, source_count, first_seen_run, first_seen_date, updated_run)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""",
                key, str(a.menafnDocId()), a.menafnArticleNo(), a.menafnProviderCode(),
                a.kunaId() == null ? null : a.kunaId().value(), a.provider(), a.providerKey(), a.headline(),
                a.headlineSource(), a.published() == null ? null : a.published().iso(), date(a.publishedDate()),
                a.published() == null ? null : a.published().source(), date(a.crawlDate()), a.datelineCity(),
                a.byline(), a.editorInitials(), a.language(), a.url(), a.format(), a.body(), a.bodySha256(),
                a.body().length(), warnings(a), a.source(), runId, date(runDate), runId);
    }

    /** Rewrites a stored article from its canonical copy, only when something in it changed. */
    private void updateArticle(String key, Article a, long runId) {
        String signature = signature(a);
        List<String> stored = jdbc.query("SELECT body_sha256, headline, published, provider, canonical_source, "
                        + "menafn_doc_id, kuna_id, url, format, language, dateline_city, editor_initials, byline, warnings "
                        + "FROM articles WHERE article_key = ?",
                (rs, i) -> {
                    StringBuilder sb = new StringBuilder();
                    for (int c = 1; c <= 14; c++) {
                        sb.append(rs.getString(c)).append('\u0001');
                    }
                    return sb.toString();
                }, key);
        if (!stored.isEmpty() && stored.get(0).equals(signature)) {
            return;
        }
        jdbc.update("""
                UPDATE articles SET menafn_doc_id = ?, menafn_article_no = ?, menafn_provider_code = ?, kuna_id = ?,
                  provider = ?, provider_key = ?, headline = ?, headline_source = ?, published = ?, published_date = ?,
                  published_source = ?, crawl_date = ?, dateline_city = ?, byline = ?, editor_initials = ?,
                  language = ?, url = ?, format = ?, body = ?, body_sha256 = ?, body_length = ?, warnings = ?,
                  canonical_source = ?, updated_run = ?
                WHERE article_key = ?""",
                str(a.menafnDocId()), a.menafnArticleNo(), a.menafnProviderCode(),
                a.kunaId() == null ? null : a.kunaId().value(), a.provider(), a.providerKey(), a.headline(),
                a.headlineSource(), a.published() == null ? null : a.published().iso(), date(a.publishedDate()),
                a.published() == null ? null : a.published().source(), date(a.crawlDate()), a.datelineCity(),
                a.byline(), a.editorInitials(), a.language(), a.url(), a.format(), a.body(), a.bodySha256(),
                a.body().length(), warnings(a), a.source(), runId, key);
    }

    private void upsertSource(String source, String url, String status, String articleKey, String duplicateOf,
                              String reason, String reasonText, Double similarity, String bodySha,
                              LocalDate publishedDate, String providerKey, long runId, LocalDate runDate) {
        int n = jdbc.update("""
                UPDATE sources SET url = ?, status = ?, article_key = ?, duplicate_of = ?, reason = ?, reason_text = ?,
                  similarity = ?, body_sha256 = ?, published_date = ?, provider_key = ?, run_id = ?, run_date = ?
                WHERE source = ?""",
                url, status, articleKey, duplicateOf, reason, reasonText, similarity, bodySha, date(publishedDate),
                providerKey, runId, date(runDate), source);
        if (n == 0) {
            jdbc.update("""
                    INSERT INTO sources (source, url, status, article_key, duplicate_of, reason, reason_text, similarity,
                      body_sha256, published_date, provider_key, run_id, run_date, first_seen_run)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    source, url, status, articleKey, duplicateOf, reason, reasonText, similarity, bodySha,
                    date(publishedDate), providerKey, runId, date(runDate), runId);
        }
    }

    private void recount(String key) {
        jdbc.update("UPDATE articles SET source_count = (SELECT COUNT(*) FROM sources s WHERE s.article_key = ?) "
                + "WHERE article_key = ?", key, key);
    }

    private static Object date(LocalDate d) {
        return new SqlParameterValue(Types.DATE, d == null ? null : Date.valueOf(d));
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String warnings(Article a) {
        return a.warnings().isEmpty() ? null : String.join("; ", a.warnings());
    }
}
