-- Version 5: the dedup index keeps no band rows. The writer loads whole window days of dedup_copies into memory
-- (org.wirearchive.batch.store.DayCache) and computes the MinHash bands from the stored signature, which made the 24
-- band rows per copy (the largest write and look-up cost of an ingest, docs/BENCHMARKS.md) unnecessary.
-- Portable SQL (H2 2.x, PostgreSQL 15).

DROP TABLE dedup_bands;
CREATE INDEX dedup_copies_day ON dedup_copies (window_date);
