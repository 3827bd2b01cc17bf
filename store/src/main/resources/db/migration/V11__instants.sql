-- Version 11: every instant the application stores is a TIMESTAMP WITH TIME ZONE (an instant), no longer a zone-less
-- local time. Processes in different time zones share one database: a zone-less heartbeat written at 02:00 in UTC
-- read as 05:00 Kuwait time made a live ingest look three hours silent, and a file's modification time read in
-- another zone made every file look changed. Portable SQL (H2 2.x, PostgreSQL 15).
--
-- Existing values are read in the migrating session's zone, which is UTC (the application runs in UTC, see
-- OperatorZone): rows written before this version by a process in another zone move by that zone's offset, once.

-- the view reads runs.started and runs.finished: PostgreSQL cannot change the type of a column a view uses
DROP VIEW run_history;

ALTER TABLE runs ALTER COLUMN started SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE runs ALTER COLUMN finished SET DATA TYPE TIMESTAMP WITH TIME ZONE;
-- inputs the run had read when its latest execution started (0, or what earlier executions read before a restart):
-- the execution's own rate counts only what it read
ALTER TABLE runs ADD COLUMN inputs_before INTEGER;
ALTER TABLE manifest ALTER COLUMN modified SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE run_inputs ALTER COLUMN modified SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE ingest_lock ALTER COLUMN acquired SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE ingest_lock ALTER COLUMN heartbeat SET DATA TYPE TIMESTAMP WITH TIME ZONE;

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
