-- Version 4: the staging table of a remote-partitioned ingest (ingest --workers remote, docs/scale-out.md).
-- Workers parse and fingerprint their partitions of a run's frozen input list (run_inputs) and stage each file here;
-- the manager then dedups and stores the staged files in seq order, and deletes the run's rows once they are stored.
-- The payload is the binary form of org.wirearchive.batch.remote.ParsedFileCodec. Portable SQL (H2 2.x, PostgreSQL 15).

CREATE TABLE parsed_files (
    job_instance_id BIGINT  NOT NULL,   -- the run (as run_inputs.job_instance_id)
    seq             INTEGER NOT NULL,   -- the file's place in the run's frozen list (run_inputs.seq)
    payload         BYTEA   NOT NULL,
    PRIMARY KEY (job_instance_id, seq)
);
