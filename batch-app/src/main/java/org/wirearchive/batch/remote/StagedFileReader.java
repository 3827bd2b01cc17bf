package org.wirearchive.batch.remote;

import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.wirearchive.batch.ingest.FileOutcomes;
import org.wirearchive.batch.ingest.InputFileReader;
import org.wirearchive.store.ParsedFileTable;
import org.wirearchive.store.RunInputTable;

/**
 * The manager's store step reads the files the workers staged, in {@code seq} order (the order of the frozen list,
 * which is what makes dedup deterministic), a page at a time by key range. Every seq of the run must be staged: a gap
 * fails the step instead of silently losing a file. Restartable: the next seq is saved at each commit under the same
 * key as the single-process reader ({@link InputFileReader#READ_COUNT}), which the progress log and the operator tools
 * read.
 */
public class StagedFileReader implements ItemStreamReader<FileOutcomes> {

    private final RunInputTable inputs;
    private final ParsedFileTable staged;
    private final long runId;
    private final int pageSize;
    private final Deque<FileOutcomes> page = new ArrayDeque<>();
    private int next;
    private int end;

    public StagedFileReader(RunInputTable inputs, ParsedFileTable staged, long runId, int pageSize) {
        this.inputs = inputs;
        this.staged = staged;
        this.runId = runId;
        this.pageSize = pageSize;
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        next = context.getInt(InputFileReader.READ_COUNT, 0);
        end = inputs.end(runId);
        page.clear();
    }

    @Override
    public FileOutcomes read() {
        if (next >= end) {
            return null;
        }
        if (page.isEmpty()) {
            for (ParsedFileTable.Staged s : staged.page(runId, next, Math.min(end, next + pageSize), pageSize)) {
                page.add(ParsedFileCodec.decode(s.payload()));
            }
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
