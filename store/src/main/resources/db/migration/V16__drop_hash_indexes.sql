-- Version 16: three indexes on hash values go. Keyed on random values, each insert dirtied its own leaf page, so every
-- committed chunk rewrote dozens of pages per index (with WRITE_DELAY=0 every commit stores at once), and no query of
-- the ingest needs them (EXPLAIN of every query of the store, docs/BENCHMARKS.md):
--  - articles_body_sha: no query selects articles by body_sha256;
--  - dedup_copies_content, dedup_copies_headline: the writer answers the same-body and same-headline look-ups from its
--    day cache (whole window days of dedup_copies loaded by window_date, dedup_copies_day); only the look-up outside a
--    chunk (JdbcDedupIndex) filtered by them, and it now reads the window's days by dedup_copies_day, as its MinHash
--    band look-up always did. Same rows, same decisions.
-- Portable SQL (H2 2.x, PostgreSQL 15).

DROP INDEX articles_body_sha;
DROP INDEX dedup_copies_content;
DROP INDEX dedup_copies_headline;
