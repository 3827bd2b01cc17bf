package org.wirearchive.batch.ingest;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.annotation.BeforeStep;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.wirearchive.batch.store.ArticleStore;
import org.wirearchive.core.article.ParseOutcome;

/** Writes each file's outcomes to the store (dedup included), inside the chunk's transaction. */
public class StoreWriter implements ItemWriter<FileOutcomes> {

    private final ArticleStore store;
    private RunContext run;

    public StoreWriter(ArticleStore store) {
        this.store = store;
    }

    @BeforeStep
    public void beforeStep(StepExecution stepExecution) {
        this.run = RunContexts.of(stepExecution.getJobExecution());
    }

    @Override
    public void write(Chunk<? extends FileOutcomes> chunk) {
        for (FileOutcomes file : chunk) {
            for (ParseOutcome outcome : file.outcomes()) {
                if (outcome instanceof ParseOutcome.Parsed p) {
                    store.accept(p.article(), run.runId(), run.runDate());
                } else if (outcome instanceof ParseOutcome.Rejected r) {
                    store.reject(r, run.runId(), run.runDate());
                }
            }
            store.recordInManifest(file.file().path(), file.file().sizeBytes(), file.file().modified(),
                    file.contentSha256(), file.outcomes().size(), run.runId());
        }
    }
}
