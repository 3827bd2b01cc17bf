package org.wirearchive.batch.remote;

import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.wirearchive.batch.ingest.FileOutcomes;
import org.wirearchive.store.ParsedFileTable;

/**
 * A worker's writer: stages each parsed file ({@link ParsedFileCodec}) in {@code parsed_files}, keyed by the run and
 * the file's seq, inside the chunk's transaction, so the staged rows and the reader's saved position commit together.
 * Rewriting a seq replaces its row: a partition redone after a crash stages each file once.
 */
public class StagingWriter implements ItemStreamWriter<FileOutcomes> {

    private final ParsedFileTable staged;
    private long runId;

    public StagingWriter(ParsedFileTable staged) {
        this.staged = staged;
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        runId = context.getLong(SeqRangePartitioner.RUN_ID);
    }

    @Override
    public void write(Chunk<? extends FileOutcomes> chunk) {
        List<ParsedFileTable.Staged> rows = new ArrayList<>(chunk.size());
        for (FileOutcomes f : chunk) {
            rows.add(new ParsedFileTable.Staged(f.file().seq(), ParsedFileCodec.encode(f)));
        }
        staged.replace(runId, rows);
    }
}
