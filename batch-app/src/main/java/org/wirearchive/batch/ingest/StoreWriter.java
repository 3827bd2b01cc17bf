package org.wirearchive.batch.ingest;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.annotation.BeforeStep;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.wirearchive.batch.store.ArticleStore;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.dedup.Deduplicator;

/** Writes each file's outcomes to the store (dedup included), inside the chunk's transaction. */
public class StoreWriter implements ItemWriter<FileOutcomes> {

    private final ArticleStore store;
    private final Deduplicator dedup;
    private RunContext run;

    public StoreWriter(ArticleStore store, Deduplicator dedup) {
        this.store = store;
        this.dedup = dedup;
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
                    store.accept(p.article(), dedup, run.runId(), run.runDate());
                } else if (outcome instanceof ParseOutcome.Rejected r) {
                    store.reject(r, run.runId(), run.runDate());
                }
            }
            store.recordInManifest(file.file().path(), file.file().sizeBytes(), file.file().modified(),
                    file.contentSha256(), file.outcomes().size(), run.runId());
        }
    }
}
