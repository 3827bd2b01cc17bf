package org.wirearchive.batch.ingest;

import java.nio.file.Path;
import java.sql.Timestamp;

/** One entry of a run's frozen input list, with the size and modification time seen when the list was frozen. */
public record InputFile(int seq, String path, long sizeBytes, Timestamp modified) {

    public Path toPath() {
        return Path.of(path);
    }
}
