-- wirearchive application schema, version 1: articles, sources, runs, and the frozen input list of each job instance.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15. Spring Batch's own tables are created by Spring Boot.

-- One row per distinct article: the fields of its canonical copy.
CREATE TABLE articles (
    article_key          VARCHAR(80)      NOT NULL PRIMARY KEY,
    menafn_doc_id        VARCHAR(64),
    menafn_article_no    BIGINT,
    menafn_provider_code VARCHAR(12),
    kuna_id              BIGINT,
    provider             VARCHAR(500),
    provider_key         VARCHAR(100),
    headline             VARCHAR(4000),
    headline_source      VARCHAR(40),
    published            VARCHAR(32),
    published_date       DATE,
    published_source     VARCHAR(40),
    crawl_date           DATE,
    dateline_city        VARCHAR(200),
    byline               VARCHAR(500),
    editor_initials      VARCHAR(40),
    language             VARCHAR(8),
    url                  VARCHAR(4000),
    format               VARCHAR(40),
    body                 VARCHAR(1000000) NOT NULL,
    body_sha256          VARCHAR(64)      NOT NULL,
    body_length          INTEGER          NOT NULL,
    warnings             VARCHAR(2000),
    canonical_source     VARCHAR(4000)    NOT NULL,
    source_count         INTEGER          NOT NULL,
    first_seen_run       BIGINT,          -- run_id (job instance) that first stored it
    first_seen_date      DATE,            -- that run's run date
    updated_run          BIGINT
);
CREATE INDEX articles_menafn_no ON articles (menafn_article_no);
CREATE INDEX articles_kuna_id ON articles (kuna_id);
CREATE INDEX articles_body_sha ON articles (body_sha256);
CREATE INDEX articles_published ON articles (published_date);
CREATE INDEX articles_first_seen ON articles (first_seen_run);

-- One row per input: a file, or an entry of a container (container-path#entry). Never deleted.
CREATE TABLE sources (
    source          VARCHAR(4000) NOT NULL PRIMARY KEY,
    url             VARCHAR(4000),
    status          VARCHAR(16)   NOT NULL,  -- accepted | duplicate | rejected
    article_key     VARCHAR(80),
    duplicate_of    VARCHAR(4000),
    reason          VARCHAR(40),             -- dedup rule or reject code
    reason_text     VARCHAR(1000),           -- a sentence a person understands
    similarity      DOUBLE PRECISION,
    body_sha256     VARCHAR(64),
    published_date  DATE,
    provider_key    VARCHAR(100),
    run_id          BIGINT,                  -- the run (job instance) that last processed this input
    run_date        DATE,
    first_seen_run  BIGINT
);
CREATE INDEX sources_run ON sources (run_id);
CREATE INDEX sources_article ON sources (article_key);
CREATE INDEX sources_status ON sources (status);

-- Run history: one row per run. A run is one Spring Batch job instance (one run date; --force makes another), so
-- run_id is the job instance id; a failed run restarted keeps its run_id, last_execution_id is its latest execution.
CREATE TABLE runs (
    run_id            BIGINT        NOT NULL PRIMARY KEY,
    last_execution_id BIGINT        NOT NULL,
    run_date        DATE          NOT NULL,
    attempt         INTEGER       NOT NULL,  -- 0, then 1, 2, ... for each --force rerun of the same date
    status          VARCHAR(20)   NOT NULL,
    started         TIMESTAMP,
    finished        TIMESTAMP,
    input           VARCHAR(4000),
    out_dir         VARCHAR(4000),
    files_seen      INTEGER,
    inputs_read     INTEGER,
    articles_new    INTEGER,
    articles_updated INTEGER,
    duplicates      INTEGER,
    rejects         INTEGER,
    failure         VARCHAR(2000)
);

-- The input file list of one job instance, frozen at its first start so a restart sees the same files in the same order.
CREATE TABLE run_inputs (
    job_instance_id BIGINT        NOT NULL,
    seq             INTEGER       NOT NULL,
    path            VARCHAR(4000) NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    modified        TIMESTAMP,
    PRIMARY KEY (job_instance_id, seq)
);
