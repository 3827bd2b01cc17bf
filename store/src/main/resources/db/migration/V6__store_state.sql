-- Version 6: a version of the article store, raised by every chunk an ingest writes (in the chunk's transaction), and
-- a random id of the store set by the first one. The whole-store reports record both in a hidden stamp file
-- (.store-version) beside them, so a night that changed nothing reuses the previous night's CSV files (hard links)
-- instead of writing the whole store again. Portable SQL (H2 2.x, PostgreSQL 15).

CREATE TABLE store_state (
    id       INTEGER     NOT NULL PRIMARY KEY,
    store_id VARCHAR(36),
    version  BIGINT      NOT NULL
);
INSERT INTO store_state (id, store_id, version) VALUES (1, NULL, 0);

-- The run's counts (articles it updated) and the RUN-scope reports select articles by updated_run: without an index
-- each was a scan of every article.
CREATE INDEX articles_updated_run ON articles (updated_run);
