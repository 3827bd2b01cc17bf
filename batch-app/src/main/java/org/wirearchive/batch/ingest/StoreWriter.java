package org.wirearchive.batch.ingest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.annotation.AfterStep;
import org.springframework.batch.core.annotation.BeforeStep;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.wirearchive.store.ArticleStore;
import org.wirearchive.store.ChunkDedupIndex;
import org.wirearchive.store.ManifestWriter;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.dedup.DedupDecision;
import org.wirearchive.core.dedup.Deduplicator;
import org.wirearchive.core.dedup.IndexedCopy;

/**
 * Writes each file's outcomes to the store (dedup included), inside the chunk's transaction. Set-based per chunk:
 * the dedup index loads the candidates of the whole chunk at once, dedup decides every copy in input order in memory
 * (one thread, deterministic; later copies of the chunk see the earlier ones), then the store and the index write the
 * chunk's changes with JDBC batches.
 */
public class StoreWriter implements ItemWriter<FileOutcomes> {

    private static final Logger log = LoggerFactory.getLogger(StoreWriter.class);

    private final ArticleStore store;
    private final ChunkDedupIndex index;
    private final ManifestWriter manifest;
    private final Deduplicator dedup;
    private RunContext run;

    public StoreWriter(ArticleStore store, ChunkDedupIndex index, ManifestWriter manifest) {
        this.store = store;
        this.index = index;
        this.manifest = manifest;
        this.dedup = new Deduplicator(index);
    }

    @BeforeStep
    public void beforeStep(StepExecution stepExecution) {
        this.run = RunContexts.of(stepExecution.getJobExecution());
    }

    /** The day cache goes with the step: the report step after it has the heap to itself. */
    @AfterStep
    public ExitStatus afterStep(StepExecution stepExecution) {
        log.debug("dedup day cache at the step's end: {}; released", index.cacheStatistics());
        index.release();
        return stepExecution.getExitStatus();
    }

    @Override
    public void write(Chunk<? extends FileOutcomes> chunk) {
        List<IndexedCopy> copies = new ArrayList<>();
        for (FileOutcomes file : chunk) {
            copies.addAll(file.copies());
        }
        try {
            index.begin(copies);
            ArticleStore.Chunk writes = store.chunk(run.runId(), run.runDate());
            ManifestWriter.Chunk processed = manifest.chunk(run.runId());
            for (FileOutcomes file : chunk) {
                Iterator<IndexedCopy> described = file.copies().iterator();
                for (ParseOutcome outcome : file.outcomes()) {
                    if (outcome instanceof ParseOutcome.Parsed p) {
                        DedupDecision decision = dedup.add(described.next());
                        writes.accept(p.article(), decision);
                    } else if (outcome instanceof ParseOutcome.Rejected r) {
                        writes.reject(r);
                    }
                }
                if (file.contentSha256() != null) { // null: never opened (unreadable-name, vanished)
                    processed.record(file.file().path(), file.file().sizeBytes(), file.file().modified(),
                            file.contentSha256(), file.outcomes().size());
                }
            }
            writes.flush();
            processed.flush();
            index.flush();
        } finally {
            index.discard();
        }
    }
}
