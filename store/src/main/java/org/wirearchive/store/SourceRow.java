package org.wirearchive.store;

import static org.wirearchive.store.TableBinding.column;

import java.time.LocalDate;
import org.wirearchive.core.article.Article;
import org.wirearchive.store.TableBinding.SqlType;

/**
 * One row of {@code sources}, as {@link ArticleStore} loads, changes and writes it. {@link #TABLE} binds its fields to
 * the table's columns, in the same order.
 */
record SourceRow(String source, String url, SourceStatus status, String articleKey, String duplicateOf,
        String reason, String reasonText, Double similarity, String bodySha256, LocalDate publishedDate,
        String providerKey, Long runId, LocalDate runDate, Long firstSeenRun, Long menafnArticleNo, String menafnDocId,
        Long kunaId) {

    static final TableBinding<SourceRow> TABLE = new TableBinding<>(SourceRow.class, "sources",
            c -> new SourceRow(c.string(), c.string(), SourceStatus.of(c.string()), c.string(), c.string(),
                    c.string(), c.string(), c.real(), c.string(), c.date(), c.string(), c.bigint(), c.date(),
                    c.bigint(), c.bigint(), c.string(), c.bigint()),
            column("source", SqlType.VARCHAR, SourceRow::source),
            column("url", SqlType.VARCHAR, SourceRow::url),
            column("status", SqlType.VARCHAR, r -> r.status().code()),
            column("article_key", SqlType.VARCHAR, SourceRow::articleKey),
            column("duplicate_of", SqlType.VARCHAR, SourceRow::duplicateOf),
            column("reason", SqlType.VARCHAR, SourceRow::reason),
            column("reason_text", SqlType.VARCHAR, SourceRow::reasonText),
            column("similarity", SqlType.DOUBLE, SourceRow::similarity),
            column("body_sha256", SqlType.VARCHAR, SourceRow::bodySha256),
            column("published_date", SqlType.DATE, SourceRow::publishedDate),
            column("provider_key", SqlType.VARCHAR, SourceRow::providerKey),
            column("run_id", SqlType.BIGINT, SourceRow::runId),
            column("run_date", SqlType.DATE, SourceRow::runDate),
            column("first_seen_run", SqlType.BIGINT, SourceRow::firstSeenRun),
            column("menafn_article_no", SqlType.BIGINT, SourceRow::menafnArticleNo),
            column("menafn_doc_id", SqlType.VARCHAR, SourceRow::menafnDocId),
            column("kuna_id", SqlType.BIGINT, SourceRow::kunaId));

    /**
     * The row of {@code source} as an input of run {@code runId} leaves it; the first run it was seen in stays
     * {@code firstSeenRun}. {@code a} is the parsed article ({@code null} for a rejected input).
     */
    static SourceRow of(String source, String url, SourceStatus status, String articleKey, String duplicateOf,
            String reason, String reasonText, Double similarity, Article a, Long runId, LocalDate runDate,
            Long firstSeenRun) {
        return new SourceRow(source, url, status, articleKey, duplicateOf, reason, reasonText, similarity,
                a == null ? null : a.bodySha256(), a == null ? null : a.publishedDate(),
                a == null ? null : a.providerKey(), runId, runDate, firstSeenRun,
                a == null ? null : a.menafnArticleNo(), a == null ? null : ArticleRow.str(a.menafnDocId()),
                a == null || a.kunaId() == null ? null : a.kunaId().value());
    }

    /** Processed again in this run, nothing else changed. */
    SourceRow withRun(Long run, LocalDate date) {
        return new SourceRow(source, url, status, articleKey, duplicateOf, reason, reasonText, similarity, bodySha256,
                publishedDate, providerKey, run, date, firstSeenRun, menafnArticleNo, menafnDocId, kunaId);
    }

    SourceRow withArticleKey(String key) {
        return new SourceRow(source, url, status, key, duplicateOf, reason, reasonText, similarity, bodySha256,
                publishedDate, providerKey, runId, runDate, firstSeenRun, menafnArticleNo, menafnDocId, kunaId);
    }

    SourceRow withDuplicateOf(String of) {
        return new SourceRow(source, url, status, articleKey, of, reason, reasonText, similarity, bodySha256,
                publishedDate, providerKey, runId, runDate, firstSeenRun, menafnArticleNo, menafnDocId, kunaId);
    }

    /** A duplicate of {@code of} by {@code rule} (the rule's code) with this similarity. */
    SourceRow asDuplicate(String of, String rule, double sim) {
        return new SourceRow(source, url, SourceStatus.DUPLICATE, articleKey, of, rule, reasonText, sim, bodySha256,
                publishedDate, providerKey, runId, runDate, firstSeenRun, menafnArticleNo, menafnDocId, kunaId);
    }

    boolean isDuplicate() {
        return status == SourceStatus.DUPLICATE;
    }
}
