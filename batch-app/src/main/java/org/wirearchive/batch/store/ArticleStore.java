package org.wirearchive.batch.store;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.wirearchive.core.article.Article;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.dedup.DedupDecision;
import org.wirearchive.core.dedup.Deduplicator;

/**
 * The article store: articles, sources and their dedup links, in plain SQL that runs on H2 and PostgreSQL. Every
 * write is an upsert keyed on the article key or the source name, so processing the same input again changes nothing.
 * Runs inside the caller's transaction (the chunk's).
 */
public class ArticleStore {

    private final JdbcTemplate jdbc;

    public ArticleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a rejected input. */
    public void reject(ParseOutcome.Rejected r, long runId, LocalDate runDate) {
        upsertSource(r.source(), r.url(), "rejected", null, null, r.reason().code(), r.message(), null, null, runId,
                runDate);
    }

    /**
     * Stores an accepted article: dedup decides (ids first, then content) against every earlier copy, and the decision
     * is applied to the article and source rows in the same transaction.
     */
    public void accept(Article a, Deduplicator dedup, long runId, LocalDate runDate) {
        DedupDecision decision = dedup.add(a);
        if (decision instanceof DedupDecision.Unchanged u) {
            // the same input with the same content again (a rerun): it was processed, nothing else changes
            jdbc.update("UPDATE sources SET run_id = ?, run_date = ? WHERE source = ?", runId, date(runDate), a.source());
            return;
        }
        String key = decision instanceof DedupDecision.NewArticle n ? n.key()
                : decision instanceof DedupDecision.Duplicate d ? d.key()
                : ((DedupDecision.ReplacesCanonical) decision).key();
        FirstSeen first = retire(decision.retiredKeys(), key, runId, runDate);
        if (decision instanceof DedupDecision.NewArticle) {
            if (exists(key)) {
                // the same input came back changed (same ids, other content): it is still the article's copy
                updateArticle(key, a, runId);
            } else {
                insertArticle(key, a, first);
            }
            upsertSource(a.source(), a.url(), "accepted", key, null, null, null, null, a, runId, runDate);
        } else if (decision instanceof DedupDecision.Duplicate d) {
            upsertSource(a.source(), a.url(), "duplicate", key, d.canonicalSource(), d.rule().code(), null,
                    d.similarity(), a, runId, runDate);
            markRetiredCanonicals(first, key, d.canonicalSource(), d.rule().code(), d.similarity());
        } else {
            DedupDecision.ReplacesCanonical r = (DedupDecision.ReplacesCanonical) decision;
            {
                if (exists(key)) {
                    updateArticle(key, a, runId);
                } else {
                    insertArticle(key, a, first);
                    jdbc.update("UPDATE articles SET updated_run = ? WHERE article_key = ?", runId, key);
                }
                upsertSource(a.source(), a.url(), "accepted", key, null, null, null, null, a, runId, runDate);
                // the earlier canonical copy (and every other copy) now points at this one; nothing is deleted
                jdbc.update("UPDATE sources SET status = 'duplicate', duplicate_of = ?, reason = ?, similarity = ? "
                                + "WHERE source = ? AND source <> ?", a.source(), r.rule().code(), r.similarity(),
                        r.previousCanonicalSource(), a.source());
                markRetiredCanonicals(first, key, a.source(), r.rule().code(), r.similarity());
                jdbc.update("UPDATE sources SET duplicate_of = ? WHERE article_key = ? AND status = 'duplicate'",
                        a.source(), key);
            }
        }
        recount(key);
    }

    /** When the first copies of the articles merged into {@code key} were seen, and their canonical sources. */
    private record FirstSeen(Long run, LocalDate date, List<String> retiredCanonicals) {
    }

    private FirstSeen retire(List<String> retiredKeys, String key, long runId, LocalDate runDate) {
        Long run = runId;
        LocalDate day = runDate;
        List<String> canonicals = new ArrayList<>();
        for (String retired : retiredKeys) {
            if (retired.equals(key)) {
                continue;
            }
            for (Map<String, Object> row : jdbc.queryForList(
                    "SELECT first_seen_run, first_seen_date, canonical_source FROM articles WHERE article_key = ?", retired)) {
                Number r = (Number) row.get("first_seen_run");
                Object d = row.get("first_seen_date");
                if (r != null && r.longValue() < run) {
                    run = r.longValue();
                    day = d instanceof java.sql.Date sd ? sd.toLocalDate() : day;
                }
                canonicals.add((String) row.get("canonical_source"));
            }
            jdbc.update("UPDATE sources SET article_key = ? WHERE article_key = ?", key, retired);
            jdbc.update("DELETE FROM articles WHERE article_key = ?", retired);
        }
        if (exists(key)) {
            for (Map<String, Object> row : jdbc.queryForList(
                    "SELECT first_seen_run, first_seen_date FROM articles WHERE article_key = ?", key)) {
                Number r = (Number) row.get("first_seen_run");
                if (r != null && r.longValue() < run) {
                    run = r.longValue();
                    Object d = row.get("first_seen_date");
                    day = d instanceof java.sql.Date sd ? sd.toLocalDate() : day;
                }
            }
        }
        return new FirstSeen(run, day, canonicals);
    }

    private void markRetiredCanonicals(FirstSeen first, String key, String canonicalSource, String rule, double similarity) {
        for (String source : first.retiredCanonicals()) {
            if (!source.equals(canonicalSource)) {
                jdbc.update("UPDATE sources SET status = 'duplicate', duplicate_of = ?, reason = ?, similarity = ? "
                        + "WHERE source = ?", canonicalSource, rule, similarity, source);
            }
        }
        if (!first.retiredCanonicals().isEmpty()) {
            jdbc.update("UPDATE articles SET first_seen_run = ?, first_seen_date = ? WHERE article_key = ?",
                    first.run(), date(first.date()), key);
        }
    }

    private boolean exists(String key) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM articles WHERE article_key = ?", Integer.class, key);
        return n != null && n > 0;
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

    private void insertArticle(String key, Article a, FirstSeen first) {
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
                a.body().length(), warnings(a), a.source(), first.run(), date(first.date()), first.run());
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
                              String reason, String reasonText, Double similarity, Article a, long runId,
                              LocalDate runDate) {
        String bodySha = a == null ? null : a.bodySha256();
        LocalDate publishedDate = a == null ? null : a.publishedDate();
        String providerKey = a == null ? null : a.providerKey();
        Long menafnNo = a == null ? null : a.menafnArticleNo();
        String docId = a == null ? null : str(a.menafnDocId());
        Long kuna = a == null || a.kunaId() == null ? null : a.kunaId().value();
        int n = jdbc.update("""
                UPDATE sources SET url = ?, status = ?, article_key = ?, duplicate_of = ?, reason = ?, reason_text = ?,
                  similarity = ?, body_sha256 = ?, published_date = ?, provider_key = ?, run_id = ?, run_date = ?,
                  menafn_article_no = ?, menafn_doc_id = ?, kuna_id = ?
                WHERE source = ?""",
                url, status, articleKey, duplicateOf, reason, reasonText, similarity, bodySha, date(publishedDate),
                providerKey, runId, date(runDate), menafnNo, docId, kuna, source);
        if (n == 0) {
            jdbc.update("""
                    INSERT INTO sources (source, url, status, article_key, duplicate_of, reason, reason_text, similarity,
                      body_sha256, published_date, provider_key, run_id, run_date, first_seen_run, menafn_article_no,
                      menafn_doc_id, kuna_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    source, url, status, articleKey, duplicateOf, reason, reasonText, similarity, bodySha,
                    date(publishedDate), providerKey, runId, date(runDate), runId, menafnNo, docId, kuna);
        }
    }

    /**
     * Recomputes what an article takes from all its copies: the source count, and the ids. Every copy lends its ids
     * (a MENAFN copy of a KUNA page gives it a MENAFN number, the KUNA page gives the copy's article its KUNA id); where
     * copies differ, the smallest (earliest) number wins, so the result does not depend on the order they came in.
     */
    private void recount(String key) {
        jdbc.update("UPDATE articles SET "
                + "source_count = (SELECT COUNT(*) FROM sources s WHERE s.article_key = ?), "
                + "menafn_article_no = (SELECT MIN(s.menafn_article_no) FROM sources s WHERE s.article_key = ?), "
                + "kuna_id = (SELECT MIN(s.kuna_id) FROM sources s WHERE s.article_key = ?), "
                + "menafn_doc_id = (SELECT MIN(s.menafn_doc_id) FROM sources s WHERE s.article_key = ? AND "
                + "  s.menafn_article_no = (SELECT MIN(t.menafn_article_no) FROM sources t WHERE t.article_key = ?)) "
                + "WHERE article_key = ?", key, key, key, key, key, key);
        jdbc.update("UPDATE articles SET menafn_provider_code = SUBSTRING(menafn_doc_id FROM 15 FOR 12) "
                + "WHERE article_key = ? AND menafn_doc_id IS NOT NULL", key);
    }

    static Object date(LocalDate d) {
        return new SqlParameterValue(Types.DATE, d == null ? null : Date.valueOf(d));
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String warnings(Article a) {
        return a.warnings().isEmpty() ? null : String.join("; ", a.warnings());
    }
}
