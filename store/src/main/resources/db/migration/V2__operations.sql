-- Version 2: what nightly operations need. Portable SQL (H2 2.x, PostgreSQL 15).

-- The manifest: every input file ever processed, as it was then. A night processes only new or changed files.
CREATE TABLE manifest (
    path            VARCHAR(4000) NOT NULL PRIMARY KEY,
    size_bytes      BIGINT        NOT NULL,
    modified        TIMESTAMP     NOT NULL,
    content_sha256  VARCHAR(64)   NOT NULL,
    run_id          BIGINT        NOT NULL,   -- the run that last processed it
    outcomes        INTEGER       NOT NULL    -- inputs found in it (1 for a plain file, entries for a container)
);

-- One ingest at a time: the holder's identity and heartbeat. A holder that is gone (same host, dead process) or
-- silent for longer than the expiry is taken over, and the taking run says so.
CREATE TABLE ingest_lock (
    lock_name       VARCHAR(40)   NOT NULL PRIMARY KEY,
    holder          VARCHAR(200)  NOT NULL,   -- pid@host
    host            VARCHAR(200)  NOT NULL,
    pid             BIGINT        NOT NULL,
    execution_id    BIGINT,
    run_date        DATE,
    acquired        TIMESTAMP     NOT NULL,
    heartbeat       TIMESTAMP     NOT NULL
);

ALTER TABLE runs ADD COLUMN files_new INTEGER;
ALTER TABLE runs ADD COLUMN files_changed INTEGER;
ALTER TABLE runs ADD COLUMN files_unchanged INTEGER;
ALTER TABLE runs ADD COLUMN full_run BOOLEAN;
