-- Version 15: the identity of dedup_copies.copy_id hands out its values from a cache of 10,000 instead of the default
-- (H2: 32). On H2 every refill of the cache writes the sequence's new limit in a transaction of its own, and with
-- WRITE_DELAY=0 (every commit reaches the file at once) each of those commits stored the whole database: one store
-- per 32 copies inserted, 40% of the file stores of an ingest and a sixth of the writer's time (JFR, 100,000 pages,
-- docs/BENCHMARKS.md). The values only identify rows (no query reads them); a restart may skip up to 10,000 of them.
-- Portable SQL (H2 2.x, PostgreSQL 15).

ALTER TABLE dedup_copies ALTER COLUMN copy_id SET CACHE 10000;
