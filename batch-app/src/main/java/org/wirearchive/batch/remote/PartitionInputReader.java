package org.wirearchive.batch.remote;

import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.wirearchive.batch.ingest.InputFile;
import org.wirearchive.store.RunInputTable;

/**
 * Reads one partition of a run's frozen input list: the {@code run_inputs} rows of the partition's run with
 * {@code seq} in {@code [from, to)}, in order, a page at a time by key range. The range comes from the partition's
 * execution context ({@link SeqRangePartitioner}); the next seq is saved at each commit ({@link #NEXT}), so a
 * partition taken over by another worker resumes after its last committed chunk.
 */
public class PartitionInputReader implements ItemStreamReader<InputFile> {

    /** Execution-context key of the next seq to read. */
    public static final String NEXT = "partitionInputReader.next";

    private final RunInputTable inputs;
    private final int pageSize;
    private final Deque<InputFile> page = new ArrayDeque<>();
    private long runId;
    private int to;
    private int next;

    public PartitionInputReader(RunInputTable inputs, int pageSize) {
        this.inputs = inputs;
        this.pageSize = pageSize;
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
            for (RunInputTable.Entry e : inputs.page(runId, next, to, pageSize)) {
                page.add(InputFile.of(e));
            }
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
