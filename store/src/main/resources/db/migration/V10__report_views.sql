-- wirearchive report views, version 10: what the CSV reports summarise, for analysts who query the store directly.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15. Read-only views over the V1 tables; see docs/reports.md.

-- Articles, duplicates and rejects per publication date and provider. An input's date and provider are its own,
-- else its article's; undated rows have a NULL published_date (rejected inputs usually do).
CREATE VIEW provider_daily AS
SELECT t.published_date,
       t.provider_key,
       MIN(t.provider)     AS provider,
       SUM(t.n_articles)   AS articles,
       SUM(t.n_duplicates) AS duplicates,
       SUM(t.n_rejects)    AS rejects
FROM (
    SELECT a.published_date AS published_date, a.provider_key AS provider_key, a.provider AS provider,
           1 AS n_articles, 0 AS n_duplicates, 0 AS n_rejects
    FROM articles a
    UNION ALL
    SELECT COALESCE(s.published_date, a.published_date), COALESCE(s.provider_key, a.provider_key),
           CAST(NULL AS VARCHAR(500)),
           0,
           CASE WHEN s.status = 'duplicate' THEN 1 ELSE 0 END,
           CASE WHEN s.status = 'rejected' THEN 1 ELSE 0 END
    FROM sources s LEFT JOIN articles a ON a.article_key = s.article_key
    WHERE s.status IN ('duplicate', 'rejected')
) t
GROUP BY t.published_date, t.provider_key;

-- Duplicate inputs per dedup rule (sources.reason of a duplicate), with their similarity.
CREATE VIEW duplicates_by_rule AS
SELECT s.reason          AS rule,
       COUNT(*)          AS duplicates,
       CAST(AVG(s.similarity) AS DOUBLE PRECISION) AS mean_similarity,
       MIN(s.similarity) AS min_similarity
FROM sources s
WHERE s.status = 'duplicate'
GROUP BY s.reason;

-- Rejected inputs per reason code, with one example of the sentence shown to people.
CREATE VIEW rejects_by_reason AS
SELECT s.reason           AS reason,
       COUNT(*)           AS rejects,
       MIN(s.reason_text) AS example_text
FROM sources s
WHERE s.status = 'rejected'
GROUP BY s.reason;

-- Run history: the runs table plus the inputs each run first saw (files_new) and re-recorded (files_changed).
CREATE VIEW run_history AS
SELECT r.run_id,
       r.last_execution_id,
       r.run_date,
       r.attempt,
       r.status,
       r.started,
       r.finished,
       r.files_seen,
       r.inputs_read,
       (SELECT COUNT(*) FROM sources s WHERE s.first_seen_run = r.run_id) AS files_new,
       (SELECT COUNT(*) FROM sources s
         WHERE s.run_id = r.run_id AND (s.first_seen_run IS NULL OR s.first_seen_run <> r.run_id)) AS files_changed,
       r.articles_new,
       r.articles_updated,
       r.duplicates,
       r.rejects,
       r.failure
FROM runs r;
