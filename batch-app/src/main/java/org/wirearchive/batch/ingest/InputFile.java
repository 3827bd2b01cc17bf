package org.wirearchive.batch.ingest;

import java.nio.file.Path;
import java.sql.Timestamp;
import org.wirearchive.store.RunInputTable;

/**
 * One entry of a run's frozen input list, with the size and modification time seen when the list was frozen. A file
 * whose name cannot be opened from its text (see {@code PathNames}) is listed under its escaped name with the size
 * {@link #UNREADABLE_NAME}: it is rejected as {@code unreadable-name} without being opened.
 */
public record InputFile(int seq, String path, long sizeBytes, Timestamp modified) {

    /** {@link #sizeBytes()} of a file listed under an escaped name that does not open it. */
    public static final long UNREADABLE_NAME = -1;

    /** The entry as {@code run_inputs} holds it. */
    public static InputFile of(RunInputTable.Entry e) {
        return new InputFile(e.seq(), e.path(), e.sizeBytes(), e.modified() == null ? null : Timestamp.from(e.modified()));
    }

    public boolean unreadableName() {
        return sizeBytes == UNREADABLE_NAME;
    }

    public Path toPath() {
        return Path.of(path);
    }
}
