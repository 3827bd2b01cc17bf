package org.wirearchive.batch.ingest;

import java.io.File;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wirearchive.core.format.InputTree;

/**
 * First step of a run: lists every regular file under the input paths in a fixed (sorted) order, compares each with
 * the manifest (size and modification time), and freezes the list of files to process (new and changed ones, or all
 * with {@code full}) in {@code run_inputs} for the job instance. A restart skips this step and reads the same list.
 * An unchanged file costs a directory-walk entry and a manifest lookup, never a read of its content.
 */
public class FreezeInputsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(FreezeInputsTasklet.class);
    private static final int BATCH = 500;

    /** Keys of the counts saved in the job's execution context. */
    public static final String FILES_SEEN = "files.seen";
    public static final String FILES_NEW = "files.new";
    public static final String FILES_CHANGED = "files.changed";
    public static final String FILES_UNCHANGED = "files.unchanged";

    private final JdbcTemplate jdbc;

    public FreezeInputsTasklet(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Found(Path path, long size, long modifiedMillis) {
    }

    private record Known(long size, long modifiedMillis) {
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var jobExecution = contribution.getStepExecution().getJobExecution();
        long instanceId = jobExecution.getJobInstance().getInstanceId();
        String input = jobExecution.getJobParameters().getString(IngestParameters.INPUT);
        boolean full = Boolean.parseBoolean(jobExecution.getJobParameters().getString(IngestParameters.FULL));
        jdbc.update("DELETE FROM run_inputs WHERE job_instance_id = ?", instanceId);

        List<Found> files = listFiles(input);
        int seq = 0;
        int fresh = 0;
        int changed = 0;
        int unchanged = 0;
        List<Object[]> rows = new ArrayList<>(BATCH);
        for (int from = 0; from < files.size(); from += BATCH) {
            List<Found> batch = files.subList(from, Math.min(files.size(), from + BATCH));
            // looked up with --full too: --full processes the unchanged files, it does not make them new
            Map<String, Known> known = lookup(batch);
            for (Found f : batch) {
                Known k = known.get(f.path().toString());
                if (k != null && k.size() == f.size() && k.modifiedMillis() == f.modifiedMillis()) {
                    unchanged++;
                    if (!full) {
                        continue;
                    }
                } else if (k == null) {
                    fresh++;
                } else {
                    changed++;
                }
                rows.add(new Object[] {instanceId, seq++, f.path().toString(), f.size(), new Timestamp(f.modifiedMillis())});
            }
            if (!rows.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO run_inputs (job_instance_id, seq, path, size_bytes, modified) "
                        + "VALUES (?, ?, ?, ?, ?)", rows);
                rows.clear();
            }
        }
        ExecutionContext ctx = jobExecution.getExecutionContext();
        ctx.putInt(FILES_SEEN, files.size());
        ctx.putInt(FILES_NEW, fresh);
        ctx.putInt(FILES_CHANGED, changed);
        ctx.putInt(FILES_UNCHANGED, unchanged);
        jdbc.update("UPDATE runs SET files_new = ?, files_changed = ?, files_unchanged = ?, full_run = ? WHERE run_id = ?",
                fresh, changed, unchanged, full, instanceId);
        contribution.incrementWriteCount(seq);
        log.info("Input: {} files under {}: {} new, {} changed, {} unchanged; to process: {}{}", files.size(),
                input.replace(File.pathSeparator, ", "), fresh, changed, unchanged, seq,
                full ? " (--full: the unchanged ones too)" : "");
        return RepeatStatus.FINISHED;
    }

    private Map<String, Known> lookup(List<Found> batch) {
        StringBuilder sql = new StringBuilder("SELECT path, size_bytes, modified FROM manifest WHERE path IN (");
        Object[] args = new Object[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
            args[i] = batch.get(i).path().toString();
        }
        sql.append(')');
        Map<String, Known> known = new HashMap<>();
        jdbc.query(sql.toString(), rs -> {
            known.put(rs.getString(1), new Known(rs.getLong(2), rs.getTimestamp(3).getTime()));
        }, args);
        return known;
    }

    /** Every regular file under the input paths (absolute, normalized), sorted by path, with size and mtime. */
    static List<Found> listFiles(String input) {
        List<Path> roots = new ArrayList<>();
        for (String part : input.split(File.pathSeparator)) {
            roots.add(Path.of(part).toAbsolutePath().normalize());
        }
        return InputTree.list(roots).stream()
                .map(f -> new Found(f.path(), f.size(), f.lastModified().toEpochMilli()))
                .toList();
    }
}
