package org.wirearchive.core.format;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One regular file found under the input paths, as frozen for a run.
 *
 * @param path         the file's path, built from the input path as given (relative stays relative)
 * @param size         its size in bytes when listed
 * @param lastModified its modification time when listed
 */
public record InputFile(Path path, long size, Instant lastModified) {

    public InputFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(lastModified, "lastModified");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }

    /** The path with {@code /} separators: the source name used in reports and for ordering. */
    public String name() {
        return InputTree.nameOf(path);
    }
}
