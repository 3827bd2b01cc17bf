package org.wirearchive.batch.remote;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.wirearchive.batch.ingest.FileOutcomes;
import org.wirearchive.batch.ingest.IngestJobConfiguration;
import org.wirearchive.batch.ingest.InputFile;
import org.wirearchive.batch.ingest.ParseFileProcessor;

/**
 * A worker's processor: the single-process ingest's {@link ParseFileProcessor}, built for each partition with the
 * size limit of the manager's run (from the partition's context), so every host parses a file the same way.
 */
public class PartitionParser implements ItemProcessor<InputFile, FileOutcomes>, StepExecutionListener {

    private volatile ParseFileProcessor delegate;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        long maxInputMb = stepExecution.getExecutionContext().getLong(SeqRangePartitioner.MAX_INPUT_MB);
        delegate = new ParseFileProcessor(IngestJobConfiguration.fileParser(maxInputMb));
    }

    @Override
    public FileOutcomes process(InputFile file) {
        return delegate.process(file);
    }
}
