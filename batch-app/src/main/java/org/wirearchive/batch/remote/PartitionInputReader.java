package org.wirearchive.batch.remote;

import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wirearchive.batch.ingest.InputFile;

/**
 * Reads one partition of a run's frozen input list: the {@code run_inputs} rows of the partition's run with
 * {@code seq} in {@code [from, to)}, in order, a page at a time by key range. The range comes from the partition's
 * execution context ({@link SeqRangePartitioner}); the next seq is saved at each commit ({@link #NEXT}), so a
 * partition taken over by another worker resumes after its last committed chunk.
 */
public class PartitionInputReader implements ItemStreamReader<InputFile> {

    /** Execution-context key of the next seq to read. */
    public static final String NEXT = "partitionInputReader.next";

    private final JdbcTemplate jdbc;
    private final Deque<InputFile> page = new ArrayDeque<>();
    private long runId;
    private int to;
    private int next;

    public PartitionInputReader(DataSource dataSource, int pageSize) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setMaxRows(pageSize);
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        if (!context.containsKey(SeqRangePartitioner.SEQ_FROM)) {
            throw new ItemStreamException("not a partition of a remote ingest: no seq range in the step's context");
        }
        runId = context.getLong(SeqRangePartitioner.RUN_ID);
        to = context.getInt(SeqRangePartitioner.SEQ_TO);
        next = context.getInt(NEXT, context.getInt(SeqRangePartitioner.SEQ_FROM));
        page.clear();
    }

    @Override
    public InputFile read() {
        if (page.isEmpty() && next < to) {
            jdbc.query("SELECT seq, path, size_bytes, modified FROM run_inputs WHERE job_instance_id = ? AND seq >= ? "
                            + "AND seq < ? ORDER BY job_instance_id, seq",
                    rs -> {
                        page.add(new InputFile(rs.getInt(1), rs.getString(2), rs.getLong(3),
                                rs.getTimestamp(4)));
                    }, runId, next, to);
            if (page.isEmpty()) {
                next = to;
            }
        }
        InputFile f = page.poll();
        if (f != null) {
            next = f.seq() + 1;
        }
        return f;
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        context.putInt(NEXT, next);
    }

    @Override
    public void close() throws ItemStreamException {
        page.clear();
    }
}
