package org.wirearchive.batch.remote;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wirearchive.batch.ingest.FileOutcomes;

/**
 * A worker's writer: stages each parsed file ({@link ParsedFileCodec}) in {@code parsed_files}, keyed by the run and
 * the file's seq, inside the chunk's transaction, so the staged rows and the reader's saved position commit together.
 * Rewriting a seq replaces its row: a partition redone after a crash stages each file once.
 */
public class StagingWriter implements ItemStreamWriter<FileOutcomes> {

    private final JdbcTemplate jdbc;
    private long runId;

    public StagingWriter(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        runId = context.getLong(SeqRangePartitioner.RUN_ID);
    }

    @Override
    public void write(Chunk<? extends FileOutcomes> chunk) {
        List<Object[]> keys = new ArrayList<>(chunk.size());
        List<Object[]> rows = new ArrayList<>(chunk.size());
        for (FileOutcomes f : chunk) {
            keys.add(new Object[] {runId, f.file().seq()});
            rows.add(new Object[] {runId, f.file().seq(), ParsedFileCodec.encode(f)});
        }
        jdbc.batchUpdate("DELETE FROM parsed_files WHERE job_instance_id = ? AND seq = ?", keys);
        jdbc.batchUpdate("INSERT INTO parsed_files (job_instance_id, seq, payload) VALUES (?, ?, ?)", rows);
    }
}
