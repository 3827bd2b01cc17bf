package org.wirearchive.batch.remote;

import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wirearchive.batch.ingest.FileOutcomes;
import org.wirearchive.batch.ingest.InputFileReader;

/**
 * The manager's store step reads the files the workers staged, in {@code seq} order (the order of the frozen list,
 * which is what makes dedup deterministic), a page at a time by key range. Every seq of the run must be staged: a gap
 * fails the step instead of silently losing a file. Restartable: the next seq is saved at each commit under the same
 * key as the single-process reader ({@link InputFileReader#READ_COUNT}), which the progress log and the operator tools
 * read.
 */
public class StagedFileReader implements ItemStreamReader<FileOutcomes> {

    private final JdbcTemplate jdbc;
    private final long runId;
    private final int pageSize;
    private final Deque<FileOutcomes> page = new ArrayDeque<>();
    private int next;
    private int end;

    public StagedFileReader(DataSource dataSource, long runId, int pageSize) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setMaxRows(pageSize);
        this.runId = runId;
        this.pageSize = pageSize;
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        next = context.getInt(InputFileReader.READ_COUNT, 0);
        Integer n = jdbc.queryForObject("SELECT COALESCE(MAX(seq) + 1, 0) FROM run_inputs WHERE job_instance_id = ?",
                Integer.class, runId);
        end = n == null ? 0 : n;
        page.clear();
    }

    @Override
    public FileOutcomes read() {
        if (next >= end) {
            return null;
        }
        if (page.isEmpty()) {
            jdbc.query("SELECT seq, payload FROM parsed_files WHERE job_instance_id = ? AND seq >= ? AND seq < ? "
                    + "ORDER BY job_instance_id, seq", rs -> {
                        page.add(ParsedFileCodec.decode(rs.getBytes(2)));
                    }, runId, next, Math.min(end, next + pageSize));
        }
        FileOutcomes f = page.poll();
        if (f == null || f.file().seq() != next) {
            throw new IllegalStateException("file " + next + " of run " + runId + " was not staged by any worker ("
                    + (f == null ? "no staged row" : "next staged row is file " + f.file().seq()) + ")");
        }
        next++;
        return f;
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        context.putInt(InputFileReader.READ_COUNT, next);
    }

    @Override
    public void close() throws ItemStreamException {
        page.clear();
    }
}
