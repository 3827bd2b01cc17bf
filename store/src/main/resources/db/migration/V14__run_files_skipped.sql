-- Paths under the inputs that a run did not read (hidden, dangling symbolic links, special files, the application's
-- own output and data directories, report files): counted, and named in the log.
ALTER TABLE runs ADD COLUMN files_skipped INTEGER;
