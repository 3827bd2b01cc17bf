package org.wirearchive.batch.ingest;

import java.nio.file.Path;

/** One entry of a run's frozen input list. */
public record InputFile(int seq, String path, long sizeBytes) {

    public Path toPath() {
        return Path.of(path);
    }
}
