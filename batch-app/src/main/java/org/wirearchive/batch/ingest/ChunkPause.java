package org.wirearchive.batch.ingest;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * An optional pause after every chunk of the ingest step ({@code wirearchive.chunk-pause-ms}, default 0: none). It
 * throttles an ingest that shares a busy machine, and it gives the crash and overlap tests a run that lasts long
 * enough to be interrupted however fast the ingest itself becomes.
 */
class ChunkPause implements ChunkListener<InputFile, FileOutcomes> {

    private final long millis;

    ChunkPause(long millis) {
        this.millis = millis;
    }

    @Override
    public void afterChunk(Chunk<FileOutcomes> chunk) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
