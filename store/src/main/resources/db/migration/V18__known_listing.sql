-- Version 18: the last input listing known to be wholly in the manifest. A night's freeze lists every input file
-- (path, size, modification time) and compares each with the manifest; when the listing is the same as one the
-- manifest held entirely, as it was (same digest, same number of files) and the store has not changed since (the
-- manifest is written only in the chunks that raise store_state.version), every file is unchanged without a
-- comparison. One row: the listing of the last run that completed with every file of its listing in the manifest.
-- Portable SQL (H2 2.x, PostgreSQL 15).

CREATE TABLE known_listing (
    id             INTEGER     NOT NULL PRIMARY KEY,
    digest         VARCHAR(64) NOT NULL,   -- ListingDigest of the sorted (path, size, modification time) list
    files          INTEGER     NOT NULL,
    store_version  BIGINT      NOT NULL,   -- store_state.version when the run that recorded it ended
    run_id         BIGINT      NOT NULL    -- that run
);
