package org.wirearchive.batch.ingest;

import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.wirearchive.store.RunInputTable;

/**
 * Reads a run's frozen input list ({@code run_inputs}) in order, a page at a time, by key range: each page is an index
 * range scan ({@code seq >= next ORDER BY job_instance_id, seq}), so the cost per file does not grow with the list.
 * Restartable: the number of files read is saved in the step's execution context at each commit
 * ({@code inputFileReader.read.count}, the key operators' tools read) and a restart resumes after it.
 */
public class InputFileReader implements ItemStreamReader<InputFile> {

    /** Execution-context key of the files read so far (= the next {@code seq}). */
    public static final String READ_COUNT = "inputFileReader.read.count";

    private final RunInputTable inputs;
    private final long instanceId;
    private final int pageSize;
    private final Deque<InputFile> page = new ArrayDeque<>();
    private int next;
    private boolean exhausted;

    public InputFileReader(RunInputTable inputs, long instanceId, int pageSize) {
        this.inputs = inputs;
        this.instanceId = instanceId;
        this.pageSize = pageSize;
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        next = context.getInt(READ_COUNT, 0);
        page.clear();
        exhausted = false;
    }

    @Override
    public InputFile read() {
        if (page.isEmpty() && !exhausted) {
            fetch();
        }
        InputFile f = page.poll();
        if (f != null) {
            next = f.seq() + 1;
        }
        return f;
    }

    private void fetch() {
        for (RunInputTable.Entry e : inputs.page(instanceId, next, pageSize)) {
            page.add(InputFile.of(e));
        }
        exhausted = page.size() < pageSize;
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        context.putInt(READ_COUNT, next);
    }

    @Override
    public void close() throws ItemStreamException {
        page.clear();
    }
}
