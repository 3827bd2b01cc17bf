package org.wirearchive.store.report;

/** The SQL of every report, portable between H2 2.x and PostgreSQL 15. Read by {@link ReportSession}. */
final class ReportSql {

    private ReportSql() {
    }

    /** Inputs with their article: only where a report shows the article's columns (it reads the whole article row). */
    private static final String SOURCES_JOIN = " FROM sources s LEFT JOIN articles a ON a.article_key = s.article_key ";

    /**
     * The sources alone: {@link Selection#sourceWhere()} reaches an input's article only through a subquery, so the
     * reports that show no article column never read an article (on H2 a row read is the whole row, body included).
     */
    private static final String SOURCES = " FROM sources s ";

    static String articles(Selection sel) {
        return "SELECT a.article_key, a.menafn_doc_id, a.menafn_article_no, a.menafn_provider_code, a.kuna_id,"
                + " a.provider, a.provider_key, a.headline, a.headline_source, a.published, a.published_date,"
                + " a.published_source, a.crawl_date, a.dateline_city, a.byline, a.editor_initials, a.language, a.url,"
                + " a.format, a.body_sha256, a.body_length, a.warnings, a.canonical_source, a.source_count,"
                + " a.first_seen_run, a.first_seen_date, a.updated_run, a.body"
                + " FROM articles a WHERE " + sel.articleWhere() + " ORDER BY a.article_key";
    }

    static String sources(Selection sel) {
        return "SELECT s.source, s.status, s.article_key, s.duplicate_of, s.reason, s.reason_text, s.similarity,"
                + " s.url, s.body_sha256, s.published_date, s.provider_key, s.run_id, s.run_date, s.first_seen_run"
                + SOURCES + "WHERE " + sel.sourceWhere() + " ORDER BY s.source";
    }

    static String duplicates(Selection sel) {
        return "SELECT s.source, s.article_key, s.duplicate_of, s.reason, s.similarity,"
                + " " + "COALESCE(s.published_date, a.published_date)" + ", COALESCE(s.provider_key, a.provider_key),"
                + " a.canonical_source, a.headline, s.run_id, s.run_date"
                + SOURCES_JOIN + "WHERE s.status = 'duplicate' AND " + sel.sourceWhere() + " ORDER BY s.source";
    }

    static String rejects(Selection sel) {
        return "SELECT s.source, s.reason, s.reason_text, s.url, s.run_id, s.run_date, s.first_seen_run"
                + SOURCES + "WHERE s.status = 'rejected' AND " + sel.sourceWhere() + " ORDER BY s.source";
    }

    /**
     * Parameters: article params, then source params. Same rows as the {@code provider_daily} view. Each side is
     * grouped on its own before the two are added up, so the union holds a row per day and provider, not one per
     * article and input; an input's date and provider fall back to its article's through a subquery that runs only
     * when the input has none.
     */
    static String providerDaily(Selection sel) {
        return "SELECT t.published_date, t.provider_key, MIN(t.provider), SUM(t.n_articles), SUM(t.n_duplicates),"
                + " SUM(t.n_rejects) FROM ("
                + " SELECT a.published_date AS published_date, a.provider_key AS provider_key,"
                + " MIN(a.provider) AS provider, COUNT(*) AS n_articles, 0 AS n_duplicates, 0 AS n_rejects"
                + " FROM articles a WHERE " + sel.articleWhere() + " GROUP BY a.published_date, a.provider_key"
                + " UNION ALL"
                + " SELECT i.published_date, i.provider_key, CAST(NULL AS VARCHAR(500)), 0, SUM(i.n_duplicates),"
                + " SUM(i.n_rejects) FROM ("
                + " SELECT " + Selection.SOURCE_DATE + " AS published_date, " + Selection.SOURCE_PROVIDER
                + " AS provider_key, CASE WHEN s.status = 'duplicate' THEN 1 ELSE 0 END AS n_duplicates,"
                + " CASE WHEN s.status = 'rejected' THEN 1 ELSE 0 END AS n_rejects"
                + SOURCES + "WHERE s.status IN ('duplicate', 'rejected') AND " + sel.sourceWhere()
                + ") i GROUP BY i.published_date, i.provider_key"
                + ") t GROUP BY t.published_date, t.provider_key"
                + " ORDER BY t.published_date NULLS LAST, t.provider_key NULLS LAST";
    }

    /**
     * The selection's duplicates and rejects per publication date and provider key (an input's own, else its
     * article's), in no particular order: the input side of {@link #providerDaily}. Parameters: source params.
     */
    static String inputsDaily(Selection sel) {
        return "SELECT i.published_date, i.provider_key, SUM(i.n_duplicates), SUM(i.n_rejects) FROM ("
                + " SELECT " + Selection.SOURCE_DATE + " AS published_date, " + Selection.SOURCE_PROVIDER
                + " AS provider_key, CASE WHEN s.status = 'duplicate' THEN 1 ELSE 0 END AS n_duplicates,"
                + " CASE WHEN s.status = 'rejected' THEN 1 ELSE 0 END AS n_rejects"
                + SOURCES + "WHERE s.status IN ('duplicate', 'rejected') AND " + sel.sourceWhere()
                + ") i GROUP BY i.published_date, i.provider_key";
    }

    /** Distinct texts of an array parameter in the database's order of text (its collation). */
    static final String COLLATION_ORDER = "SELECT DISTINCT t.v FROM UNNEST(CAST(? AS VARCHAR ARRAY)) AS t(v)"
            + " WHERE t.v IS NOT NULL ORDER BY t.v";

    /** How many rejects the selection has (the rows of {@link #rejects}). */
    static String rejectCount(Selection sel) {
        return "SELECT COUNT(*)" + SOURCES + "WHERE s.status = 'rejected' AND " + sel.sourceWhere();
    }

    /** Duplicates of the selection per rule: rule, count, average similarity. */
    static String duplicatesByRule(Selection sel) {
        return "SELECT s.reason, COUNT(*), CAST(AVG(s.similarity) AS DOUBLE PRECISION)" + SOURCES
                + "WHERE s.status = 'duplicate' AND " + sel.sourceWhere() + " GROUP BY s.reason ORDER BY s.reason NULLS LAST";
    }

    /** Rejects of the selection per reason code: reason, count. */
    static String rejectsByReason(Selection sel) {
        return "SELECT s.reason, COUNT(*)" + SOURCES + "WHERE s.status = 'rejected' AND " + sel.sourceWhere()
                + " GROUP BY s.reason ORDER BY s.reason NULLS LAST";
    }

    /**
     * Totals of the selection: articles, min and max publication date. Three scalar subqueries, so that for the whole
     * store each is answered from an index (row count, first and last entry of {@code articles_published}) instead
     * of reading every article. Parameters: the article params three times.
     */
    static String articleTotals(Selection sel) {
        String where = " FROM articles a WHERE " + sel.articleWhere() + ")";
        return "SELECT (SELECT COUNT(*)" + where + ", (SELECT MIN(a.published_date)" + where
                + ", (SELECT MAX(a.published_date)" + where;
    }

    static String sourceTotals(Selection sel) {
        return "SELECT COUNT(*)" + SOURCES + "WHERE " + sel.sourceWhere();
    }

    /**
     * The run's row; {@code files_new} and {@code files_changed} are the run's files as its start classified them
     * against the manifest (the numbers the console, summary.json and the metrics show). Parameter: run id.
     */
    static final String RUN = "SELECT run_id, last_execution_id, run_date, attempt, status, started, finished, input,"
            + " files_seen, inputs_read, articles_new, articles_updated, duplicates, rejects, failure, inputs_before,"
            + " files_new, files_changed FROM runs WHERE run_id = ?";

    static final String LATEST_RUN = "SELECT MAX(run_id) FROM runs";

    /**
     * The run's duplicate and rejected inputs per status and reason. Parameter: run id, twice. One equality per status
     * so that both columns of {@code sources_run (run_id, status)} bound the scan: with {@code status IN (...)} H2
     * chose {@code sources_status} and read every duplicate and reject of every run (36,125 rows at 100,000 pages,
     * for a night that added none).
     */
    static final String RUN_REASONS = "SELECT status, reason, COUNT(*) FROM sources"
            + " WHERE run_id = ? AND status = 'duplicate' GROUP BY status, reason"
            + " UNION ALL SELECT status, reason, COUNT(*) FROM sources"
            + " WHERE run_id = ? AND status = 'rejected' GROUP BY status, reason"
            + " ORDER BY 1, 2 NULLS LAST";

    /** The store's identity and version (raised by every chunk an ingest writes). */
    static final String STORE_STATE = "SELECT store_id, version FROM store_state WHERE id = 1";

    /** The report directories of the latest completed runs but one, newest first. Parameter: the run left out. */
    static String completedOutDirs(int limit) {
        return "SELECT out_dir FROM runs WHERE status = 'COMPLETED' AND out_dir IS NOT NULL AND run_id <> ?"
                + " ORDER BY run_id DESC FETCH FIRST " + limit + " ROWS ONLY";
    }
}
